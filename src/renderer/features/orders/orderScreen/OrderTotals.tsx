/** The preview's totals: excluding tax, VAT, including tax. */
import { Msg } from '../../../i18n/Msg.js';
import { useMoney } from '../format.js';
import type { OrderDraft } from './useOrderDraft.js';

export function OrderTotals({ totals }: { totals: OrderDraft['preview']['totals'] }) {
  const money = useMoney();
  return (
    <section aria-labelledby="order-totals" className="order-totals">
      <h2 id="order-totals" className="visually-hidden">
        <Msg id="orders.totals" />
      </h2>
      <dl>
        <dt>
          <Msg id="orders.totalExcl" />
        </dt>
        <dd className="num">{money(totals.totalExclCents)}</dd>
        <dt>
          <Msg id="orders.totalVat" />
        </dt>
        <dd className="num">{money(totals.totalVatCents)}</dd>
        <dt>
          <Msg id="orders.totalIncl" />
        </dt>
        <dd className="num order-totals__incl">{money(totals.totalInclCents)}</dd>
      </dl>
      <p className="hint">
        <Msg id="orders.rounding" />
      </p>
    </section>
  );
}
