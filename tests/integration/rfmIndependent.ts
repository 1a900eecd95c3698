/**
 * RFM as its definition reads (shared/domain/rfm/rfm.ts), by a different route from the
 * product's: for each customer, count one by one the customers with a strictly worse value.
 */
import type { CustomerRfmRow, MigrationCell } from '../../src/shared/contract/rfm.js';
import { segmentFor } from '../../src/shared/domain/rfm/rfm.js';
import type { Score } from '../../src/shared/domain/rfm/rfm.js';

export const DAY = 86_400_000;

export interface Purchase {
  customerId: string;
  /** UTC day number of the purchase. */
  day: number;
  cents: number;
}

export type IndependentRow = Omit<CustomerRfmRow, 'customerRef'>;

/** Customers with a purchase on or before `asOf` (YYYY-MM-DD), by id. */
export function independentRfm(purchases: readonly Purchase[], asOf: string): Map<string, IndependentRow> {
  const d = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / DAY);
  const figures = new Map<string, { last: number; f: number; m: number }>();
  for (const p of purchases) {
    if (p.day > d) continue;
    const row = figures.get(p.customerId) ?? { last: -Infinity, f: 0, m: 0 };
    row.last = Math.max(row.last, p.day);
    if (p.day >= d - 364) {
      row.f += 1;
      row.m += p.cents;
    }
    figures.set(p.customerId, row);
  }
  const all = [...figures.entries()].map(([id, x]) => ({ id, recency: d - x.last, f: x.f, m: x.m }));
  const n = all.length;
  const score = (worse: number) => (1 + Math.floor((5 * worse) / n)) as Score;
  const result = new Map<string, IndependentRow>();
  for (const c of all) {
    let worseR = 0;
    let worseF = 0;
    let worseM = 0;
    for (const o of all) {
      if (o.recency > c.recency) worseR += 1;
      if (o.f < c.f) worseF += 1;
      if (o.m < c.m) worseM += 1;
    }
    const [r, f, m] = [score(worseR), score(worseF), score(worseM)];
    result.set(c.id, {
      customerId: c.id,
      recencyDays: c.recency,
      frequency: c.f,
      monetaryCents: c.m,
      r,
      f,
      m,
      segment: segmentFor(r, f, m),
    });
  }
  return result;
}

/** The migration matrix: customers scored at `to`, by (segment at `from` or none, segment at `to`). */
export function independentMigrations(
  purchases: readonly Purchase[],
  from: string,
  to: string,
): MigrationCell[] {
  const before = independentRfm(purchases, from);
  const cells = new Map<string, MigrationCell>();
  for (const row of independentRfm(purchases, to).values()) {
    const fromSegment = before.get(row.customerId)?.segment ?? 'none';
    const key = `${fromSegment}>${row.segment}`;
    const cell = cells.get(key) ?? { fromSegment, toSegment: row.segment, customers: 0, revenueCents: 0 };
    cell.customers += 1;
    cell.revenueCents += row.monetaryCents;
    cells.set(key, cell);
  }
  return [...cells.values()];
}
