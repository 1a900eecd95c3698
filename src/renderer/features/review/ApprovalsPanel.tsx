/**
 * "To approve": the team's orders whose discount went above the rep's limit. The manager
 * approves or rejects (a rejection is confirmed first); the decided order leaves the list.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import type { OrderListItem } from '../../../shared/contract/orders.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { useMoney } from '../orders/index.js';
import { callHeadOffice, type Failure, useHeadOfficeQuery } from '../../lib/headOffice.js';
import { ConfirmDialog, FailureBanner, NotLoaded, usePercent, ReviewTable } from './parts.js';

const PENDING_LIMIT = 500;
const column = createColumnHelper<OrderListItem>();

export function ApprovalsPanel({ online, announce }: { online: boolean; announce: (text: string) => void }) {
  const { platform } = useApp();
  const intl = useIntl();
  const money = useMoney();
  const percent = usePercent();
  const { loaded, reload, update } = useHeadOfficeQuery(
    platform,
    'order-list',
    { approval: 'pending', limit: PENDING_LIMIT },
    online,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<OrderListItem | null>(null);
  const [failed, setFailed] = useState<{ number: string; failure: Failure } | null>(null);

  async function decide(order: OrderListItem, decision: 'approved' | 'rejected') {
    setBusy(order.id);
    setFailed(null);
    const called = await callHeadOffice(platform, 'order-approve', { id: order.id, decision });
    setBusy(null);
    if (!called.ok) {
      setFailed({ number: order.number, failure: called.failure });
      return;
    }
    update((value) => ({ ...value, orders: value.orders.filter((o) => o.id !== order.id) }));
    announce(
      intl.formatMessage(
        { id: decision === 'approved' ? 'review.approvals.approved' : 'review.approvals.rejected' },
        { number: order.number, customer: order.customerName ?? '' },
      ),
    );
  }

  const columns = [
    column.accessor('number', { header: () => <Msg id="orders.number" /> }),
    column.accessor((o) => o.customerName ?? '', {
      id: 'customer',
      header: () => <Msg id="orders.customer" />,
    }),
    column.accessor((o) => o.repName ?? '', { id: 'rep', header: () => <Msg id="review.col.rep" /> }),
    column.accessor('orderedAt', {
      header: () => <Msg id="orders.date" />,
      cell: (info) => <FormattedDate value={info.getValue()} dateStyle="medium" />,
    }),
    column.accessor('totalExclCents', {
      header: () => <Msg id="orders.totalExcl" />,
      cell: (info) => money(info.getValue()),
      meta: { className: 'num', headerClassName: 'num' },
    }),
    column.display({
      id: 'overLimit',
      header: () => <Msg id="review.col.overLimit" />,
      cell: (info) => {
        const o = info.row.original;
        const limit = o.repMaxDiscountBp ?? null;
        const over = o.lines.filter((l) => (limit === null ? l.discountBp > 0 : l.discountBp > limit));
        return (
          <>
            <ul className="review__over">
              {over.map((l) => (
                <li key={l.id}>
                  <mark className="review__mark">
                    <Msg
                      id="review.approvals.lineOver"
                      values={{ product: l.productName, discount: percent(l.discountBp) }}
                    />
                  </mark>
                </li>
              ))}
            </ul>
            {limit !== null ? (
              <span className="muted">
                <Msg id="review.approvals.limit" values={{ limit: percent(limit) }} />
              </span>
            ) : null}
          </>
        );
      },
      meta: { className: 'review__wide review__cell--wrap', headerClassName: 'review__wide' },
    }),
    column.display({
      id: 'decision',
      header: () => <Msg id="review.col.decision" />,
      cell: (info) => {
        const o = info.row.original;
        return (
          <div className="review__actions">
            <button
              type="button"
              className="btn btn--small btn--primary"
              disabled={!online || busy !== null}
              aria-label={intl.formatMessage({ id: 'review.approvals.approveOf' }, { number: o.number })}
              onClick={() => void decide(o, 'approved')}
            >
              <Msg id="review.approvals.approve" />
            </button>
            <button
              type="button"
              className="btn btn--small"
              disabled={!online || busy !== null}
              aria-label={intl.formatMessage({ id: 'review.approvals.rejectOf' }, { number: o.number })}
              onClick={() => setRejecting(o)}
            >
              <Msg id="review.approvals.reject" />
            </button>
          </div>
        );
      },
      meta: { className: 'review__actions-col', headerClassName: 'review__actions-col' },
    }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={6} />;
  const orders = loaded.value.orders;
  return (
    <div className="review__panel">
      {failed ? (
        <FailureBanner
          failure={failed.failure}
          title={<Msg id="review.approvals.failed" values={{ number: failed.number }} />}
        />
      ) : null}
      <ReviewTable
        data={orders}
        columns={columns}
        getRowId={(o) => o.id}
        caption="review.approvals.caption"
        emptyTitle={<Msg id="review.approvals.empty" />}
        emptyHint={<Msg id="review.approvals.emptyHint" />}
      />
      <ConfirmDialog
        isOpen={rejecting !== null}
        title={<Msg id="review.approvals.confirmTitle" values={{ number: rejecting?.number ?? '' }} />}
        confirmLabel={<Msg id="review.approvals.confirmReject" />}
        onCancel={() => setRejecting(null)}
        onConfirm={() => {
          const order = rejecting;
          setRejecting(null);
          if (order) void decide(order, 'rejected');
        }}
      >
        <p>
          <Msg id="review.approvals.confirmBody" values={{ rep: rejecting?.repName ?? '' }} />
        </p>
      </ConfirmDialog>
    </div>
  );
}
