/**
 * The portfolio's RFM as of a day and six months before, from the order facts: what `rfmCache`
 * caches, computed here or in the portfolio worker (no React, no DOM: both can run it).
 */
import type { CustomerRfm, RfmOrder } from '../../../shared/domain/rfm/rfm.js';
import { computeRfm, monthsBefore } from '../../../shared/domain/rfm/rfm.js';
import type { AppDB } from '../../db/AppDB.js';
import { readOrderFacts } from '../../db/orderFacts.js';

export interface PortfolioRfm {
  key: string;
  at: Date;
  pastAt: Date;
  now: Map<string, CustomerRfm>;
  past: Map<string, CustomerRfm>;
  /** How long the last computation took (ms), for diagnostics. */
  tookMs: number;
}

/** Months back for the segment trend. */
export const TREND_MONTHS = 6;

export async function computePortfolioRfm(db: AppDB, key: string, at: Date): Promise<PortfolioRfm> {
  const started = performance.now();
  const pastAt = monthsBefore(at, TREND_MONTHS);
  const [customerIds, facts] = await Promise.all([
    db.customers.toCollection().primaryKeys(),
    readOrderFacts(db.orderFacts),
  ]);
  // Cancelled orders and drafts do not count (a fact says so: no status needed).
  const orders: RfmOrder[] = facts.filter((fact) => fact.counted === 1);
  return {
    key,
    at,
    pastAt,
    now: computeRfm(customerIds, orders, at),
    past: computeRfm(customerIds, orders, pastAt),
    tookMs: performance.now() - started,
  };
}
