/** "Fill the gaps": nearby customers worth a visit, ranked against the day's path. */
import { useMemo } from 'react';
import { suggestGapFillers } from '../../../../shared/domain/route/gaps.js';
import { instantOn } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { usePlaceByPostcode } from '../placeByPostcode.js';
import { useGapCandidates } from '../queries.js';

export function useSuggestions(data: DayPlanReady) {
  const { db, user } = useApp();
  const noon = Date.parse(instantOn(data.day, '12:00', user.timeZone));
  const placeByPostcode = usePlaceByPostcode();
  const gap = useGapCandidates(db, placeByPostcode, noon);
  const suggestions = useMemo(() => {
    if (!gap || !data.start) return undefined;
    const path = [data.start, ...data.stops.map((s) => s.position), data.start];
    const exclude = new Set<string>([
      ...data.stops.flatMap((s) => (s.customer ? [s.customer.id] : [])),
      ...data.unplaced.flatMap((s) => (s.customer ? [s.customer.id] : [])),
    ]);
    return suggestGapFillers(path, gap.candidates, { travel: data.travel, excludeCustomerIds: exclude });
  }, [gap, data]);
  return { gap, suggestions };
}

export type Suggested = ReturnType<typeof useSuggestions>;
