/**
 * "Fill the gaps" (combler les trous): customers near the day's route worth a visit, each with
 * the reasons, ranked by how much they need a visit against how far out of the way they are.
 * Pure: the caller passes the route's path and each candidate's figures.
 */
import type { LatLon, TravelSettings } from '../geo/geo.js';
import { travelBetween } from '../geo/geo.js';
import type { RfmSegment } from '../rfm/rfm.js';

export interface GapCandidate {
  customerId: string;
  position: LatLon;
  status: 'prospect' | 'customer' | 'lost';
  segment: RfmSegment | null;
  /** Days since the last visit; null when never visited. */
  daysSinceVisit: number | null;
  /** Days since the last order; null when never ordered. */
  daysSinceOrder: number | null;
  /** The customer's usual days between orders; null when unknown. */
  rhythmDays: number | null;
  /** More than twice their rhythm without an order (rfm.ts). */
  overdue: boolean;
  openComplaints: number;
}

export type GapReason =
  | { kind: 'complaint'; count: number }
  | { kind: 'segment'; segment: 'atRisk' | 'cantLose' }
  | { kind: 'overdue'; days: number; rhythmDays: number }
  | { kind: 'notVisited'; days: number | null; rhythmDays: number | null }
  | { kind: 'prospect' }
  | { kind: 'promising' };

export interface GapSuggestion {
  customerId: string;
  /** Extra road km of inserting the customer at the best place on the route. */
  detourKm: number;
  detourMinutes: number;
  /** Index in the path after which the visit fits best (0 = right after the start). */
  insertAfter: number;
  reasons: GapReason[];
  score: number;
}

export interface GapOptions {
  travel: TravelSettings;
  /** Customers already on the route (or otherwise excluded). */
  excludeCustomerIds: ReadonlySet<string>;
  /** Default 8. */
  limit?: number;
  /** Suggestions further out of the way are dropped; default 40 km. */
  maxDetourKm?: number;
  /** "Not visited for a long time" without a known rhythm; default 90 days. */
  notVisitedDays?: number;
}

const weights: Record<GapReason['kind'], number> = {
  complaint: 40,
  segment: 35,
  overdue: 30,
  notVisited: 20,
  promising: 15,
  prospect: 12,
};

/** Why a customer deserves a visit (empty when it does not). */
export function reasonsFor(c: GapCandidate, notVisitedDays = 90): GapReason[] {
  const reasons: GapReason[] = [];
  if (c.openComplaints > 0) reasons.push({ kind: 'complaint', count: c.openComplaints });
  if (c.segment === 'atRisk' || c.segment === 'cantLose')
    reasons.push({ kind: 'segment', segment: c.segment });
  if (c.overdue && c.daysSinceOrder !== null && c.rhythmDays !== null) {
    reasons.push({ kind: 'overdue', days: c.daysSinceOrder, rhythmDays: c.rhythmDays });
  }
  if (c.status === 'customer') {
    const threshold = c.rhythmDays !== null ? Math.max(30, Math.round(1.5 * c.rhythmDays)) : notVisitedDays;
    if (c.daysSinceVisit === null || c.daysSinceVisit >= threshold) {
      reasons.push({ kind: 'notVisited', days: c.daysSinceVisit, rhythmDays: c.rhythmDays });
    }
  }
  if (c.segment === 'promising') reasons.push({ kind: 'promising' });
  if (c.status === 'prospect') reasons.push({ kind: 'prospect' });
  return reasons;
}

/** Cheapest insertion of `p` into the closed path (start, stops…, start). */
export function detourOf(
  path: readonly LatLon[],
  p: LatLon,
  travel: TravelSettings,
): { km: number; minutes: number; insertAfter: number } {
  if (path.length === 0) return { km: 0, minutes: 0, insertAfter: 0 };
  if (path.length === 1) {
    const t = travelBetween(path[0]!, p, travel);
    return { km: 2 * t.km, minutes: 2 * t.minutes, insertAfter: 0 };
  }
  let best = { km: Infinity, minutes: Infinity, insertAfter: 0 };
  for (let i = 0; i + 1 < path.length; i += 1) {
    const a = path[i]!;
    const b = path[i + 1]!;
    const ab = travelBetween(a, b, travel);
    const ap = travelBetween(a, p, travel);
    const pb = travelBetween(p, b, travel);
    const km = Math.max(0, ap.km + pb.km - ab.km);
    if (km < best.km - 1e-9)
      best = { km, minutes: Math.max(0, ap.minutes + pb.minutes - ab.minutes), insertAfter: i };
  }
  return best;
}

/**
 * Ranked suggestions: each candidate with at least one reason and a detour under the limit,
 * scored by its reasons divided by (1 + detour / 10 km); ties by detour then id.
 */
export function suggestGapFillers(
  path: readonly LatLon[],
  candidates: readonly GapCandidate[],
  options: GapOptions,
): GapSuggestion[] {
  const limit = options.limit ?? 8;
  const maxDetourKm = options.maxDetourKm ?? 40;
  const out: GapSuggestion[] = [];
  for (const c of candidates) {
    if (options.excludeCustomerIds.has(c.customerId)) continue;
    const reasons = reasonsFor(c, options.notVisitedDays);
    if (reasons.length === 0) continue;
    const detour = detourOf(path, c.position, options.travel);
    if (detour.km > maxDetourKm) continue;
    const need = reasons.reduce((sum, r) => sum + weights[r.kind], 0);
    out.push({
      customerId: c.customerId,
      detourKm: detour.km,
      detourMinutes: detour.minutes,
      insertAfter: detour.insertAfter,
      reasons,
      score: need / (1 + detour.km / 10),
    });
  }
  out.sort(
    (a, b) =>
      b.score - a.score ||
      a.detourKm - b.detourKm ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0),
  );
  return out.slice(0, limit);
}
