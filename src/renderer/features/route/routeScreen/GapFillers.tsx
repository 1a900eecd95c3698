/** The "fill the gaps" card: each suggestion with its reasons, its detour and "Add". */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { GapReason, GapSuggestion } from '../../../../shared/domain/route/gaps.js';
import type { RouteInput, RoutePlan } from '../../../../shared/domain/route/route.js';
import { evaluateRoute } from '../../../../shared/domain/route/route.js';
import { missingCaseError } from '../../../../shared/lib/result.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { useT } from '../../../i18n/useT.js';
import { Badge } from '../../../ui/Badge.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { addDayStop } from '../dayPlans.js';
import { formatKm, townOf } from './format.js';
import { ApproximateBadge } from './StopRow.js';
import type { Suggested } from './useSuggestions.js';

function reasonText(t: ReturnType<typeof useT>, r: GapReason): string {
  switch (r.kind) {
    case 'complaint':
      return t('route.reason.complaint', { count: r.count });
    case 'segment':
      return t('route.reason.segment', { segment: t(`segment.${r.segment}`) });
    case 'overdue':
      return t('route.reason.overdue', { days: r.days, rhythm: r.rhythmDays });
    case 'notVisited':
      return r.days === null
        ? t('route.reason.neverVisited')
        : t('route.reason.notVisited', { days: r.days });
    case 'prospect':
      return t('route.reason.prospect');
    case 'promising':
      return t('route.reason.promising');
    default:
      return missingCaseError(r);
  }
}

export function GapFillers({
  data,
  suggested,
  onAdded,
}: {
  data: DayPlanReady;
  suggested: Suggested;
  onAdded: (name: string, plan: RoutePlan) => void;
}) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const id = useId();
  const { gap, suggestions } = suggested;
  const order = data.stops.map((s) => s.id);

  const add = (s: GapSuggestion, name: string) => {
    const position = Math.min(order.length, s.insertAfter);
    void addDayStop(db, data.day, s.customerId, order, position).then((row) => {
      const customer = gap?.customers.get(s.customerId);
      if (data.input && customer) {
        const input: RouteInput = {
          ...data.input,
          stops: [
            ...data.input.stops,
            {
              id: s.customerId,
              position:
                gap?.candidates.find((c) => c.customerId === s.customerId)?.position ?? data.input.start,
              durationMinutes: 30,
              fixedStartMs: null,
            },
          ],
        };
        onAdded(name, evaluateRoute(row.order, input));
      }
    });
  };

  return (
    <section className="card route__gaps" aria-labelledby={`${id}-gaps`}>
      <Text as="h2" id={`${id}-gaps`} className="section-title" msg="route.gaps.title" />
      <Text as="p" className="hint muted" msg="route.gaps.help" />
      {data.start === null ? (
        <Text as="p" msg="route.gaps.needStart" />
      ) : suggestions === undefined ? (
        <SkeletonRows rows={3} label={t('route.loading')} />
      ) : suggestions.length === 0 ? (
        <Text as="p" msg="route.gaps.empty" />
      ) : (
        <ul className="route-gaps">
          {suggestions.map((s) => {
            const customer = gap?.customers.get(s.customerId);
            const name = customer?.name ?? s.customerId;
            return (
              <li key={s.customerId} className="route-gap" data-testid="route-suggestion">
                <div className="route-gap__who">
                  <a href={hrefFor({ name: 'customer', id: s.customerId })} className="route-stop__name">
                    {name}
                  </a>
                  <span className="muted">{townOf(customer)}</span>
                  {gap?.approximate.has(s.customerId) ? <ApproximateBadge /> : null}
                  {s.tasks.map((task) => (
                    <Badge key={task.id} tone="accent">
                      <span data-testid="route-suggestion-campaign">
                        {t('tasks.route.reason', { name: task.campaignName })}
                      </span>
                    </Badge>
                  ))}
                </div>
                <ul className="route-gap__reasons">
                  {s.reasons.map((r) => (
                    <li key={r.kind}>{reasonText(t, r)}</li>
                  ))}
                </ul>
                <span className="route-gap__detour num">
                  {t('route.gaps.detour', { km: formatKm(intl, s.detourKm) })}
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={t('route.gaps.addName', { name })}
                  onClick={() => add(s, name)}
                >
                  <Msg id="route.gaps.add" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
