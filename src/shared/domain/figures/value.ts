/**
 * Customer value and concentration: the Pareto curve and ABC classes of a portfolio's revenue,
 * and the revenue to expect from each customer over the next twelve months.
 *
 * ABC: customers sorted by revenue, largest first; a customer is in A while the revenue of
 * those before them is under 80 % of the total (so the one crossing 80 % is still A), in B under
 * 95 %, C after (and every customer without revenue).
 *
 * Forecast: the last two years weighted by recency — two thirds the last twelve months, one
 * third the twelve before — rounded half up to the cent. A customer who bought nothing in two
 * years is expected to buy nothing.
 */
import { divideRoundHalfUp } from '../../lib/money.js';

export type AbcClass = 'A' | 'B' | 'C';
export const A_SHARE = 0.8;
export const B_SHARE = 0.95;

export function abcClasses(rows: readonly { id: string; cents: number }[]): Map<string, AbcClass> {
  const sorted = [...rows].sort((a, b) => b.cents - a.cents || a.id.localeCompare(b.id));
  const total = sorted.reduce((n, r) => n + Math.max(0, r.cents), 0);
  const classes = new Map<string, AbcClass>();
  let before = 0;
  for (const row of sorted) {
    const share = total === 0 ? 1 : before / total;
    classes.set(row.id, row.cents <= 0 ? 'C' : share < A_SHARE ? 'A' : share < B_SHARE ? 'B' : 'C');
    before += Math.max(0, row.cents);
  }
  return classes;
}

/** The Pareto curve: share of customers (largest first) → share of revenue, at most `points` + 1 points. */
export function paretoCurve(
  cents: readonly number[],
  points = 100,
): { customersShare: number; revenueShare: number }[] {
  const sorted = [...cents].map((c) => Math.max(0, c)).sort((a, b) => b - a);
  const total = sorted.reduce((n, c) => n + c, 0);
  const n = sorted.length;
  if (n === 0 || total === 0) return [];
  const cumulative: number[] = [0];
  for (const c of sorted) cumulative.push(cumulative[cumulative.length - 1]! + c);
  const curve: { customersShare: number; revenueShare: number }[] = [];
  const steps = Math.min(points, n);
  for (let i = 0; i <= steps; i += 1) {
    const k = Math.round((i * n) / steps);
    curve.push({ customersShare: k / n, revenueShare: cumulative[k]! / total });
  }
  return curve;
}

export function forecastNext12MonthsCents(last12Cents: number, previous12Cents: number): number {
  const weighted = 2 * Math.max(0, last12Cents) + Math.max(0, previous12Cents);
  return divideRoundHalfUp(weighted, 3);
}
