/** Which appointments a new order makes late (or later than they were), worst first. */
import type { RoutePlan, StopPlan } from '../../../../shared/domain/route/route.js';

/** Below half a minute, a delay is rounding, not a late arrival (as on the stop rows). */
const LATE_MINUTES = 0.5;

export function lateAfterMove(before: RoutePlan | null, after: RoutePlan, movedId: string): StopPlan[] {
  const was = new Map(before?.stops.map((s) => [s.id, s.lateMinutes]) ?? []);
  const worse = after.stops.filter(
    (s) => s.fixed && s.lateMinutes > LATE_MINUTES && s.lateMinutes > (was.get(s.id) ?? 0) + LATE_MINUTES,
  );
  // The moved appointment first (it is what the rep just did), then the latest.
  return worse.sort(
    (a, b) => Number(b.id === movedId) - Number(a.id === movedId) || b.lateMinutes - a.lateMinutes,
  );
}
