/**
 * "Orders": the team's recent orders at head office, sortable, filtered by rep and status;
 * each row offers only the legal next statuses (confirm, ship, deliver, cancel). Head office
 * refuses to confirm a discount waiting for approval or rejected: its reason is shown.
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import type { OrderListItem } from '../../../shared/contract/orders.js';
import { orderStatuses, orderStatusTransitions } from '../../../shared/domain/order/order.js';
import type { OrderStatus } from '../../../shared/domain/order/order.js';
import { useApp } from '../../app/context.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { OrderStatusBadges, useMoney } from '../orders/index.js';
import { callHeadOffice, type Failure, useHeadOfficeQuery } from '../../lib/headOffice.js';
import {
  ConfirmDialog,
  FailureBanner,
  FilterSelect,
  NotLoaded,
  RepFilter,
  ReviewFilters,
  ReviewTable,
} from './parts.js';

const RECENT = 300;
const column = createColumnHelper<OrderListItem>();

type Move = Exclude<OrderStatus, 'draft' | 'received'>;

/** The moves head office may make from a status, in the order the buttons show. */
export function legalMoves(status: OrderStatus): Move[] {
  return orderStatusTransitions[status].flatMap((s) => (s === 'draft' || s === 'received' ? [] : [s]));
}

export function OrdersPanel({ online, announce }: { online: boolean; announce: (text: string) => void }) {
  const { platform } = useApp();
  const intl = useIntl();
  const money = useMoney();
  const id = useId();
  const { loaded, reload, update } = useHeadOfficeQuery(platform, 'order-list', { limit: RECENT }, online);
  const [repFilter, setRepFilter] = useState('');
  const [statusFilter, setStatusFilter] = useState<OrderStatus | ''>('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ number: string; failure: Failure } | null>(null);
  const [cancelling, setCancelling] = useState<OrderListItem | null>(null);

  const collator = useMemo(
    () => new Intl.Collator(intl.locale, { sensitivity: 'base', numeric: true }),
    [intl.locale],
  );
  const all = useMemo(() => (loaded.state === 'ready' ? loaded.value.orders : []), [loaded]);
  const data = useMemo(
    () =>
      all.filter(
        (o) =>
          (repFilter === '' || o.repId === repFilter) && (statusFilter === '' || o.status === statusFilter),
      ),
    [all, repFilter, statusFilter],
  );

  async function move(order: OrderListItem, status: Move) {
    setBusy(order.id);
    setFailed(null);
    const called = await callHeadOffice(platform, 'order-set-status', { id: order.id, status });
    setBusy(null);
    if (!called.ok) {
      setFailed({ number: order.number, failure: called.failure });
      return;
    }
    const changed = called.value.order;
    update((value) => ({
      ...value,
      orders: value.orders.map((o) => (o.id === changed.id ? { ...o, ...changed } : o)),
    }));
    announce(
      intl.formatMessage(
        { id: 'review.orders.moved' },
        { number: order.number, status: intl.formatMessage({ id: `orders.status.${status}` }) },
      ),
    );
  }

  const columns = [
    column.accessor('number', {
      header: () => <Msg id="orders.number" />,
      sortingFn: (a, b) => collator.compare(a.original.number, b.original.number),
      meta: { className: 'review__number' },
    }),
    column.accessor((o) => o.customerName ?? '', {
      id: 'customer',
      header: () => <Msg id="orders.customer" />,
      sortingFn: (a, b) => collator.compare(a.original.customerName ?? '', b.original.customerName ?? ''),
      meta: { headerClassName: 'review__wide' },
    }),
    column.accessor((o) => o.repName ?? '', {
      id: 'rep',
      header: () => <Msg id="review.col.rep" />,
      sortingFn: (a, b) => collator.compare(a.original.repName ?? '', b.original.repName ?? ''),
    }),
    column.accessor('orderedAt', {
      header: () => <Msg id="orders.date" />,
      cell: (info) => <FormattedDate value={info.getValue()} dateStyle="medium" />,
      sortingFn: (a, b) => a.original.orderedAt.localeCompare(b.original.orderedAt),
    }),
    column.accessor('totalExclCents', {
      header: () => <Msg id="orders.totalExcl" />,
      cell: (info) => money(info.getValue()),
      sortingFn: 'basic',
      meta: { className: 'num' },
    }),
    column.accessor('status', {
      header: () => <Msg id="review.col.status" />,
      cell: (info) => <OrderStatusBadges status={info.getValue()} approval={info.row.original.approval} />,
      sortingFn: (a, b) =>
        orderStatuses.indexOf(a.original.status) - orderStatuses.indexOf(b.original.status),
    }),
    column.display({
      id: 'actions',
      header: () => <Msg id="review.col.actions" />,
      cell: (info) => {
        const o = info.row.original;
        const moves = legalMoves(o.status);
        return (
          <div className="review__actions">
            {moves.length === 0 ? (
              <Text as="span" className="muted" msg="review.orders.final" />
            ) : (
              moves.map((m) => (
                <button
                  key={m}
                  type="button"
                  className={m === 'cancelled' ? 'btn btn--small' : 'btn btn--small btn--primary'}
                  disabled={!online || busy !== null}
                  aria-label={intl.formatMessage({ id: `review.orders.action.${m}Of` }, { number: o.number })}
                  onClick={() => (m === 'cancelled' ? setCancelling(o) : void move(o, m))}
                >
                  <Msg id={`review.orders.action.${m}`} />
                </button>
              ))
            )}
          </div>
        );
      },
      meta: { className: 'review__actions-col', headerClassName: 'review__actions-col' },
    }),
  ];

  if (loaded.state !== 'ready')
    return <NotLoaded loaded={loaded} online={online} onRetry={reload} rows={8} />;

  return (
    <div className="review__panel">
      <ReviewFilters count={<Msg id="review.orders.count" values={{ count: data.length }} />}>
        <RepFilter id={`${id}-rep`} value={repFilter} onChange={setRepFilter} items={all} />
        <FilterSelect<OrderStatus | ''>
          id={`${id}-status`}
          label={<Msg id="review.filter.status" />}
          value={statusFilter}
          onChange={setStatusFilter}
          options={[
            { value: '', label: intl.formatMessage({ id: 'review.filter.allStatuses' }) },
            ...orderStatuses
              .filter((s) => s !== 'draft')
              .map((s) => ({ value: s, label: intl.formatMessage({ id: `orders.status.${s}` }) })),
          ]}
        />
      </ReviewFilters>
      {failed ? (
        <FailureBanner
          failure={failed.failure}
          title={<Msg id="review.orders.failed" values={{ number: failed.number }} />}
        />
      ) : null}
      <ReviewTable
        data={data}
        columns={columns}
        getRowId={(o) => o.id}
        caption="review.orders.caption"
        initialSorting={[{ id: 'orderedAt', desc: true }]}
        emptyTitle={<Msg id={all.length === 0 ? 'review.orders.empty' : 'review.orders.noMatch'} />}
      />
      <ConfirmDialog
        isOpen={cancelling !== null}
        title={<Msg id="review.orders.confirmCancelTitle" values={{ number: cancelling?.number ?? '' }} />}
        confirmLabel={<Msg id="review.orders.confirmCancel" />}
        onCancel={() => setCancelling(null)}
        onConfirm={() => {
          const order = cancelling;
          setCancelling(null);
          if (order) void move(order, 'cancelled');
        }}
      >
        <p>
          <Msg id="review.orders.confirmCancelBody" values={{ customer: cancelling?.customerName ?? '' }} />
        </p>
      </ConfirmDialog>
    </div>
  );
}
