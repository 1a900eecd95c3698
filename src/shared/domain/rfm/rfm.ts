/**
 * RFM scoring (Recency, Frequency, Monetary) over a rep's portfolio at a reference date, and
 * each customer's buying rhythm. Pure: no clock, no storage; the caller passes the date.
 *
 * - Recency: whole days between the last order and the reference date.
 * - Frequency: orders in the 365 days up to the reference date.
 * - Monetary: sum of those orders' totals excluding tax (cents).
 * - Scores 1–5 by quintile over the customers that have ordered at least once before the
 *   reference date (customers who never ordered get no score and no segment). Ranking is
 *   NTILE-like: customers are sorted worst → best and rank i of n gets ⌊5·i/n⌋ + 1, so the
 *   five groups differ in size by at most one. Ties are broken deterministically: recency by
 *   the customer id; frequency by monetary then id; monetary by frequency then id. A strictly
 *   better value therefore never gets a lower score.
 * - Orders after the reference date, cancelled orders and drafts are ignored, so the same
 *   function gives the segment at a past date (for the trend and the migration matrix).
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
  const atMs = at.getTime();
  const windowStart = atMs - YEAR_DAYS * DAY_MS;
  const times: number[] = [];
  let frequency = 0;
  let monetaryCents = 0;
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    const t = Date.parse(order.orderedAt);
    if (!(t <= atMs)) continue;
    times.push(t);
    if (t > windowStart) {
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
  const recencyDays = last === null ? null : daysBetween(last, atMs);
  const rhythmRatio =
    recencyDays !== null && rhythmDays !== null && rhythmDays > 0 ? recencyDays / rhythmDays : null;
  return {
    customerId,
    lastOrderAt: last === null ? null : new Date(last).toISOString(),
    recencyDays,
    frequency,
    monetaryCents,
    rhythmDays,
    rhythmRatio,
    overdue: rhythmRatio !== null && rhythmRatio > OVERDUE_FACTOR,
  };
}

/** NTILE(5): `sorted` goes from worst to best; returns the score of each item. */
function quintiles<T>(sorted: readonly T[], set: (item: T, score: Score) => void): void {
  const n = sorted.length;
  sorted.forEach((item, i) => set(item, (Math.floor((5 * i) / n) + 1) as Score));
}

export function segmentFor(r: Score, f: Score, m: Score): RfmSegment {
  const s = f + m;
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
    const row: CustomerRfm = { ...customerFigures(id, list, at), scores: null, segment: null };
    result.set(id, row);
    if (row.recencyDays !== null) scored.push(row);
  }
  if (scored.length === 0) return result;

  const byId = (a: CustomerRfm, b: CustomerRfm) =>
    a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0;
  const r = new Map<CustomerRfm, Score>();
  const f = new Map<CustomerRfm, Score>();
  const m = new Map<CustomerRfm, Score>();
  // Worst first: the longest without an order.
  quintiles(
    [...scored].sort((a, b) => b.recencyDays! - a.recencyDays! || byId(a, b)),
    (row, s) => r.set(row, s),
  );
  quintiles(
    [...scored].sort((a, b) => a.frequency - b.frequency || a.monetaryCents - b.monetaryCents || byId(a, b)),
    (row, s) => f.set(row, s),
  );
  quintiles(
    [...scored].sort((a, b) => a.monetaryCents - b.monetaryCents || a.frequency - b.frequency || byId(a, b)),
    (row, s) => m.set(row, s),
  );
  for (const row of scored) {
    const scores = { r: r.get(row)!, f: f.get(row)!, m: m.get(row)! };
    row.scores = scores;
    row.segment = segmentFor(scores.r, scores.f, scores.m);
  }
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
