/**
 * Per-segment product penetration and the families each customer type buys, from the last 365
 * days of orders: what `crossSellCache` caches, computed here or in the portfolio worker (no
 * React, no DOM: both can run it).
 */
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { DAY_MS, YEAR_DAYS } from '../../../shared/domain/rfm/rfm.js';
import type { AppDB } from '../../db/AppDB.js';
import type { ProductRow } from '../../db/schema.js';
import { familiesBySector, segmentPenetration, type SegmentPenetration } from './compute.js';

/** What the penetration needs of the portfolio RFM: its version, day and segments. */
export interface PenetrationInput {
  key: string;
  at: Date;
  now: ReadonlyMap<string, { segment: RfmSegment | null }>;
}

export interface PortfolioPenetration {
  key: string;
  penetration: SegmentPenetration;
  products: Map<string, ProductRow>;
  /** Per customer type (sector), the families its customers bought in the year. */
  familiesBySector: Map<string, Set<string>>;
  tookMs: number;
}

export async function computePenetration(db: AppDB, rfm: PenetrationInput): Promise<PortfolioPenetration> {
  const started = performance.now();
  const windowStart = new Date(rfm.at.getTime() - YEAR_DAYS * DAY_MS).toISOString();
  const [orders, products, customers] = await Promise.all([
    db.orders.where('orderedAt').above(windowStart).toArray(),
    db.products.toArray(),
    db.customers.toArray(),
  ]);
  const productsById = new Map(products.map((p) => [p.id, p]));
  const segments = new Map<string, RfmSegment | null>();
  for (const [id, row] of rfm.now) segments.set(id, row.segment);
  return {
    key: rfm.key,
    penetration: segmentPenetration(segments, orders, rfm.at),
    products: productsById,
    familiesBySector: familiesBySector(
      new Map(customers.map((c) => [c.id, c.sector])),
      orders,
      productsById,
      rfm.at,
    ),
    tookMs: performance.now() - started,
  };
}
