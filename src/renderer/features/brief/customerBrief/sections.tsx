/** The brief's sections, each from its computed figures (compute.ts). */
import { FormattedDate, useIntl } from 'react-intl';
import type { RfmSegment } from '../../../../shared/domain/rfm/rfm.js';
import type { AppointmentRow, ContactRow } from '../../../db/schema.js';
import { Msg } from '../../../i18n/Msg.js';
import { formatDay, formatMoney } from '../../../i18n/format.js';
import { Badge } from '../../../ui/Badge.js';
import { relativeTime } from '../../sync/index.js';
import type { crossSell, freshness, lastReport, objectionsHeard, stoppedProducts } from '../compute.js';
import type { OpenComplaint, OpenOrders } from '../compute.js';
import type { BriefRows } from '../queries.js';
import { contactName, None, Section, type Ids, type Level } from './parts.js';

export function PeopleSection({
  people,
  appointment,
  level,
  s,
}: {
  people: ContactRow[];
  appointment: AppointmentRow | null;
  level: Level;
  s: Ids;
}) {
  return (
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
  );
}

export function VisitsSection({
  reported,
  recentVisits,
  level,
  s,
}: {
  reported: ReturnType<typeof lastReport>;
  recentVisits: BriefRows['visits'];
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
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
  );
}

export function ObjectionsSection({
  objections,
  level,
  s,
}: {
  objections: ReturnType<typeof objectionsHeard>;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
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
  );
}

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
                <th scope="row" colSpan={3}>
                  <Msg id="brief.order.sum" />
                </th>
                <td className="num tabular">{formatMoney(intl, open.totalExclCents)}</td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      )}
    </Section>
  );
}

export function ComplaintsSection({
  openClaims,
  level,
  s,
}: {
  openClaims: OpenComplaint<BriefRows['complaints'][number]>[];
  level: Level;
  s: Ids;
}) {
  return (
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
              {complaint.description ? <span className="brief__summary">{complaint.description}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function StoppedSection({
  stopped,
  level,
  s,
}: {
  stopped: ReturnType<typeof stoppedProducts>;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
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
  );
}

export function CrossSellSection({
  suggestions,
  segment,
  level,
  s,
}: {
  suggestions: ReturnType<typeof crossSell> | undefined;
  segment: RfmSegment | null | undefined;
  level: Level;
  s: Ids;
}) {
  const intl = useIntl();
  return (
    <Section id={s('cross-sell')} name="cross-sell" level={level} title={<Msg id="brief.crossSell" />}>
      {suggestions === undefined ? (
        <p className="muted" aria-busy="true">
          <Msg id="brief.computing" />
        </p>
      ) : suggestions.length === 0 ? (
        <None id={segment ? 'brief.crossSellEmpty' : 'brief.crossSellNoSegment'} />
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
                    segment: segment ? intl.formatMessage({ id: `segment.${segment}` }) : '',
                  }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function Freshness({
  fresh,
  now,
  at,
}: {
  fresh: ReturnType<typeof freshness>;
  now: number;
  at: Date;
}) {
  const intl = useIntl();
  return (
    <footer className="brief__freshness" data-section="freshness">
      <span>
        {fresh.pricesFrom ? (
          <Msg
            id="brief.pricesAsOf"
            values={{
              date: formatDay(intl, fresh.pricesFrom, { dateStyle: 'medium' }),
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
          <Msg id="brief.lastSync" values={{ when: relativeTime(intl, Date.parse(fresh.lastSyncAt), now) }} />
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
  );
}
