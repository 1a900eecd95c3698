/** The preview's totals: excluding tax, VAT, including tax. */
import { Text } from '../../../i18n/Msg.js';
import { useMoney } from '../format.js';
import type { OrderDraft } from './useOrderDraft.js';

export function OrderTotals({ totals }: { totals: OrderDraft['preview']['totals'] }) {
  const money = useMoney();
  return (
    <section aria-labelledby="order-totals" className="order-totals">
      <Text as="h2" id="order-totals" className="visually-hidden" msg="orders.totals" />
      <dl>
        <Text as="dt" msg="orders.totalExcl" />
        <dd className="num">{money(totals.totalExclCents)}</dd>
        <Text as="dt" msg="orders.totalVat" />
        <dd className="num">{money(totals.totalVatCents)}</dd>
        <Text as="dt" msg="orders.totalIncl" />
        <dd className="num order-totals__incl">{money(totals.totalInclCents)}</dd>
      </dl>
      <Text as="p" className="hint" msg="orders.rounding" />
    </section>
  );
}
