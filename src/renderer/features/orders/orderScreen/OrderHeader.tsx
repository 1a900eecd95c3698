/** The order's title, status badges, date and PDF export. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import type { CustomerRow, OrderRow } from '../../../db/schema.js';
import type { PdfExportResult } from '../../../platform/types.js';
import { Msg } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import { approvalTone, statusTone } from '../format.js';

export function OrderHeader({ order, customer }: { order: OrderRow | null; customer: CustomerRow }) {
  const { platform } = useApp();
  const intl = useIntl();
  const [pdf, setPdf] = useState<PdfExportResult | 'exporting' | null>(null);
  const title = order
    ? intl.formatMessage(
        { id: 'orders.orderFor' },
        {
          number: order.number === '' ? intl.formatMessage({ id: 'orders.draftNumber' }) : order.number,
          customer: customer.name,
        },
      )
    : intl.formatMessage({ id: 'orders.newFor' }, { customer: customer.name });

  return (
    <header className="record__header">
      <h1 id="order-title" className="page__title">
        {title}
      </h1>
      {order ? (
        <Badge tone={statusTone(order.status)}>
          <Msg id={`orders.status.${order.status}`} />
        </Badge>
      ) : null}
      {order?.approval && order.approval !== 'not-needed' ? (
        <Badge tone={approvalTone(order.approval)}>
          <Msg id={`orders.approval.${order.approval}`} />
        </Badge>
      ) : null}
      {order && order.version > 0 ? (
        <Badge tone="success">
          <Msg id="orders.savedAtHeadOffice" />
        </Badge>
      ) : null}
      {order ? (
        <div className="record__actions no-print">
          <button
            type="button"
            className="btn"
            disabled={pdf === 'exporting'}
            onClick={() => {
              setPdf('exporting');
              void platform
                .exportPdf(`commande-${order.number === '' ? order.id : order.number}.pdf`)
                .then(setPdf, (error: unknown) =>
                  setPdf({
                    kind: 'failed',
                    message: error instanceof Error ? error.message : String(error),
                  }),
                );
            }}
          >
            <Msg id="orders.pdf" />
          </button>
        </div>
      ) : null}
      {order ? (
        <p className="record__subtitle muted">
          <Msg
            id="orders.orderedOn"
            values={{ date: intl.formatDate(order.orderedAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
          />
        </p>
      ) : null}
      <p className="no-print" role="status">
        {pdf === null || pdf === 'exporting' ? null : pdf.kind === 'saved' ? (
          <Msg id="orders.pdf.saved" values={{ path: pdf.path }} />
        ) : pdf.kind === 'failed' ? (
          <Msg id="orders.pdf.failed" values={{ message: pdf.message }} />
        ) : pdf.kind === 'printDialog' ? (
          <Msg id="orders.pdf.printDialog" />
        ) : null}
      </p>
    </header>
  );
}
