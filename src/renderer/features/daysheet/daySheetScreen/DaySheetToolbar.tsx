/** Back to the route, and the PDF export with its outcome. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { daySheetFileName } from '../../../../shared/contract/bridge.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg } from '../../../i18n/Msg.js';
import type { PdfExportResult } from '../../../platform/index.js';

export function DaySheetToolbar({ day }: { day: string }) {
  const intl = useIntl();
  const { platform } = useApp();
  const [exporting, setExporting] = useState(false);
  const [result, setResult] = useState<PdfExportResult | null>(null);
  const exportPdf = async () => {
    setExporting(true);
    setResult(null);
    try {
      setResult(await platform.exportPdf(daySheetFileName(day)));
    } finally {
      setExporting(false);
    }
  };
  return (
    <nav className="daysheet__toolbar no-print" aria-label={intl.formatMessage({ id: 'daysheet.toolbar' })}>
      <a href={hrefFor({ name: 'route', day: day })}>
        <span aria-hidden="true">← </span>
        <Msg id="daysheet.backToRoute" />
      </a>
      <button
        type="button"
        className="btn btn--primary"
        onClick={() => void exportPdf()}
        disabled={exporting}
      >
        <Msg id={exporting ? 'daysheet.exporting' : 'daysheet.export'} />
      </button>
      <p className="daysheet__export-status" role="status">
        {result === null ? null : result.kind === 'saved' ? (
          <Msg id="daysheet.saved" values={{ path: result.path }} />
        ) : result.kind === 'cancelled' ? (
          <Msg id="daysheet.cancelled" />
        ) : result.kind === 'failed' ? (
          <Msg id="daysheet.failed" values={{ message: result.message }} />
        ) : (
          <Msg id="daysheet.printDialog" />
        )}
      </p>
    </nav>
  );
}
