/**
 * "Fill the gaps": nearby customers worth a visit, ranked against the day's path. Customers
 * with an open campaign task active that day come first (nearest first), even when nothing
 * else calls for a visit, as long as they are within the usual detour limit.
 */
import { useMemo } from 'react';
import type { GapSuggestion } from '../../../../shared/domain/route/gaps.js';
import { detourOf, reasonsFor, suggestGapFillers } from '../../../../shared/domain/route/gaps.js';
import { instantOn } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import type { CampaignTaskView } from '../../campaignTasks/index.js';
import { useCampaignTasks } from '../../campaignTasks/index.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { usePlaceByPostcode } from '../placeByPostcode.js';
import { useGapCandidates } from '../queries.js';

/** As in suggestGapFillers. */
const LIMIT = 8;
const MAX_DETOUR_KM = 40;

/** A suggestion with the open campaign tasks of its customer active that day (often none). */
export interface SuggestionWithTasks extends GapSuggestion {
  tasks: CampaignTaskView[];
}

export function useSuggestions(data: DayPlanReady) {
  const { db, user } = useApp();
  const noon = Date.parse(instantOn(data.day, '12:00', user.timeZone));
  const placeByPostcode = usePlaceByPostcode();
  const gap = useGapCandidates(db, placeByPostcode, noon);
  const tasks = useCampaignTasks({ day: data.day, repId: user.id });
  const suggestions = useMemo((): SuggestionWithTasks[] | undefined => {
    if (!gap || !data.start || tasks === undefined) return undefined;
    const path = [data.start, ...data.stops.map((s) => s.position), data.start];
    const exclude = new Set<string>([
      ...data.stops.flatMap((s) => (s.customer ? [s.customer.id] : [])),
      ...data.unplaced.flatMap((s) => (s.customer ? [s.customer.id] : [])),
    ]);
    const openTasks = new Map<string, CampaignTaskView[]>();
    for (const t of tasks) {
      if (!t.done) openTasks.set(t.customerId, [...(openTasks.get(t.customerId) ?? []), t]);
    }
    const campaign: SuggestionWithTasks[] = [];
    for (const c of gap.candidates) {
      const own = openTasks.get(c.customerId);
      if (!own || exclude.has(c.customerId)) continue;
      const detour = detourOf(path, c.position, data.travel);
      if (detour.km > MAX_DETOUR_KM) continue;
      campaign.push({
        customerId: c.customerId,
        detourKm: detour.km,
        detourMinutes: detour.minutes,
        insertAfter: detour.insertAfter,
        reasons: reasonsFor(c),
        // Above every other suggestion, whatever its need and detour.
        score: Number.POSITIVE_INFINITY,
        tasks: own,
      });
    }
    campaign.sort(
      (a, b) =>
        a.detourKm - b.detourKm || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
    );
    const others = suggestGapFillers(path, gap.candidates, {
      travel: data.travel,
      excludeCustomerIds: new Set([...exclude, ...campaign.map((s) => s.customerId)]),
      limit: Math.max(0, LIMIT - campaign.length),
      maxDetourKm: MAX_DETOUR_KM,
    });
    return [...campaign, ...others.map((s) => ({ ...s, tasks: [] }))].slice(0, LIMIT);
  }, [gap, data, tasks]);
  return { gap, suggestions };
}

export type Suggested = ReturnType<typeof useSuggestions>;
