/**
 * RFM scoring (Recency, Frequency, Monetary) over a rep's portfolio at a reference date, and
 * each customer's buying rhythm. Pure: no clock, no storage; the caller passes the date.
 *
 * The definition is exact, so that head office's SQL, the laptop and any other implementation
 * agree customer by customer. As of a day D (the company's calendar day of the reference
 * instant, `COMPANY_TIME_ZONE`; a purchase counts on the company's day of its `orderedAt`):
 *
 * - R: days from the customer's last purchase on or before D to D.
 * - F: purchases in the 365 days ending on D (D − 364 … D inclusive).
 * - M: cents excluding tax of those purchases.
 * - Each scored 1–5 as `1 + floor(5 × (rank − 1) / N)`, where N is the number of customers
 *   with at least one purchase on or before D and rank is 1 + the number of those customers
 *   with a strictly worse value (less recent, fewer, less). Ties get the same score.
 * - Cancelled orders and drafts do not count; customers who never bought by D get no score
 *   and no segment. The same function therefore gives the segment at a past date.
 *
 * Segments come from R and S = F + M (2..10), first matching row wins:
 *
 * | segment        | R    | S     | reading                                    |
 * |----------------|------|-------|--------------------------------------------|
 * | champions      | 4–5  | 8–10  | bought recently, often, a lot              |
 * | loyal          | 3–5  | 6–10  | regular buyers                             |
 * | promising      | 4–5  | 2–5   | recent but small or new (« prometteurs »)  |
 * | needAttention  | 3    | 2–5   | average recency, small baskets             |
 * | cantLose       | 1–2  | 8–10  | were among the best, gone quiet            |
 * | atRisk         | 1–2  | 6–7   | good customers drifting away               |
 * | hibernating    | 2    | 2–5   | rare, small and not recent                 |
 * | lost           | 1    | 2–5   | longest without an order, small            |
 */
import { COMPANY_TIME_ZONE, dayOfInstant, offsetAt } from '../../lib/calendar.js';

export const rfmSegments = [
  'champions',
  'loyal',
  'promising',
  'needAttention',
  'cantLose',
  'atRisk',
  'hibernating',
  'lost',
] as const;
export type RfmSegment = (typeof rfmSegments)[number];
export type Score = 1 | 2 | 3 | 4 | 5;

/** Higher is healthier: used to say whether a customer moved up or down between two dates. */
export const segmentRank: Record<RfmSegment, number> = {
  champions: 8,
  loyal: 7,
  promising: 6,
  needAttention: 5,
  cantLose: 4,
  atRisk: 3,
  hibernating: 2,
  lost: 1,
};

export interface RfmOrder {
  customerId: string;
  orderedAt: string;
  /** Total excluding tax in cents (may be 0 for orders older than any window asked for). */
  totalExclCents: number;
  status?: string;
}

export interface CustomerRfm {
  customerId: string;
  lastOrderAt: string | null;
  /** Days since the last order; null when the customer never ordered before the date. */
  recencyDays: number | null;
  frequency: number;
  monetaryCents: number;
  /** Median days between consecutive orders; null with fewer than two orders. */
  rhythmDays: number | null;
  /** recencyDays / rhythmDays, null when either is unknown. */
  rhythmRatio: number | null;
  /** More than twice the usual rhythm without an order: an early churn signal. */
  overdue: boolean;
  scores: { r: Score; f: Score; m: Score } | null;
  segment: RfmSegment | null;
}

export const DAY_MS = 86_400_000;
export const YEAR_DAYS = 365;
/** "Flagged when > 2× rhythm". */
export const OVERDUE_FACTOR = 2;

const ignoredStatuses: ReadonlySet<string> = new Set(['cancelled', 'draft']);

export function countsForRfm(order: Pick<RfmOrder, 'status'>): boolean {
  return order.status === undefined || !ignoredStatuses.has(order.status);
}

/** Per UTC day, the company's offset when it holds all day long; null on a DST change. */
const steadyOffsets = new Map<number, number | null>();

/** The company's calendar day of an instant, as a day number (days since 1970-01-01). */
export function dayOf(ms: number): number {
  // The zone is asked once per UTC day, not per order (Intl is slow at tens of thousands).
  const utcDay = Math.floor(ms / DAY_MS);
  let offset = steadyOffsets.get(utcDay);
  if (offset === undefined) {
    const start = offsetAt(utcDay * DAY_MS, COMPANY_TIME_ZONE);
    offset = start === offsetAt(utcDay * DAY_MS + DAY_MS - 1000, COMPANY_TIME_ZONE) ? start : null;
    steadyOffsets.set(utcDay, offset);
  }
  if (offset !== null) return Math.floor((ms + offset) / DAY_MS);
  return Date.parse(`${dayOfInstant(ms, COMPANY_TIME_ZONE)}T00:00:00Z`) / DAY_MS;
}

/** Whole days from `from` to `to` (floored, never negative). */
export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / DAY_MS));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** R, F, M and rhythm of one customer from its orders (any order, any status). */
export function customerFigures(
  customerId: string,
  orders: readonly RfmOrder[],
  at: Date,
): Omit<CustomerRfm, 'scores' | 'segment'> {
  return unscored(customerId, orders, at);
}

/** A canonical ISO instant (`toISOString`'s own form) is kept as it is; anything else is rewritten. */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A customer's figures, not scored yet (one object, built once: this runs for every customer). */
function unscored(customerId: string, orders: readonly RfmOrder[], at: Date): CustomerRfm {
  const atMs = at.getTime();
  const day = dayOf(atMs);
  const times: number[] = [];
  let frequency = 0;
  let monetaryCents = 0;
  let lastAt = -Infinity;
  let lastText: string | null = null;
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    const t = Date.parse(order.orderedAt);
    const orderDay = dayOf(t);
    if (!(orderDay <= day)) continue;
    times.push(t);
    if (t > lastAt) {
      lastAt = t;
      lastText = order.orderedAt;
    }
    if (orderDay > day - YEAR_DAYS) {
      frequency += 1;
      monetaryCents += order.totalExclCents;
    }
  }
  times.sort((a, b) => a - b);
  const last = times.length > 0 ? times[times.length - 1]! : null;
  const gaps: number[] = [];
  for (let i = 1; i < times.length; i += 1) gaps.push((times[i]! - times[i - 1]!) / DAY_MS);
  const rhythm = median(gaps);
  const rhythmDays = rhythm === null ? null : Math.round(rhythm);
  const recencyDays = last === null ? null : day - dayOf(last);
  const rhythmRatio =
    recencyDays !== null && rhythmDays !== null && rhythmDays > 0 ? recencyDays / rhythmDays : null;
  return {
    customerId,
    lastOrderAt:
      last === null || lastText === null
        ? null
        : CANONICAL_INSTANT.test(lastText)
          ? lastText
          : new Date(last).toISOString(),
    recencyDays,
    frequency,
    monetaryCents,
    rhythmDays,
    rhythmRatio,
    overdue: rhythmRatio !== null && rhythmRatio > OVERDUE_FACTOR,
    scores: null,
    segment: null,
  };
}

/**
 * Scores 1–5 of values: `1 + floor(5 × (rank − 1) / N)`, rank being 1 + the number of values
 * strictly worse (lower), so equal values get equal scores; a higher value is better. The
 * values are sorted once as numbers and each rank is found by binary search.
 */
export function scoresOf(values: Float64Array): Score[] {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Array<Score>(n);
  for (let i = 0; i < n; i += 1) {
    const v = values[i]!;
    // The first position holding `v`: how many values are strictly lower.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    scores[i] = (1 + Math.floor((5 * lo) / n)) as Score;
  }
  return scores;
}

export function segmentFor(r: Score, f: Score, m: Score): RfmSegment {
  return segmentForSum(r, f + m);
}

/** The segment from R and S = F + M (2–10): the rule table depends on nothing else. */
export function segmentForSum(r: Score, s: number): RfmSegment {
  if (r >= 4 && s >= 8) return 'champions';
  if (r >= 3 && s >= 6) return 'loyal';
  if (r >= 4) return 'promising';
  if (r === 3) return 'needAttention';
  if (s >= 8) return 'cantLose';
  if (s >= 6) return 'atRisk';
  if (r === 2) return 'hibernating';
  return 'lost';
}

/**
 * RFM of every customer of the portfolio at `at`. `customerIds` lists the portfolio (customers
 * without orders are returned unscored); orders of other customers are ignored.
 */
export function computeRfm(
  customerIds: readonly string[],
  orders: readonly RfmOrder[],
  at: Date,
): Map<string, CustomerRfm> {
  const byCustomer = new Map<string, RfmOrder[]>();
  for (const id of customerIds) byCustomer.set(id, []);
  for (const order of orders) byCustomer.get(order.customerId)?.push(order);

  const result = new Map<string, CustomerRfm>();
  const scored: CustomerRfm[] = [];
  for (const [id, list] of byCustomer) {
    const row = unscored(id, list, at);
    result.set(id, row);
    if (row.recencyDays !== null) scored.push(row);
  }
  if (scored.length === 0) return result;

  // Worst first: the longest without a purchase, the fewest, the least.
  const n = scored.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  scored.forEach((row, i) => {
    recency[i] = -row.recencyDays!;
    frequency[i] = row.frequency;
    monetary[i] = row.monetaryCents;
  });
  const r = scoresOf(recency);
  const f = scoresOf(frequency);
  const m = scoresOf(monetary);
  scored.forEach((row, i) => {
    const scores = { r: r[i]!, f: f[i]!, m: m[i]! };
    row.scores = scores;
    row.segment = segmentFor(scores.r, scores.f, scores.m);
  });
  return result;
}

export type SegmentTrend = 'up' | 'down' | 'same' | 'new';

/** How a customer's segment moved between a past date and now. */
export function segmentTrend(past: RfmSegment | null, now: RfmSegment | null): SegmentTrend | null {
  if (now === null) return null;
  if (past === null) return 'new';
  const delta = segmentRank[now] - segmentRank[past];
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'same';
}

/** The same calendar date `months` months earlier (clamped to the month's last day). */
export function monthsBefore(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}
