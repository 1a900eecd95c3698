/** The rep's recent orders on this laptop, newest first (Orders in the rail). */
import { useLiveQuery } from 'dexie-react-hooks';
import { FormattedDate } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { approvalTone, statusTone, useMoney } from './format.js';

const RECENT = 100;

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

  return (
    <section className="page" aria-labelledby="orders-title">
      <h1 id="orders-title" className="page__title">
        <Msg id="orders.recent" />
      </h1>
      {data === undefined ? null : data.orders.length === 0 ? (
        <EmptyState title={<Msg id="orders.empty" />} />
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">
                  <Msg id="orders.date" />
                </th>
                <th scope="col">
                  <Msg id="orders.number" />
                </th>
                <th scope="col">
                  <Msg id="orders.customer" />
                </th>
                <th scope="col">
                  <Msg id="orders.totalExcl" />
                </th>
                <th scope="col">
                  <Msg id="orders.col.actions" />
                </th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <FormattedDate value={o.orderedAt} dateStyle="medium" />
                  </td>
                  <td>
                    <a href={hrefFor({ name: 'order', id: o.id })}>
                      {o.number === '' ? <Msg id="orders.draftNumber" /> : o.number}
                    </a>
                  </td>
                  <td>{data.names.get(o.customerId) ?? ''}</td>
                  <td className="num">{money(o.totalExclCents)}</td>
                  <td>
                    <Badge tone={statusTone(o.status)}>
                      <Msg id={`orders.status.${o.status}`} />
                    </Badge>{' '}
                    {o.approval && o.approval !== 'not-needed' ? (
                      <Badge tone={approvalTone(o.approval)}>
                        <Msg id={`orders.approval.${o.approval}`} />
                      </Badge>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
