/**
 * The figures of the customer brief (fiche de préparation de visite), as pure functions of the
 * customer's rows and a reference date. No clock, no storage: the screen and the tests pass
 * `at`. RFM, recency and rhythm come from src/shared/domain/rfm (never recomputed here).
 *
 * Rules (each one has a hand-computed test in compute.test.ts):
 * - Last visits: the 5 most recent visits up to `at`, newest first.
 * - Objections heard before: every objection of every visit, grouped by text (case, accents
 *   kept; spaces and case folded for grouping), with how many times it was heard, when last,
 *   and whether it was lifted that last time. Not lifted last time first, then most heard,
 *   then most recent.
 * - Open orders: status draft, received, confirmed or shipped (not delivered, not cancelled),
 *   newest first, with the sum of their totals excluding tax.
 * - Open complaints: status received, acknowledged or in progress (not resolved, not closed),
 *   high severity first then oldest first, with their age in whole days.
 * - Rhythm: days since the last order against the customer's own rhythm (median days between
 *   orders, rfm.ts). `lateByDays` = days since − rhythm when positive; `overdue` is rfm.ts's
 *   flag (more than OVERDUE_FACTOR × rhythm).
 * - Stopped products: with quiet = max(STOPPED_MIN_QUIET_DAYS, OVERDUE_FACTOR × rhythm) days,
 *   a product is stopped when it was in at least STOPPED_MIN_ORDERS orders in the 365 days
 *   before the quiet window and in none inside it, while the customer did order something
 *   inside it (a customer who stopped ordering altogether shows as overdue, not as a list of
 *   every product). Cancelled and draft orders are ignored.
 * - Cross-sell: per RFM segment, the share of the segment's customers who bought each product
 *   in the last 365 days (penetration, computed once per portfolio version); the brief lists
 *   the products with the largest share among those this customer never bought (any date),
 *   active products only, top 5, at least CROSS_SELL_MIN_BUYERS buyers.
 * - Freshness: prices as of the start of validity of the customer's current price list
 *   (customerGroup = the customer's price group, valid at `at`, latest start wins), else the
 *   last pull; last sync with a stale flag past STALE_AFTER_MS.
 */
import type { Complaint, Visit, VisitObjection } from '../../../shared/domain/activity/activity.js';
import type { PriceList, Product } from '../../../shared/domain/catalog/catalog.js';
import type { Order, OrderStatus } from '../../../shared/domain/order/order.js';
import type { CustomerRfm, RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import {
  keyFigures,
  keyFiguresRfm,
  type CustomerKeyFigures,
  type KeyFiguresRfm,
} from '../customers/index.js';
import {
  countsForRfm,
  DAY_MS,
  daysBetween,
  OVERDUE_FACTOR,
  YEAR_DAYS,
} from '../../../shared/domain/rfm/rfm.js';

export const LAST_VISITS = 5;
export const STOPPED_MIN_ORDERS = 2;
export const STOPPED_MIN_QUIET_DAYS = 90;
export const STOPPED_MAX = 8;
export const CROSS_SELL_MAX = 5;
export const CROSS_SELL_MIN_BUYERS = 2;
/** Data older than this gets the stale badge. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const openOrderStatuses: ReadonlySet<OrderStatus> = new Set(['draft', 'received', 'confirmed', 'shipped']);
const openComplaintStatuses: ReadonlySet<Complaint['status']> = new Set([
  'received',
  'acknowledged',
  'in-progress',
]);
const severityRank: Record<Complaint['severity'], number> = { high: 3, medium: 2, low: 1 };

// ---- visits and objections -----------------------------------------------------------------

export function lastVisits<V extends Pick<Visit, 'at'>>(
  visits: readonly V[],
  at: Date,
  n = LAST_VISITS,
): V[] {
  const atIso = at.toISOString();
  return visits
    .filter((v) => v.at <= atIso)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, n);
}

/**
 * What the last visit report left for this one: the newest visit up to `at` whose report holds
 * a next step, needs or motives (imported history has none). Null when no report says anything.
 */
export function lastReport<V extends Pick<Visit, 'at' | 'nextStep' | 'needs' | 'motives'>>(
  visits: readonly V[],
  at: Date,
): V | null {
  const atIso = at.toISOString();
  let best: V | null = null;
  for (const v of visits) {
    if (v.at > atIso) continue;
    if (v.nextStep.trim() === '' && v.needs.length === 0 && v.motives.length === 0) continue;
    if (best === null || v.at > best.at) best = v;
  }
  return best;
}

export interface HeardObjection {
  /** The wording of the last time it was heard. */
  text: string;
  times: number;
  lastHeardAt: string;
  liftedLastTime: boolean;
}

/** Folds case and spacing so "Trop cher" and "trop  cher " count as one objection. */
export function objectionKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');
}

export function objectionsHeard(
  visits: readonly (Pick<Visit, 'at'> & { objections: readonly VisitObjection[] })[],
  at: Date,
): HeardObjection[] {
  const atIso = at.toISOString();
  const byKey = new Map<string, HeardObjection>();
  for (const visit of visits) {
    if (visit.at > atIso) continue;
    for (const objection of visit.objections) {
      const key = objectionKey(objection.text);
      if (key === '') continue;
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, {
          text: objection.text.trim(),
          times: 1,
          lastHeardAt: visit.at,
          liftedLastTime: objection.lifted,
        });
        continue;
      }
      seen.times += 1;
      if (visit.at >= seen.lastHeardAt) {
        // Same visit twice: not lifted wins (the rep still has it to answer).
        const sameVisit = visit.at === seen.lastHeardAt;
        seen.liftedLastTime = sameVisit ? seen.liftedLastTime && objection.lifted : objection.lifted;
        seen.lastHeardAt = visit.at;
        seen.text = objection.text.trim();
      }
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      Number(a.liftedLastTime) - Number(b.liftedLastTime) ||
      b.times - a.times ||
      (a.lastHeardAt < b.lastHeardAt ? 1 : a.lastHeardAt > b.lastHeardAt ? -1 : 0),
  );
}

// ---- orders and complaints -----------------------------------------------------------------

export interface OpenOrders<O> {
  orders: O[];
  totalExclCents: number;
}

export function openOrders<O extends Pick<Order, 'orderedAt' | 'status' | 'totalExclCents'>>(
  orders: readonly O[],
): OpenOrders<O> {
  const open = orders
    .filter((o) => openOrderStatuses.has(o.status))
    .sort((a, b) => (a.orderedAt < b.orderedAt ? 1 : a.orderedAt > b.orderedAt ? -1 : 0));
  return { orders: open, totalExclCents: open.reduce((sum, o) => sum + o.totalExclCents, 0) };
}

export interface OpenComplaint<C> {
  complaint: C;
  ageDays: number;
}

export function openComplaints<C extends Pick<Complaint, 'status' | 'severity' | 'createdAt'>>(
  complaints: readonly C[],
  at: Date,
): OpenComplaint<C>[] {
  const atMs = at.getTime();
  return complaints
    .filter((c) => openComplaintStatuses.has(c.status))
    .map((complaint) => ({ complaint, ageDays: daysBetween(Date.parse(complaint.createdAt), atMs) }))
    .sort(
      (a, b) =>
        severityRank[b.complaint.severity] - severityRank[a.complaint.severity] || b.ageDays - a.ageDays,
    );
}

// ---- rhythm and RFM ------------------------------------------------------------------------

/** The 360's key figures (one computation, keyFigures.ts) plus how late the customer is. */
export type OrderRhythm = Omit<CustomerKeyFigures, 'averageTicketCents'> & {
  /** Days beyond the usual rhythm (0 when within it); null without a rhythm. */
  lateByDays: number | null;
};

export function orderRhythm(
  customerId: string,
  orders: readonly Pick<Order, 'orderedAt' | 'totalExclCents' | 'status'>[],
  at: Date,
): OrderRhythm {
  const f = keyFigures(customerId, orders, at);
  return {
    lastOrderAt: f.lastOrderAt,
    daysSinceLastOrder: f.daysSinceLastOrder,
    rhythmDays: f.rhythmDays,
    overdue: f.overdue,
    ordersLast12Months: f.ordersLast12Months,
    revenueLast12MonthsCents: f.revenueLast12MonthsCents,
    lateByDays:
      f.daysSinceLastOrder === null || f.rhythmDays === null
        ? null
        : Math.max(0, f.daysSinceLastOrder - f.rhythmDays),
  };
}

export type BriefRfm = KeyFiguresRfm;

/** The customer's scores, segment and 6-month trend, read from the portfolio RFM. */
export const briefRfm: (now: CustomerRfm | undefined, past: CustomerRfm | undefined) => BriefRfm =
  keyFiguresRfm;

// ---- products ------------------------------------------------------------------------------

export interface StoppedProduct {
  productId: string;
  name: string;
  reference: string;
  /** Orders containing it in the year before the quiet window. */
  ordersBefore: number;
  lastBoughtAt: string;
}

export function stoppedProducts(
  orders: readonly Pick<Order, 'orderedAt' | 'status' | 'lines'>[],
  at: Date,
  rhythmDays: number | null,
): { quietDays: number; products: StoppedProduct[] } {
  const quietDays = Math.max(STOPPED_MIN_QUIET_DAYS, OVERDUE_FACTOR * (rhythmDays ?? 0));
  const atMs = at.getTime();
  const quietStart = atMs - quietDays * DAY_MS;
  const yearStart = quietStart - YEAR_DAYS * DAY_MS;
  const before = new Map<string, StoppedProduct>();
  const recent = new Set<string>();
  let orderedInQuiet = false;
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    const t = Date.parse(order.orderedAt);
    if (t > atMs || t <= yearStart) continue;
    const inQuiet = t > quietStart;
    if (inQuiet) orderedInQuiet = true;
    const seenInOrder = new Set<string>();
    for (const line of order.lines) {
      if (seenInOrder.has(line.productId)) continue;
      seenInOrder.add(line.productId);
      if (inQuiet) {
        recent.add(line.productId);
        continue;
      }
      const row = before.get(line.productId);
      if (!row) {
        before.set(line.productId, {
          productId: line.productId,
          name: line.productName,
          reference: line.productReference,
          ordersBefore: 1,
          lastBoughtAt: order.orderedAt,
        });
      } else {
        row.ordersBefore += 1;
        if (order.orderedAt > row.lastBoughtAt) {
          row.lastBoughtAt = order.orderedAt;
          row.name = line.productName;
        }
      }
    }
  }
  if (!orderedInQuiet) return { quietDays, products: [] };
  const products = [...before.values()]
    .filter((p) => p.ordersBefore >= STOPPED_MIN_ORDERS && !recent.has(p.productId))
    .sort(
      (a, b) =>
        b.ordersBefore - a.ordersBefore ||
        (a.lastBoughtAt < b.lastBoughtAt ? 1 : a.lastBoughtAt > b.lastBoughtAt ? -1 : 0) ||
        (a.productId < b.productId ? -1 : 1),
    )
    .slice(0, STOPPED_MAX);
  return { quietDays, products };
}

/** Every product the customer ever ordered (any status but cancelled/draft). */
export function productsEverBought(orders: readonly Pick<Order, 'status' | 'lines'>[]): Set<string> {
  const ids = new Set<string>();
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    for (const line of order.lines) ids.add(line.productId);
  }
  return ids;
}

export interface SegmentPenetration {
  /** Scored customers per segment. */
  customers: Map<RfmSegment, number>;
  /** Per segment: product id → number of the segment's customers who bought it. */
  buyers: Map<RfmSegment, Map<string, number>>;
}

/**
 * Per segment, how many of its customers bought each product in the 365 days up to `at`.
 * `orders` may hold any orders; cancelled/draft ones and those outside the window are ignored.
 */
export function segmentPenetration(
  segments: ReadonlyMap<string, RfmSegment | null>,
  orders: Iterable<Pick<Order, 'customerId' | 'orderedAt' | 'status' | 'lines'>>,
  at: Date,
): SegmentPenetration {
  const customers = new Map<RfmSegment, number>();
  for (const segment of segments.values())
    if (segment) customers.set(segment, (customers.get(segment) ?? 0) + 1);
  const atMs = at.getTime();
  const windowStart = atMs - YEAR_DAYS * DAY_MS;
  const pairs = new Set<string>();
  const buyers = new Map<RfmSegment, Map<string, number>>();
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    const segment = segments.get(order.customerId);
    if (!segment) continue;
    const t = Date.parse(order.orderedAt);
    if (t > atMs || t <= windowStart) continue;
    let counts = buyers.get(segment);
    if (!counts) {
      counts = new Map();
      buyers.set(segment, counts);
    }
    for (const line of order.lines) {
      const pair = `${order.customerId}|${line.productId}`;
      if (pairs.has(pair)) continue;
      pairs.add(pair);
      counts.set(line.productId, (counts.get(line.productId) ?? 0) + 1);
    }
  }
  return { customers, buyers };
}

export interface CrossSellItem {
  productId: string;
  name: string;
  reference: string;
  buyers: number;
  segmentSize: number;
  /** buyers / segmentSize, 0..1. */
  share: number;
}

/**
 * Per customer type (`sector`), the product families its customers bought in the 365 days up
 * to `at`: a café-bar is offered what cafés buy, not a restaurant kitchen's catering packs.
 */
export function familiesBySector(
  sectors: ReadonlyMap<string, string>,
  orders: Iterable<Pick<Order, 'customerId' | 'orderedAt' | 'status' | 'lines'>>,
  products: ReadonlyMap<string, Pick<Product, 'family'>>,
  at: Date,
): Map<string, Set<string>> {
  const atMs = at.getTime();
  const windowStart = atMs - YEAR_DAYS * DAY_MS;
  const families = new Map<string, Set<string>>();
  for (const order of orders) {
    if (!countsForRfm(order)) continue;
    const sector = sectors.get(order.customerId);
    if (!sector) continue;
    const t = Date.parse(order.orderedAt);
    if (t > atMs || t <= windowStart) continue;
    let set = families.get(sector);
    if (!set) {
      set = new Set();
      families.set(sector, set);
    }
    for (const line of order.lines) {
      const family = products.get(line.productId)?.family;
      if (family) set.add(family);
    }
  }
  return families;
}

/**
 * Products the customer's segment buys and the customer does not, most bought first; only in
 * `families` (those the customer's type buys) when given.
 */
export function crossSell(
  penetration: SegmentPenetration,
  segment: RfmSegment | null,
  bought: ReadonlySet<string>,
  products: ReadonlyMap<string, Pick<Product, 'name' | 'reference' | 'active' | 'family'>>,
  families: ReadonlySet<string> | null = null,
  limit = CROSS_SELL_MAX,
): CrossSellItem[] {
  if (!segment) return [];
  const size = penetration.customers.get(segment) ?? 0;
  const counts = penetration.buyers.get(segment);
  if (!counts || size === 0) return [];
  const items: CrossSellItem[] = [];
  for (const [productId, n] of counts) {
    if (n < CROSS_SELL_MIN_BUYERS || bought.has(productId)) continue;
    const product = products.get(productId);
    if (!product?.active) continue;
    if (families !== null && !families.has(product.family)) continue;
    items.push({
      productId,
      name: product.name,
      reference: product.reference,
      buyers: n,
      segmentSize: size,
      share: n / size,
    });
  }
  return items.sort((a, b) => b.buyers - a.buyers || (a.productId < b.productId ? -1 : 1)).slice(0, limit);
}

// ---- freshness -----------------------------------------------------------------------------

export interface Freshness {
  /** yyyy-mm-dd start of the customer's price list, or null. */
  pricesFrom: string | null;
  priceListName: string | null;
  /** Fallback when no price list applies: the last pull (ISO). */
  catalogueAt: string | null;
  lastSyncAt: string | null;
  /** Milliseconds since the last sync; null when never synced. */
  syncAgeMs: number | null;
  stale: boolean;
}

/** The price list the customer buys at on `at`: its group, valid that day, latest start. */
export function currentPriceList<P extends Pick<PriceList, 'customerGroup' | 'validFrom' | 'validTo'>>(
  priceLists: readonly P[],
  priceGroup: string,
  at: Date,
): P | null {
  const day = at.toISOString().slice(0, 10);
  let best: P | null = null;
  for (const list of priceLists) {
    if (list.customerGroup !== priceGroup || list.validFrom > day) continue;
    if (list.validTo !== null && list.validTo < day) continue;
    if (!best || list.validFrom > best.validFrom) best = list;
  }
  return best;
}

export function freshness(input: {
  priceLists: readonly Pick<PriceList, 'customerGroup' | 'validFrom' | 'validTo' | 'name'>[];
  priceGroup: string;
  lastSyncAt: string | null;
  lastPullAt: string | null;
  at: Date;
}): Freshness {
  const list = input.priceGroup ? currentPriceList(input.priceLists, input.priceGroup, input.at) : null;
  const syncAgeMs =
    input.lastSyncAt === null ? null : Math.max(0, input.at.getTime() - Date.parse(input.lastSyncAt));
  return {
    pricesFrom: list?.validFrom ?? null,
    priceListName: list?.name ?? null,
    catalogueAt: list ? null : input.lastPullAt,
    lastSyncAt: input.lastSyncAt,
    syncAgeMs,
    stale: syncAgeMs === null || syncAgeMs > STALE_AFTER_MS,
  };
}
