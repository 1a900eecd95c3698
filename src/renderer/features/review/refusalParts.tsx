/** The refused-work tab's parts: its row actions, the dismissal dialog and the CSV export. */
import { useId, useState } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import type { Refusal } from '../../../shared/contract/refusals.js';
import { MAX_REFUSAL_REASON } from '../../../shared/sync/records.js';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';
import { downloadCsv, toCsv } from '../../lib/csv.js';
import { ConfirmDialog } from './parts.js';
import type { RefusalWords } from './refusalWords.js';

/** Re-apply (when it may be) and dismiss, for one open refusal. */
export function RefusalActions({
  refusal,
  words,
  online,
  busy,
  onReapply,
  onDismiss,
}: {
  refusal: Refusal;
  words: RefusalWords;
  online: boolean;
  busy: string | null;
  onReapply: () => void;
  onDismiss: () => void;
}) {
  const intl = useIntl();
  const what = words.what(refusal);
  return (
    <div className="review__actions">
      {refusal.reapplicable ? (
        <button
          type="button"
          className="btn btn--small btn--primary"
          disabled={!online || busy !== null}
          aria-label={intl.formatMessage({ id: 'review.refusals.reapplyOf' }, { what })}
          onClick={onReapply}
        >
          <Msg id="review.refusals.reapply" />
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn--small"
        disabled={!online || busy !== null}
        aria-label={intl.formatMessage({ id: 'review.refusals.dismissOf' }, { what })}
        onClick={onDismiss}
      >
        <Msg id="review.refusals.dismiss" />
      </button>
    </div>
  );
}

/** The refusals shown, as a CSV file for French Excel (`;`, UTF-8 with BOM). */
export function exportRefusals(intl: IntlShape, words: RefusalWords, refusals: readonly Refusal[]): void {
  const t = (id: MessageKey) => intl.formatMessage({ id });
  const header = [
    t('review.col.date'),
    t('review.col.rep'),
    t('review.refusals.col.what'),
    t('review.refusals.col.reason'),
    t('review.refusals.col.content'),
    t('review.refusals.csv.status'),
  ];
  const rows = refusals.map((r) => [
    intl.formatDate(r.at, { dateStyle: 'short', timeStyle: 'short' }),
    r.repName,
    words.what(r),
    words.reason(r),
    words.content(r),
    words.status(r),
  ]);
  downloadCsv(`tournee-travail-refuse-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, rows));
}

/** Asks for the reason of a dismissal (required), then dismisses. */
export function DismissDialog({
  refusal,
  words,
  onCancel,
  onDismiss,
}: {
  refusal: Refusal | null;
  words: RefusalWords;
  onCancel: () => void;
  onDismiss: (refusal: Refusal, reason: string) => void;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const close = () => {
    setReason('');
    setReasonMissing(false);
  };
  return (
    <ConfirmDialog
      isOpen={refusal !== null}
      title={<Msg id="review.refusals.dismissTitle" />}
      confirmLabel={<Msg id="review.refusals.dismiss" />}
      onCancel={() => {
        close();
        onCancel();
      }}
      onConfirm={() => {
        if (reason.trim() === '') {
          setReasonMissing(true);
          return;
        }
        const trimmed = reason.trim();
        close();
        if (refusal) onDismiss(refusal, trimmed);
      }}
    >
      <p>{refusal ? words.what(refusal) : null}</p>
      <p>
        <Msg id="review.refusals.dismissBody" />
      </p>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          <Msg id="review.refusals.reason" />
        </label>
        <textarea
          id={`${id}-reason`}
          className="input textarea"
          rows={3}
          maxLength={MAX_REFUSAL_REASON}
          value={reason}
          aria-invalid={reasonMissing}
          aria-describedby={reasonMissing ? `${id}-reason-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        {reasonMissing ? (
          <span id={`${id}-reason-error`} className="field__error" role="alert">
            <Msg id="review.refusals.reasonRequired" />
          </span>
        ) : null}
      </div>
    </ConfirmDialog>
  );
}
