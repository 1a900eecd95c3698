/** The rep's recent orders on this laptop, newest first (Orders in the rail). */
import { createColumnHelper } from '@tanstack/react-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { FormattedDate, useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import type { OrderRow } from '../../db/schema.js';
import { DataTable } from '../../ui/DataTable.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { Page } from '../../ui/PageHeader.js';
import { useMoney } from './format.js';
import { OrderStatusBadges } from './OrderStatusBadges.js';

const RECENT = 100;
const column = createColumnHelper<OrderRow>();

export function OrdersScreen() {
  const { db, user } = useApp();
  const money = useMoney();
  const data = useLiveQuery(async () => {
    const orders = await db.orders
      .orderBy('orderedAt')
      .reverse()
      .filter((o) => o.repId === user.id)
      .limit(RECENT)
      .toArray();
    const customers = await db.customers.bulkGet([...new Set(orders.map((o) => o.customerId))]);
    const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    return { orders, names };
  }, [db, user.id]);

  const intl = useIntl();
  const names = data?.names;
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
      meta: { className: 'num' },
    }),
    column.accessor('status', {
      header: () => <Msg id="orders.col.actions" />,
      cell: (info) => <OrderStatusBadges status={info.getValue()} approval={info.row.original.approval} />,
    }),
  ];

  return (
    <Page titleId="orders-title" title={<Msg id="orders.recent" />}>
      <DataTable
        data={data?.orders}
        columns={columns}
        getRowId={(o) => o.id}
        label={intl.formatMessage({ id: 'orders.recent' })}
        loading={null}
        empty={<EmptyState title={<Msg id="orders.empty" />} />}
      />
    </Page>
  );
}
