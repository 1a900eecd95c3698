import { useVirtualizer } from '@tanstack/react-virtual';
import { PropRow } from '../../../ui/PropRow.js';
import { useRef, useState } from 'react';
import { FormattedDate, useIntl } from 'react-intl';
import { consentPurposes, isConsentSource } from '../../../../shared/domain/contact/contact.js';
import type { CustomerRow, OrderRow } from '../../../db/schema.js';
import { useApp } from '../../../app/context.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ContactRoleText } from '../../../i18n/contactRole.js';
import { formatMoney, formatPercentBp } from '../../../i18n/format.js';
import { Badge } from '../../../ui/Badge.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import { CustomerComplaints } from '../../complaints/index.js';
import { useActions, useConsents, useContacts, useVisits } from '../queries.js';
import { Declarative } from './Declarative.js';

const loading = <SkeletonRows rows={4} label="" />;

export function ContactsTab({ customerId }: { customerId: string }) {
  const { db } = useApp();
  const contacts = useContacts(db, customerId);
  if (contacts === undefined) return loading;
  if (contacts.length === 0) return <EmptyState title={<Msg id="c360.contacts.empty" />} />;
  const sorted = [...contacts].sort((a, b) => Number(b.decisionMaker) - Number(a.decisionMaker));
  return (
    <ul className="cards">
      {sorted.map((c) => (
        <li key={c.id} className="card contact">
          <h3 className="contact__name">
            {c.anonymisedAt ? <Msg id="c360.contacts.anonymised" /> : `${c.firstName} ${c.lastName}`.trim()}
            {c.decisionMaker ? (
              <>
                {' '}
                <Badge tone="accent">
                  <Msg id="c360.contacts.decisionMaker" />
                </Badge>
              </>
            ) : null}
          </h3>
          {c.role ? (
            <p className="muted">
              <ContactRoleText stored={c.role} />
            </p>
          ) : null}
          <dl className="props">
            <PropRow label={<Msg id="c360.contacts.channel" />}>
              <Msg id={`channel.${c.preferredChannel}`} />
            </PropRow>
            {c.phone ? (
              <PropRow label={<Msg id="c360.contacts.phone" />} valueProps={{ className: 'tabular' }}>
                <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
              </PropRow>
            ) : null}
            {c.mobile ? (
              <PropRow label={<Msg id="c360.contacts.mobile" />} valueProps={{ className: 'tabular' }}>
                <a href={`tel:${c.mobile.replace(/[^\d+]/g, '')}`}>{c.mobile}</a>
              </PropRow>
            ) : null}
            {c.email ? (
              <PropRow label={<Msg id="c360.contacts.email" />}>
                <a href={`mailto:${c.email}`}>{c.email}</a>
              </PropRow>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}

const statusTone = {
  draft: 'neutral',
  received: 'info',
  confirmed: 'info',
  shipped: 'accent',
  delivered: 'success',
  cancelled: 'danger',
} as const;

/** Order history, virtualised (some customers have hundreds of orders); a row expands to its lines. */
export function OrdersTab({ orders }: { orders: OrderRow[] | undefined }) {
  const intl = useIntl();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  // TanStack Virtual returns fresh functions by design; the React Compiler skips this hook.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: orders?.length ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 40,
    overscan: 8,
    getItemKey: (i) => orders?.[i]?.id ?? i,
  });
  if (orders === undefined) return loading;
  if (orders.length === 0) return <EmptyState title={<Msg id="c360.orders.empty" />} />;
  const items = virtualizer.getVirtualItems();
  return (
    <div className="orders">
      <p className="muted">
        <Msg id="c360.orders.count" values={{ count: orders.length }} />
      </p>
      <div className="orders__head" aria-hidden="true">
        <Text as="span" msg="c360.orders.date" />
        <Text as="span" msg="c360.orders.number" />
        <Text as="span" msg="c360.orders.status" />
        <Text as="span" className="num" msg="c360.orders.totalExcl" />
        <Text as="span" className="num" msg="c360.orders.totalIncl" />
      </div>
      <div ref={scrollRef} className="orders__scroll" data-testid="orders-scroll">
        <ul className="orders__list" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const order = orders[item.index];
            if (!order) return null;
            const expanded = open.has(order.id);
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="order"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <button
                  type="button"
                  className="order__summary"
                  aria-expanded={expanded}
                  aria-controls={`lines-${order.id}`}
                  onClick={() =>
                    setOpen((prev) => {
                      const next = new Set(prev);
                      if (expanded) next.delete(order.id);
                      else next.add(order.id);
                      return next;
                    })
                  }
                >
                  <span>
                    <FormattedDate value={order.orderedAt} dateStyle="medium" />
                  </span>
                  <span className="tabular">{order.number}</span>
                  <span>
                    <Badge tone={statusTone[order.status]}>
                      <Msg id={`orderStatus.${order.status}`} />
                    </Badge>
                  </span>
                  <span className="num tabular">{formatMoney(intl, order.totalExclCents)}</span>
                  <span className="num tabular">{formatMoney(intl, order.totalInclCents)}</span>
                </button>
                {expanded ? (
                  <table id={`lines-${order.id}`} className="table table--lines">
                    <caption className="visually-hidden">
                      <Msg id="c360.orders.linesOf" values={{ number: order.number }} />
                    </caption>
                    <thead>
                      <tr>
                        <Text as="th" scope="col" msg="c360.orders.product" />
                        <Text as="th" scope="col" className="num" msg="c360.orders.quantity" />
                        <Text as="th" scope="col" className="num" msg="c360.orders.unitPrice" />
                        <Text as="th" scope="col" className="num" msg="c360.orders.discount" />
                        <Text as="th" scope="col" className="num" msg="c360.orders.lineTotal" />
                      </tr>
                    </thead>
                    <tbody>
                      {order.lines.map((line) => (
                        <tr key={line.id}>
                          <td>
                            <span className="tabular muted">{line.productReference}</span> {line.productName}
                          </td>
                          <td className="num tabular">{intl.formatNumber(line.quantity)}</td>
                          <td className="num tabular">{formatMoney(intl, line.unitPriceCents)}</td>
                          <td className="num tabular">{formatPercentBp(intl, line.discountBp)}</td>
                          <td className="num tabular">{formatMoney(intl, line.totalExclCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}

const outcomeTone = {
  order: 'success',
  'follow-up': 'info',
  'no-sale': 'warning',
  'not-met': 'neutral',
} as const;

export function VisitsTab({ customerId }: { customerId: string }) {
  const { db } = useApp();
  const visits = useVisits(db, customerId);
  if (visits === undefined) return loading;
  if (visits.length === 0) return <EmptyState title={<Msg id="c360.visits.empty" />} />;
  return (
    <ol className="timeline">
      {visits.map((v) => (
        <li key={v.id} className="timeline__item">
          <div className="timeline__meta">
            <FormattedDate value={v.at} dateStyle="medium" timeStyle="short" /> ·{' '}
            <Msg id={`channel.${v.channel}`} />{' '}
            <Badge tone={outcomeTone[v.outcome]}>
              <Msg id={`visitOutcome.${v.outcome}`} />
            </Badge>
          </div>
          {v.summary ? <p className="pre-wrap">{v.summary}</p> : null}
          {v.objections.length > 0 ? (
            <>
              <Text as="h3" className="timeline__subtitle" msg="c360.visits.objections" />
              <ul className="objections">
                {v.objections.map((o, i) => (
                  <li key={i}>
                    {o.text}{' '}
                    <Badge tone={o.lifted ? 'success' : 'warning'}>
                      <Msg id={o.lifted ? 'c360.visits.lifted' : 'c360.visits.notLifted'} />
                    </Badge>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The complaints tab: logging, history and notes live in the complaints feature. */
export function ComplaintsTab({ customerId }: { customerId: string }) {
  return <CustomerComplaints customerId={customerId} />;
}

const reactionTone = {
  positive: 'success',
  neutral: 'neutral',
  negative: 'danger',
  none: 'neutral',
} as const;

export function DataTab({ customer }: { customer: CustomerRow }) {
  const { db } = useApp();
  const intl = useIntl();
  const actions = useActions(db, customer.id);
  const consents = useConsents(db, customer.id);
  const contacts = useContacts(db, customer.id);
  return (
    <div className="record__grid">
      <section className="card" aria-labelledby="data-declarative-title">
        <Text as="h2" id="data-declarative-title" className="section-title" msg="c360.declarative" />
        <Declarative customer={customer} full />
      </section>
      <section className="card" aria-labelledby="data-consents-title">
        <Text as="h2" id="data-consents-title" className="section-title" msg="c360.consents" />
        {consents === undefined || contacts === undefined ? (
          loading
        ) : contacts.length === 0 ? (
          <Text as="p" className="muted" msg="c360.contacts.empty" />
        ) : (
          <table className="table table--consents">
            <thead>
              <tr>
                <Text as="th" scope="col" msg="c360.consents.contact" />
                {consentPurposes.map((p) => (
                  <th key={p} scope="col">
                    <Msg id={`consentPurpose.${p}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {contacts.map((contact) => (
                <tr key={contact.id}>
                  <th scope="row">
                    {contact.anonymisedAt ? (
                      <Msg id="c360.contacts.anonymised" />
                    ) : (
                      `${contact.firstName} ${contact.lastName}`.trim()
                    )}
                  </th>
                  {consentPurposes.map((purpose) => {
                    // The latest record for this contact and purpose wins.
                    const latest = consents
                      .filter((c) => c.contactId === contact.id && c.purpose === purpose)
                      .sort((a, b) => b.at.localeCompare(a.at))[0];
                    return (
                      <td key={purpose}>
                        {latest ? (
                          <>
                            <Badge tone={latest.granted ? 'success' : 'danger'}>
                              <Msg id={latest.granted ? 'c360.consents.granted' : 'c360.consents.refused'} />
                            </Badge>{' '}
                            <span className="muted">
                              {intl.formatDate(latest.at, { dateStyle: 'short' })}
                              {latest.source
                                ? ` · ${
                                    isConsentSource(latest.source)
                                      ? intl.formatMessage({ id: `consentSource.${latest.source}` })
                                      : latest.source
                                  }`
                                : ''}
                            </span>
                          </>
                        ) : (
                          <Text as="span" className="muted" msg="c360.consents.unknown" />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card card--wide" aria-labelledby="data-actions-title">
        <Text as="h2" id="data-actions-title" className="section-title" msg="c360.actions" />
        {actions === undefined ? (
          loading
        ) : actions.length === 0 ? (
          <Text as="p" className="muted" msg="c360.actions.empty" />
        ) : (
          <ol className="timeline">
            {actions.map((a) => (
              <li key={a.id} className="timeline__item">
                <div className="timeline__meta">
                  <FormattedDate value={a.at} dateStyle="medium" /> · <Msg id={`actionKind.${a.kind}`} />{' '}
                  <Badge tone={reactionTone[a.reaction]}>
                    <Msg id={`reaction.${a.reaction}`} />
                  </Badge>
                </div>
                <p>{a.label}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
