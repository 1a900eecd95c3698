/** The customer's open orders and their sum. */
import { FormattedDate, useIntl } from 'react-intl';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatDay, formatMoney } from '../../../i18n/format.js';
import type { OpenOrders } from '../compute.js';
import type { BriefRows } from '../queries.js';
import { None, Section, type Ids, type Level } from './parts.js';

export function OpenOrdersSection({
  open,
  level,
  s,
}: {
  open: OpenOrders<BriefRows['orders'][number]>;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('orders')} name="orders" level={level} title={<Msg id="brief.openOrders" />}>
      {open.orders.length === 0 ? (
        <None id="brief.openOrdersEmpty" />
      ) : (
        <table className="brief__table">
          <thead>
            <tr>
              <Text as="th" scope="col" msg="brief.order.number" />
              <Text as="th" scope="col" msg="brief.order.date" />
              <Text as="th" scope="col" msg="brief.order.status" />
              <Text as="th" scope="col" className="num" msg="brief.order.total" />
            </tr>
          </thead>
          <tbody>
            {open.orders.map((o) => (
              <tr key={o.id}>
                <td className="tabular">{o.number}</td>
                <td className="tabular">
                  <FormattedDate value={o.orderedAt} dateStyle="short" />
                </td>
                <td>
                  <Msg id={`orderStatus.${o.status}`} />
                  {o.deliveryDate ? (
                    <span className="muted">
                      {' '}
                      <Msg
                        id="brief.order.delivery"
                        values={{
                          date: formatDay(intl, o.deliveryDate, { dateStyle: 'short' }),
                        }}
                      />
                    </span>
                  ) : null}
                </td>
                <td className="num tabular">{formatMoney(intl, o.totalExclCents)}</td>
              </tr>
            ))}
          </tbody>
          {open.orders.length > 1 ? (
            <tfoot>
              <tr>
                <Text as="th" scope="row" colSpan={3} msg="brief.order.sum" />
                <td className="num tabular">{formatMoney(intl, open.totalExclCents)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
    </Section>
  );
}
