/**
 * "To approve": the team's orders whose discount went above the rep's limit. The manager
 * approves or rejects (a rejection is confirmed first); the decided order leaves the list.
 */
import { useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import type { OrderListItem } from '../../../shared/contract/orders.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { useMoney } from '../orders/index.js';
import { callHeadOffice, type Failure, useHeadOfficeQuery } from '../../lib/headOffice.js';
import { ConfirmDialog, FailureBanner, NotLoaded, usePercent } from './parts.js';

const PENDING_LIMIT = 500;

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
      {orders.length === 0 ? (
        <EmptyState title={<Msg id="review.approvals.empty" />}>
          <Msg id="review.approvals.emptyHint" />
        </EmptyState>
      ) : (
        <div className="table-scroll review__scroll">
          <table className="table review__table">
            <caption className="visually-hidden">
              <Msg id="review.approvals.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="orders.number" />
                </th>
                <th scope="col">
                  <Msg id="orders.customer" />
                </th>
                <th scope="col">
                  <Msg id="review.col.rep" />
                </th>
                <th scope="col">
                  <Msg id="orders.date" />
                </th>
                <th scope="col" className="num">
                  <Msg id="orders.totalExcl" />
                </th>
                <th scope="col" className="review__wide">
                  <Msg id="review.col.overLimit" />
                </th>
                <th scope="col" className="review__actions-col">
                  <Msg id="review.col.decision" />
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => {
                const limit = o.repMaxDiscountBp ?? null;
                const over = o.lines.filter((l) =>
                  limit === null ? l.discountBp > 0 : l.discountBp > limit,
                );
                return (
                  <tr key={o.id}>
                    <td>{o.number}</td>
                    <td>{o.customerName ?? ''}</td>
                    <td>{o.repName ?? ''}</td>
                    <td>
                      <FormattedDate value={o.orderedAt} dateStyle="medium" />
                    </td>
                    <td className="num">{money(o.totalExclCents)}</td>
                    <td className="review__wide review__cell--wrap">
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
                    </td>
                    <td className="review__actions-col">
                      <div className="review__actions">
                        <button
                          type="button"
                          className="btn btn--small btn--primary"
                          disabled={!online || busy !== null}
                          aria-label={intl.formatMessage(
                            { id: 'review.approvals.approveOf' },
                            { number: o.number },
                          )}
                          onClick={() => void decide(o, 'approved')}
                        >
                          <Msg id="review.approvals.approve" />
                        </button>
                        <button
                          type="button"
                          className="btn btn--small"
                          disabled={!online || busy !== null}
                          aria-label={intl.formatMessage(
                            { id: 'review.approvals.rejectOf' },
                            { number: o.number },
                          )}
                          onClick={() => setRejecting(o)}
                        >
                          <Msg id="review.approvals.reject" />
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
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
