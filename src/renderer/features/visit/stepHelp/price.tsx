/** Price: list prices and the discount allowed, and the orders taken in this visit. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatMoney, formatPercentBp } from '../../../i18n/format.js';
import { StepCheck } from './StepCheck.js';
import type { StepProps } from './types.js';

export function Price({ draft, update, playbook, context, maxDiscountBp }: StepProps) {
  const intl = useIntl();
  // Head office's default limit when the account does not carry one (see User.maxDiscountBp).
  const limit = maxDiscountBp ?? 1000;
  return (
    <div className="visit-step">
      <Text as="h3" className="section-title" msg="visit.price.priceList" />
      <p>{context?.priceList ? context.priceList.name : <Msg id="visit.price.noPriceList" />}</p>
      <p>
        <Msg id="visit.price.maxDiscount" values={{ rate: formatPercentBp(intl, limit) }} />
      </p>
      <Text as="h3" className="section-title" msg="visit.price.reminders" />
      <ul className="visit-step__list">
        {playbook.priceReminders.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <StepCheck
        checked={draft.price.announced}
        onChange={(announced) => update((d) => ({ ...d, price: { announced } }), 'now')}
      >
        <Msg id="visit.price.announced" />
      </StepCheck>
      <TakeOrder draft={draft} update={update} />
      <VisitOrders orderIds={draft.orderIds} />
    </div>
  );
}

/** Opens the order screen for the visit's customer; saving the order comes back to this step. */
export function TakeOrder({ draft, update }: Pick<StepProps, 'draft' | 'update'>) {
  return (
    <p className="visit-step__order">
      <a
        className="btn btn--primary"
        href={hrefFor({ name: 'orderNew', customerId: draft.customerId, visitId: draft.id })}
        onClick={() => update((d) => d, 'now')}
      >
        <Msg id="visit.order.take" />
      </a>
    </p>
  );
}

/**
 * The orders taken during the visit, shown again when the rep comes back from the order screen:
 * each one's number (or that it gets one at the sync), amount excl. tax, lines, and a link to it.
 */
export function VisitOrders({ orderIds }: { orderIds: readonly string[] }) {
  const { db } = useApp();
  const intl = useIntl();
  const titleId = useId();
  const orders = useLiveQuery(
    async () => (await db.orders.bulkGet([...orderIds])).flatMap((o) => (o ? [o] : [])),
    [db, orderIds],
  );
  if (orderIds.length === 0 || orders === undefined || orders.length === 0) return null;
  return (
    <section className="visit-orders" aria-labelledby={titleId}>
      <Text as="h3" id={titleId} className="section-title" msg="visit.order.taken" />
      <ul className="visit-orders__list">
        {orders.map((o) => (
          <li key={o.id} className="visit-card">
            <p className="visit-card__title">
              <a href={hrefFor({ name: 'order', id: o.id })}>
                <Msg
                  id="visit.order.title"
                  values={{
                    number:
                      o.number === '' ? intl.formatMessage({ id: 'visit.order.numberPending' }) : o.number,
                  }}
                />
              </a>
            </p>
            <p className="visit-orders__total">
              <Msg
                id="visit.order.total"
                values={{ total: formatMoney(intl, o.totalExclCents), lines: o.lines.length }}
              />
            </p>
            <ul className="visit-orders__lines">
              {o.lines.map((l) => (
                <li key={l.id}>
                  <Msg
                    id="visit.order.lineItem"
                    values={{
                      quantity: l.quantity,
                      product: l.productName,
                      total: formatMoney(intl, l.totalExclCents),
                    }}
                  />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
