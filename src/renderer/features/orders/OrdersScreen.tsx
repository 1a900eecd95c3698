/**
 * The rep's orders on this laptop, newest first (Orders in the rail): filtered by period (the
 * last 3 months by default), status and customer, and searched by number or customer name
 * (the customer search's word-prefix matching).
 */
import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import { orderStatuses, type OrderStatus } from '../../../shared/domain/order/order.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import type { OrderRow } from '../../db/schema.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { FilterSelect } from '../../ui/FilterSelect.js';
import { Page } from '../../ui/PageHeader.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { searchByWordPrefix } from '../search/index.js';
import { useMoney } from './format.js';
import { OrderStatusBadges } from './OrderStatusBadges.js';
import { useRepOrders } from './queries.js';

const column = createColumnHelper<OrderRow>();
const periods = ['30', '90', '365', 'all'] as const;
type Period = (typeof periods)[number];

/** The first day of the period (`YYYY-MM-DD`), '' for all: stable through the day. */
function sinceOf(period: Period, today: string): string {
  if (period === 'all') return '';
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - Number(period));
  return day.toISOString().slice(0, 10);
}

export function OrdersScreen() {
  const { db, user } = useApp();
  const money = useMoney();
  const intl = useIntl();
  const id = useId();
  const [period, setPeriod] = useState<Period>('90');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [customerId, setCustomerId] = useState('');
  const [search, setSearch] = useState('');
  const today = new Date().toISOString().slice(0, 10);
  const data = useRepOrders(db, user.id, sinceOf(period, today));
  const names = data?.names;

  const customers = useMemo(
    () =>
      names
        ? [...new Set(data.orders.map((o) => o.customerId))]
            .map((c) => ({ value: c, label: names.get(c) ?? c }))
            .sort((a, b) => a.label.localeCompare(b.label, intl.locale))
        : [],
    [data, names, intl.locale],
  );
  // A customer chosen before the period changed, and no longer in it, filters nothing.
  const customer = customers.some((c) => c.value === customerId) ? customerId : '';
  const shown = useMemo(() => {
    if (!data) return undefined;
    const filtered = data.orders.filter(
      (o) => (status === '' || o.status === status) && (customer === '' || o.customerId === customer),
    );
    if (search.trim() === '') return filtered;
    const found = new Set(
      searchByWordPrefix(
        filtered,
        (o) => [o.number, data.names.get(o.customerId) ?? ''],
        search,
        filtered.length,
      ).map((h) => h.item),
    );
    return filtered.filter((o) => found.has(o));
  }, [data, status, customer, search]);
  const filtered = status !== '' || customer !== '' || search.trim() !== '' || period !== 'all';

  const columns = [
    column.accessor('orderedAt', {
      header: () => <Msg id="orders.date" />,
      cell: (info) => <FormattedDate value={info.getValue()} dateStyle="medium" />,
    }),
    column.accessor('number', {
      header: () => <Msg id="orders.number" />,
      cell: (info) => (
        <a href={hrefFor({ name: 'order', id: info.row.original.id })}>
          {info.getValue() === '' ? <Msg id="orders.draftNumber" /> : info.getValue()}
        </a>
      ),
    }),
    column.accessor((o) => names?.get(o.customerId) ?? '', {
      id: 'customer',
      header: () => <Msg id="orders.customer" />,
    }),
    column.accessor('totalExclCents', {
      header: () => <Msg id="orders.totalExcl" />,
      cell: (info) => money(info.getValue()),
      meta: { numeric: true },
    }),
    column.accessor('status', {
      header: () => <Msg id="orders.col.status" />,
      cell: (info) => <OrderStatusBadges status={info.getValue()} approval={info.row.original.approval} />,
    }),
  ];

  return (
    <Page titleId="orders-title" title={<Msg id="orders.recent" />}>
      <div className="review__filters orders__filters">
        <div className="field">
          <Text as="label" htmlFor={`${id}-search`} className="field__label" msg="orders.filter.search" />
          <input
            id={`${id}-search`}
            type="search"
            className="input input--search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
        </div>
        <FilterSelect<Period>
          id={`${id}-period`}
          label={<Msg id="orders.filter.period" />}
          value={period}
          onChange={setPeriod}
          options={periods.map((p) => ({
            value: p,
            label: intl.formatMessage({ id: `orders.filter.period.${p}` }),
          }))}
        />
        <FilterSelect<OrderStatus | ''>
          id={`${id}-status`}
          label={<Msg id="orders.filter.status" />}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: intl.formatMessage({ id: 'orders.filter.allStatuses' }) },
            ...orderStatuses.map((s) => ({
              value: s,
              label: intl.formatMessage({ id: `orders.status.${s}` }),
            })),
          ]}
        />
        <FilterSelect
          id={`${id}-customer`}
          label={<Msg id="orders.filter.customer" />}
          value={customer}
          onChange={setCustomerId}
          options={[
            { value: '', label: intl.formatMessage({ id: 'orders.filter.allCustomers' }) },
            ...customers,
          ]}
        />
        {shown !== undefined ? (
          <p className="page__count muted" aria-live="polite">
            <Msg id="orders.shownCount" values={{ count: shown.length }} />
          </p>
        ) : null}
      </div>
      <DataTable
        data={shown}
        columns={columns}
        getRowId={(o) => o.id}
        label={intl.formatMessage({ id: 'orders.recent' })}
        loading={<SkeletonRows rows={8} label={intl.formatMessage({ id: 'orders.loading' })} />}
        empty={<EmptyState title={<Msg id={filtered ? 'orders.emptyFiltered' : 'orders.empty'} />} />}
      />
    </Page>
  );
}
