/**
 * The customer brief: everything to prepare one visit on one screen (and one printed page).
 * Used by the brief screen (`#/brief/<appointmentId>`) and once per stop by the day sheet.
 * Figures come from compute.ts; RFM from the portfolio cache; cross-sell from the per-segment
 * penetration cache (filled in right after the rest when it is not computed yet).
 */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { dayOfInstant } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import type { AppointmentRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import { useNow } from '../../../ui/useNow.js';
import { KeyFigures, usePortfolioRfm } from '../../customers/index.js';
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
} from '../compute.js';
import { usePortfolioPenetration } from '../crossSellCache.js';
import { useBriefRows, type BriefRows } from '../queries.js';
import { CampaignSection } from './CampaignSection.js';
import { AppointmentLine, Heading, Section, type Level } from './parts.js';
import { Freshness } from './Freshness.js';
import { ObjectionsSection, PeopleSection, VisitsSection } from './historySections.js';
import { OpenOrdersSection } from './OpenOrdersSection.js';
import { ComplaintsSection, CrossSellSection, StoppedSection } from './sections.js';

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
          <Text as="p" msg="brief.customerGoneBody" />
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
  const { db, user } = useApp();
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
      ? crossSell(
          penetration.penetration,
          rfm.segment,
          productsEverBought(orders),
          penetration.products,
          customer.sector ? (penetration.familiesBySector.get(customer.sector) ?? null) : null,
        )
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
  // The campaign tasks that count are those active on the visit's day.
  const visitDay = dayOfInstant(appointment?.startAt ?? now, user.timeZone);

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
        <CampaignSection customerId={customer.id} day={visitDay} level={level} s={s} />

        <Section id={s('figures')} name="figures" level={level} title={<Msg id="brief.figures" />}>
          <KeyFigures view="brief" figures={rhythm} rfm={rfm} />
        </Section>

        <PeopleSection people={people} appointment={appointment} level={level} s={s} />

        <VisitsSection reported={reported} recentVisits={recentVisits} level={level} s={s} />

        <ObjectionsSection objections={objections} level={level} s={s} />

        <OpenOrdersSection open={open} level={level} s={s} />

        <ComplaintsSection openClaims={openClaims} level={level} s={s} />

        <StoppedSection stopped={stopped} level={level} s={s} />

        <CrossSellSection suggestions={suggestions} segment={rfm?.segment} level={level} s={s} />
      </div>

      <Freshness fresh={fresh} now={now} at={at} />
    </article>
  );
}
