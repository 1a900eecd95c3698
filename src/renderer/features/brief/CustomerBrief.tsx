/**
 * The customer brief: everything to prepare one visit on one screen (and one printed page).
 * Used by the brief screen (`#/brief/<appointmentId>`) and once per stop by the day sheet.
 * Figures come from compute.ts; RFM from the portfolio cache; cross-sell from the per-segment
 * penetration cache (filled in right after the rest when it is not computed yet).
 */
import { useState, type ReactNode } from 'react';
import { FormattedDate, useIntl, type IntlShape } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import type { AppointmentRow, ContactRow } from '../../db/schema.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useNow } from '../../ui/useNow.js';
import { KeyFigures, usePortfolioRfm } from '../customers/index.js';
import { relativeTime } from '../sync/index.js';
import {
  briefRfm,
  crossSell,
  freshness,
  lastReport,
  lastVisits,
  objectionsHeard,
  openComplaints,
  openOrders,
  orderRhythm,
  productsEverBought,
  stoppedProducts,
} from './compute.js';
import { usePortfolioPenetration } from './crossSellCache.js';
import { useBriefRows, type BriefRows } from './queries.js';

type Level = 1 | 2;

function Heading({
  level,
  id,
  className,
  children,
}: {
  level: Level | 3;
  id?: string;
  className: string;
  children: ReactNode;
}) {
  if (level === 1)
    return (
      <h1 id={id} className={className}>
        {children}
      </h1>
    );
  if (level === 2)
    return (
      <h2 id={id} className={className}>
        {children}
      </h2>
    );
  return (
    <h3 id={id} className={className}>
      {children}
    </h3>
  );
}

export function formatCents(intl: IntlShape, cents: number): string {
  return intl.formatNumber(cents / 100, { style: 'currency', currency: 'EUR' });
}

function contactName(c: ContactRow): ReactNode {
  return c.anonymisedAt ? <Msg id="brief.contactAnonymised" /> : `${c.firstName} ${c.lastName}`.trim();
}

export function CustomerBrief({
  customerId,
  appointment,
  level = 1,
}: {
  customerId: string;
  appointment: AppointmentRow | null;
  /** 1 on the brief screen; 2 inside the day sheet (its title is the page's h1). */
  level?: Level;
}) {
  const { db } = useApp();
  const intl = useIntl();
  const rows = useBriefRows(db, customerId);
  const idBase = `brief-${appointment?.id ?? customerId}`;
  if (rows === undefined) {
    return (
      <article className="brief" aria-busy="true" aria-labelledby={`${idBase}-title`}>
        <Heading level={level} id={`${idBase}-title`} className="brief__title">
          <Msg id="brief.loading" />
        </Heading>
        <SkeletonRows rows={8} label={intl.formatMessage({ id: 'brief.loading' })} />
      </article>
    );
  }
  if (rows.customer === null) {
    return (
      <article className="brief" aria-labelledby={`${idBase}-title`}>
        <Heading level={level} id={`${idBase}-title`} className="brief__title">
          <Msg id="brief.customerGoneTitle" />
        </Heading>
        {appointment ? <AppointmentLine appointment={appointment} contacts={[]} /> : null}
        <EmptyState title={<Msg id="brief.customerGoneTitle" />}>
          <p>
            <Msg id="brief.customerGoneBody" />
          </p>
        </EmptyState>
      </article>
    );
  }
  return (
    <BriefBody
      rows={rows as BriefRows & { customer: NonNullable<BriefRows['customer']> }}
      appointment={appointment}
      level={level}
      idBase={idBase}
    />
  );
}

function AppointmentLine({ appointment, contacts }: { appointment: AppointmentRow; contacts: ContactRow[] }) {
  const contact = appointment.contactId ? contacts.find((c) => c.id === appointment.contactId) : undefined;
  return (
    <dl className="brief__visit props">
      <div className="props__row">
        <dt>
          <Msg id="brief.when" />
        </dt>
        <dd data-brief="when">
          <FormattedDate value={appointment.startAt} dateStyle="full" timeStyle="short" />
          {' · '}
          <Msg id={`brief.kind.${appointment.kind}`} />
          {' · '}
          <Msg id="brief.duration" values={{ minutes: appointment.durationMinutes }} />
          {appointment.status !== 'planned' ? (
            <>
              {' '}
              <Badge tone={appointment.status === 'cancelled' ? 'danger' : 'neutral'}>
                <Msg id={`brief.status.${appointment.status}`} />
              </Badge>
            </>
          ) : null}
        </dd>
      </div>
      <div className="props__row">
        <dt>
          <Msg id="brief.objective" />
        </dt>
        <dd data-brief="objective">
          {appointment.objective || (
            <span className="muted">
              <Msg id="brief.noObjective" />
            </span>
          )}
        </dd>
      </div>
      {contact ? (
        <div className="props__row">
          <dt>
            <Msg id="brief.meet" />
          </dt>
          <dd data-brief="meet">
            {contactName(contact)}
            {contact.role ? ` — ${contact.role}` : null}
          </dd>
        </div>
      ) : null}
      {appointment.setByManagerName ? (
        <div className="props__row">
          <dt>
            <Msg id="brief.setBy" />
          </dt>
          <dd>{appointment.setByManagerName}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Section({
  id,
  title,
  level,
  children,
  wide,
  name,
}: {
  id: string;
  title: ReactNode;
  level: Level;
  children: ReactNode;
  wide?: boolean;
  name: string;
}) {
  return (
    <section
      className={`brief__section${wide ? ' brief__section--wide' : ''}`}
      aria-labelledby={id}
      data-section={name}
    >
      <Heading level={(level + 1) as 2 | 3} id={id} className="brief__section-title">
        {title}
      </Heading>
      {children}
    </section>
  );
}

function None({ id }: { id: Parameters<typeof Msg>[0]['id'] }) {
  return (
    <p className="muted brief__none">
      <Msg id={id} />
    </p>
  );
}

function BriefBody({
  rows,
  appointment,
  level,
  idBase,
}: {
  rows: BriefRows & { customer: NonNullable<BriefRows['customer']> };
  appointment: AppointmentRow | null;
  level: Level;
  idBase: string;
}) {
  const { db } = useApp();
  const intl = useIntl();
  const now = useNow(60_000);
  const [at] = useState(() => new Date());
  const portfolio = usePortfolioRfm(db);
  const penetration = usePortfolioPenetration(db, portfolio);
  const { customer, contacts, orders, visits, complaints } = rows;

  const rhythm = orderRhythm(customer.id, orders, at);
  const rfm = portfolio
    ? briefRfm(portfolio.now.get(customer.id), portfolio.past.get(customer.id))
    : undefined;
  const recentVisits = lastVisits(visits, at);
  const reported = lastReport(visits, at);
  const objections = objectionsHeard(visits, at);
  const open = openOrders(orders);
  const openClaims = openComplaints(complaints, at);
  const stopped = stoppedProducts(orders, at, rhythm.rhythmDays);
  const suggestions =
    penetration && rfm
      ? crossSell(penetration.penetration, rfm.segment, productsEverBought(orders), penetration.products)
      : undefined;
  const fresh = freshness({
    priceLists: rows.priceLists,
    priceGroup: customer.priceGroup,
    lastSyncAt: rows.lastSyncAt,
    lastPullAt: rows.lastPullAt,
    at: new Date(now),
  });
  const people = [...contacts].sort(
    (a, b) =>
      Number(b.id === appointment?.contactId) - Number(a.id === appointment?.contactId) ||
      Number(b.decisionMaker) - Number(a.decisionMaker),
  );
  const s = (name: string) => `${idBase}-${name}`;

  return (
    <article
      className="brief"
      aria-labelledby={s('title')}
      data-brief-ready={rfm !== undefined ? 'true' : 'false'}
      data-cross-sell-ready={suggestions !== undefined ? 'true' : 'false'}
    >
      <header className="brief__header">
        <Heading level={level} id={s('title')} className="brief__title">
          {level === 1 ? <Msg id="brief.titleFor" values={{ name: customer.name }} /> : customer.name}
        </Heading>
        <p className="brief__subtitle muted">
          {[customer.address, [customer.postcode, customer.city].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(', ')}
          {customer.phone ? (
            <>
              {' · '}
              <a href={`tel:${customer.phone.replace(/[^\d+]/g, '')}`}>{customer.phone}</a>
            </>
          ) : null}
          {' · '}
          <a href={hrefFor({ name: 'customer', id: customer.id })} className="brief__customer-link">
            <Msg id="brief.openCustomer" />
          </a>
        </p>
        {appointment ? <AppointmentLine appointment={appointment} contacts={contacts} /> : null}
      </header>

      <div className="brief__grid">
        <Section id={s('figures')} name="figures" level={level} title={<Msg id="brief.figures" />}>
          <KeyFigures view="brief" figures={rhythm} rfm={rfm} />
        </Section>

        <Section id={s('people')} name="people" level={level} title={<Msg id="brief.people" />}>
          {people.length === 0 ? (
            <None id="brief.peopleEmpty" />
          ) : (
            <ul className="brief__list">
              {people.map((c) => (
                <li key={c.id}>
                  <strong>{contactName(c)}</strong>
                  {c.role ? <span className="muted"> — {c.role}</span> : null}
                  {c.id === appointment?.contactId ? (
                    <>
                      {' '}
                      <Badge tone="info">
                        <Msg id="brief.toMeet" />
                      </Badge>
                    </>
                  ) : null}
                  {c.decisionMaker ? (
                    <>
                      {' '}
                      <Badge tone="accent">
                        <Msg id="brief.decisionMaker" />
                      </Badge>
                    </>
                  ) : null}
                  {c.anonymisedAt ? null : (
                    <span className="brief__reach">
                      {[c.phone, c.mobile].filter(Boolean).map((p) => (
                        <a key={p} className="tabular" href={`tel:${p.replace(/[^\d+]/g, '')}`}>
                          {p}
                        </a>
                      ))}
                      {c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id={s('visits')} name="visits" level={level} title={<Msg id="brief.lastVisits" />}>
          {reported ? (
            <dl className="brief__agreed">
              {reported.nextStep.trim() !== '' ? (
                <>
                  <dt>
                    <Msg
                      id="brief.nextStepAgreed"
                      values={{ date: intl.formatDate(reported.at, { dateStyle: 'medium' }) }}
                    />
                  </dt>
                  <dd>{reported.nextStep}</dd>
                </>
              ) : null}
              {reported.needs.length > 0 ? (
                <>
                  <dt>
                    <Msg id="brief.needsExpressed" />
                  </dt>
                  <dd>{reported.needs.join(' · ')}</dd>
                </>
              ) : null}
              {reported.motives.length > 0 ? (
                <>
                  <dt>
                    <Msg id="brief.motives" />
                  </dt>
                  <dd>
                    {reported.motives.map((m) => intl.formatMessage({ id: `visit.motive.${m}` })).join(', ')}
                  </dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {recentVisits.length === 0 ? (
            <None id="brief.visitsEmpty" />
          ) : (
            <ul className="brief__list">
              {recentVisits.map((v) => (
                <li key={v.id}>
                  <span className="tabular">
                    <FormattedDate value={v.at} dateStyle="medium" />
                  </span>{' '}
                  <span className="muted">
                    <Msg id={`channel.${v.channel}`} />
                  </span>{' '}
                  <Badge
                    tone={v.outcome === 'order' ? 'success' : v.outcome === 'no-sale' ? 'warning' : 'neutral'}
                  >
                    <Msg id={`visitOutcome.${v.outcome}`} />
                  </Badge>
                  {v.noSaleReason !== null ? (
                    <span className="muted">
                      {' ('}
                      <Msg id={`visit.report.reason.${v.noSaleReason}`} />)
                    </span>
                  ) : null}
                  {v.summary ? <span className="brief__summary">{v.summary}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id={s('objections')} name="objections" level={level} title={<Msg id="brief.objections" />}>
          {objections.length === 0 ? (
            <None id="brief.objectionsEmpty" />
          ) : (
            <ul className="brief__list">
              {objections.slice(0, 8).map((o) => (
                <li key={o.text}>
                  « {o.text} »{' '}
                  <span className="muted tabular">
                    <Msg
                      id="brief.heard"
                      values={{
                        times: o.times,
                        date: intl.formatDate(o.lastHeardAt, { dateStyle: 'medium' }),
                      }}
                    />
                  </span>{' '}
                  <Badge tone={o.liftedLastTime ? 'success' : 'warning'}>
                    <Msg id={o.liftedLastTime ? 'brief.lifted' : 'brief.notLifted'} />
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id={s('orders')} name="orders" level={level} title={<Msg id="brief.openOrders" />}>
          {open.orders.length === 0 ? (
            <None id="brief.openOrdersEmpty" />
          ) : (
            <table className="brief__table">
              <thead>
                <tr>
                  <th scope="col">
                    <Msg id="brief.order.number" />
                  </th>
                  <th scope="col">
                    <Msg id="brief.order.date" />
                  </th>
                  <th scope="col">
                    <Msg id="brief.order.status" />
                  </th>
                  <th scope="col" className="num">
                    <Msg id="brief.order.total" />
                  </th>
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
                              date: intl.formatDate(`${o.deliveryDate}T12:00:00Z`, {
                                dateStyle: 'short',
                                timeZone: 'UTC',
                              }),
                            }}
                          />
                        </span>
                      ) : null}
                    </td>
                    <td className="num tabular">{formatCents(intl, o.totalExclCents)}</td>
                  </tr>
                ))}
              </tbody>
              {open.orders.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={3}>
                      <Msg id="brief.order.sum" />
                    </th>
                    <td className="num tabular">{formatCents(intl, open.totalExclCents)}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
          )}
        </Section>

        <Section id={s('complaints')} name="complaints" level={level} title={<Msg id="brief.complaints" />}>
          {openClaims.length === 0 ? (
            <None id="brief.complaintsEmpty" />
          ) : (
            <ul className="brief__list">
              {openClaims.map(({ complaint, ageDays }) => (
                <li key={complaint.id}>
                  <strong>{complaint.category}</strong>{' '}
                  <Badge
                    tone={
                      complaint.severity === 'high'
                        ? 'danger'
                        : complaint.severity === 'medium'
                          ? 'warning'
                          : 'neutral'
                    }
                  >
                    <Msg id={`severity.${complaint.severity}`} />
                  </Badge>{' '}
                  <span className="muted">
                    <Msg id={`complaintStatus.${complaint.status}`} />
                    {' · '}
                    <Msg id="brief.age" values={{ days: ageDays }} />
                  </span>
                  {complaint.description ? (
                    <span className="brief__summary">{complaint.description}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id={s('stopped')} name="stopped" level={level} title={<Msg id="brief.stopped" />}>
          <p className="muted brief__rule">
            <Msg id="brief.stoppedRule" values={{ days: stopped.quietDays }} />
          </p>
          {stopped.products.length === 0 ? (
            <None id="brief.stoppedEmpty" />
          ) : (
            <ul className="brief__list">
              {stopped.products.map((p) => (
                <li key={p.productId}>
                  {p.name} <span className="muted tabular">{p.reference}</span>{' '}
                  <span className="muted">
                    <Msg
                      id="brief.stoppedLine"
                      values={{
                        orders: p.ordersBefore,
                        date: intl.formatDate(p.lastBoughtAt, { dateStyle: 'medium' }),
                      }}
                    />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id={s('cross-sell')} name="cross-sell" level={level} title={<Msg id="brief.crossSell" />}>
          {suggestions === undefined ? (
            <p className="muted" aria-busy="true">
              <Msg id="brief.computing" />
            </p>
          ) : suggestions.length === 0 ? (
            <None id={rfm?.segment ? 'brief.crossSellEmpty' : 'brief.crossSellNoSegment'} />
          ) : (
            <ul className="brief__list">
              {suggestions.map((p) => (
                <li key={p.productId}>
                  {p.name} <span className="muted tabular">{p.reference}</span>{' '}
                  <span className="muted">
                    <Msg
                      id="brief.crossSellLine"
                      values={{
                        share: intl.formatNumber(p.share, { style: 'percent' }),
                        segment: rfm?.segment ? intl.formatMessage({ id: `segment.${rfm.segment}` }) : '',
                      }}
                    />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>

      <footer className="brief__freshness" data-section="freshness">
        <span>
          {fresh.pricesFrom ? (
            <Msg
              id="brief.pricesAsOf"
              values={{
                date: intl.formatDate(`${fresh.pricesFrom}T12:00:00Z`, {
                  dateStyle: 'medium',
                  timeZone: 'UTC',
                }),
                list: fresh.priceListName ?? '',
              }}
            />
          ) : fresh.catalogueAt ? (
            <Msg
              id="brief.catalogueAsOf"
              values={{
                date: intl.formatDate(fresh.catalogueAt, { dateStyle: 'medium', timeStyle: 'short' }),
              }}
            />
          ) : (
            <Msg id="brief.pricesUnknown" />
          )}
        </span>
        <span>
          {fresh.lastSyncAt ? (
            <Msg
              id="brief.lastSync"
              values={{ when: relativeTime(intl, Date.parse(fresh.lastSyncAt), now) }}
            />
          ) : (
            <Msg id="brief.neverSynced" />
          )}
          {fresh.stale ? (
            <>
              {' '}
              <Badge tone="warning">
                <Msg id="brief.stale" />
              </Badge>
            </>
          ) : null}
        </span>
        <span className="brief__printed muted">
          <Msg
            id="brief.preparedAt"
            values={{ date: intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }) }}
          />
        </span>
      </footer>
    </article>
  );
}
