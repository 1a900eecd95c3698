/**
 * "À traiter / Needs attention": the user's orders awaiting a discount approval, the open
 * complaints (oldest first), and customers at risk or overdue near today's route (the route's
 * own gap-filling suggestions, kept to those two reasons).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import type { DayPlanReady } from '../route/index.js';
import { formatKm, useDayPlan, useSuggestions } from '../route/index.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { formatMoney } from '../../i18n/format.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useOpenComplaints } from '../complaints/index.js';
import { useCustomerNames } from './queries.js';

/** How many complaints are listed here (the complaints screen has them all). */
const COMPLAINTS_SHOWN = 5;

export function NeedsAttention({ day }: { day: string }) {
  const { db, user } = useApp();
  const intl = useIntl();
  const id = useId();
  const awaiting = useLiveQuery(
    async () =>
      (await db.orders.where('status').noneOf(['delivered', 'cancelled']).toArray())
        .filter((o) => o.repId === user.id && o.approval === 'pending')
        .sort((a, b) => a.orderedAt.localeCompare(b.orderedAt)),
    [db, user.id],
  );
  const complaints = useOpenComplaints(db);
  const names = useCustomerNames(
    db,
    (awaiting ?? []).map((o) => o.customerId),
  );
  const plan = useDayPlan(day);
  const loading = awaiting === undefined || complaints === undefined || names === undefined;
  return (
    <section className="card today__section" aria-labelledby={`${id}-h`} data-testid="today-attention">
      <Text as="h2" id={`${id}-h`} className="card__title" msg="today.attention" />
      {loading ? (
        <SkeletonRows rows={3} label={intl.formatMessage({ id: 'today.loading' })} />
      ) : (
        <>
          {awaiting.length === 0 && complaints.length === 0 ? (
            <p className="muted">
              <Msg id="today.attentionNone" />
            </p>
          ) : null}
          {awaiting.length > 0 ? (
            <>
              <Text as="h3" className="today__subtitle" msg="today.awaitingApproval" />
              <ul className="today__list" data-testid="today-awaiting">
                {awaiting.map((o) => (
                  <li key={o.id}>
                    <a href={hrefFor({ name: 'order', id: o.id })}>
                      <Msg
                        id="today.awaitingApprovalItem"
                        values={{
                          number: o.number,
                          customer: names.get(o.customerId) ?? '',
                          total: formatMoney(intl, o.totalExclCents),
                        }}
                      />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {complaints.length > 0 ? (
            <>
              <Text as="h3" className="today__subtitle" msg="today.openComplaints" />
              <ul className="today__list" data-testid="today-complaints">
                {complaints.slice(0, COMPLAINTS_SHOWN).map(({ complaint, customerName }) => (
                  <li key={complaint.id}>
                    <a href={hrefFor({ name: 'customer', id: complaint.customerId })}>
                      <Msg
                        id="today.openComplaintsItem"
                        values={{
                          customer: customerName,
                          date: intl.formatDate(complaint.createdAt, { dateStyle: 'medium' }),
                        }}
                      />
                    </a>
                  </li>
                ))}
              </ul>
              <p>
                <a href={hrefFor({ name: 'complaints' })}>
                  <Msg id="today.allComplaints" values={{ count: complaints.length }} />
                </a>
              </p>
            </>
          ) : null}
        </>
      )}
      {plan.state === 'ready' ? <AtRisk plan={plan} /> : null}
    </section>
  );
}

function AtRisk({ plan }: { plan: DayPlanReady }) {
  const { db } = useApp();
  const intl = useIntl();
  const { suggestions } = useSuggestions(plan);
  const atRisk = (suggestions ?? []).filter((s) =>
    s.reasons.some((r) => r.kind === 'overdue' || r.kind === 'segment'),
  );
  const names = useCustomerNames(
    db,
    atRisk.map((s) => s.customerId),
  );
  if (!plan.start) {
    return (
      <p className="muted">
        <Msg id="today.atRiskNoStart" />
      </p>
    );
  }
  if (suggestions === undefined || atRisk.length === 0) return null;
  return (
    <>
      <Text as="h3" className="today__subtitle" msg="today.atRisk" />
      <ul className="today__list" data-testid="today-at-risk">
        {atRisk.map((s) => (
          <li key={s.customerId}>
            <a href={hrefFor({ name: 'customer', id: s.customerId })}>{names?.get(s.customerId) ?? ''}</a>{' '}
            <span className="muted">
              {s.reasons
                .flatMap((r) =>
                  r.kind === 'overdue'
                    ? [
                        intl.formatMessage(
                          { id: 'today.atRiskOverdue' },
                          { days: r.days, rhythm: r.rhythmDays },
                        ),
                      ]
                    : r.kind === 'segment'
                      ? [intl.formatMessage({ id: 'today.atRiskSegment' })]
                      : [],
                )
                .join(' · ')}
              {' · '}
              <Msg id="today.atRiskDetour" values={{ km: formatKm(intl, s.detourKm) }} />
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
