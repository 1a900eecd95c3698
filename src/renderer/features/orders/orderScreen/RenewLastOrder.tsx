/**
 * On a new order: « Renouveler la dernière commande » while it has no line, then what the copy
 * changed (prices of the day, products no longer sold and left out).
 */
import { useIntl } from 'react-intl';
import type { OrderRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { Banner } from '../../../ui/Banner.js';
import { useMoney } from '../format.js';
import type { OrderDraft } from './useOrderDraft.js';

export function RenewLastOrder({ last, draft }: { last: OrderRow | null; draft: OrderDraft }) {
  const intl = useIntl();
  const money = useMoney();
  const { renewal } = draft;
  const numberOf = (order: Pick<OrderRow, 'number'>) =>
    order.number === '' ? intl.formatMessage({ id: 'orders.draftNumber' }) : order.number;

  if (renewal) {
    const from = {
      number: numberOf(renewal.from),
      date: intl.formatDate(renewal.from.orderedAt, { dateStyle: 'medium' }),
    };
    const unchanged = renewal.changed.length === 0 && renewal.gone.length === 0;
    return (
      <Banner tone={unchanged ? 'success' : 'warning'}>
        <p className="order-renewal__title">
          <Msg id="orders.renew.done" values={{ ...from, count: renewal.lines.length }} />{' '}
          {unchanged ? <Msg id="orders.renew.unchanged" /> : null}
        </p>
        {renewal.changed.length > 0 ? (
          <>
            <Text as="p" msg="orders.renew.changed" />
            <ul className="order-renewal__list">
              {renewal.changed.map((c) => (
                <li key={c.productId}>
                  <Msg
                    id="orders.renew.changedLine"
                    values={{ product: c.name, before: money(c.beforeCents), after: money(c.afterCents) }}
                  />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {renewal.gone.length > 0 ? (
          <>
            <Text as="p" msg="orders.renew.gone" />
            <ul className="order-renewal__list">
              {renewal.gone.map((g) => (
                <li key={g.productId}>{g.name}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Banner>
    );
  }
  if (last === null || draft.lines.length > 0) return null;
  return (
    <div className="order-renew no-print">
      <button type="button" className="btn" onClick={() => draft.renew(last)}>
        <Msg id="orders.renew" />
      </button>{' '}
      <span className="muted">
        <Msg
          id="orders.renew.hint"
          values={{
            number: numberOf(last),
            date: intl.formatDate(last.orderedAt, { dateStyle: 'medium' }),
            count: last.lines.length,
          }}
        />
      </span>
    </div>
  );
}
