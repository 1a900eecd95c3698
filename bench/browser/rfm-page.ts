/**
 * Runs inside Chromium: the laptop's RFM over Dexie on CDNOW (23,544 customers, 69,659
 * purchases), with the app's own code (`computePortfolioRfm`, what the portfolio worker runs: the customer ids and the order facts,
 * kept in step with the orders when they are written, two scorings — as of D and six months
 * before), then the migration matrix built from the two scorings. Each run is a new data
 * version (nothing cached). Goal: < 500 ms.
 */
import { customerEditableDefaults } from '../../src/shared/domain/customer/customer.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { readOrderFacts } from '../../src/renderer/db/orderFacts.js';
import { computePortfolioRfm } from '../../src/renderer/features/customers/rfmCompute.js';

/** One purchase: the customer's number, the day (yyyy-mm-dd), the amount in cents. */
export type Purchase = readonly [number, string, number];

export interface RfmPageResult {
  customers: number;
  orders: number;
  scored: number;
  cells: number;
  runs: number;
  loadMs: number;
  p50Ms: number;
  maxMs: number;
  computeP50Ms: number;
  /** Each read the computation makes, alone (ms, after the runs): where the time goes. */
  reads: Record<string, number>;
}

const RUNS = 5;
const AT = new Date('1998-06-30T23:59:59.999Z');
const UPDATED = '1998-07-01T00:00:00.000Z';
const id = (prefix: number, n: number) =>
  `0190b000-0000-7000-800${prefix}-${n.toString(16).padStart(12, '0')}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

async function run(purchases: readonly Purchase[]): Promise<RfmPageResult> {
  const db = new AppDB(`bench-rfm-${Date.now()}`);
  await db.open();
  const loadStarted = performance.now();
  const numbers = [...new Set(purchases.map((p) => p[0]))];
  await db.customers.bulkPut(
    numbers.map((n) => ({
      ...customerEditableDefaults,
      id: id(1, n),
      name: `CDNOW ${n}`,
      status: 'customer' as const,
      priceGroup: 'STD',
      ownerId: null,
      ownerName: null,
      externalRef: String(n).padStart(5, '0'),
      version: 1,
      updatedAt: UPDATED,
    })),
  );
  await db.orders.bulkPut(
    purchases.map(([n, day, cents], i) => ({
      id: id(2, i + 1),
      customerId: id(1, n),
      repId: null,
      number: `CDNOW-${i + 1}`,
      orderedAt: `${day}T12:00:00.000Z`,
      deliveryDate: null,
      status: 'delivered' as const,
      lines: [],
      totalExclCents: cents,
      totalVatCents: 0,
      totalInclCents: cents,
      version: 1,
      updatedAt: UPDATED,
    })),
  );
  const loadMs = performance.now() - loadStarted;

  const reads: Record<string, number> = {};
  const time = async (name: string, f: () => Promise<unknown>) => {
    const t = performance.now();
    await f();
    reads[name] = Math.round(performance.now() - t);
  };
  await time('customer ids', () => db.customers.toCollection().primaryKeys());
  await time('order facts', () => readOrderFacts(db.orderFacts));
  await time('every order (for comparison)', () => db.orders.toArray());
  const times: number[] = [];
  const computes: number[] = [];
  let scored = 0;
  let cells = 0;
  for (let r = 0; r <= RUNS; r++) {
    const started = performance.now();
    const rfm = await computePortfolioRfm(db, `bench-${r}`, AT);
    const matrix = new Map<string, { customers: number; revenueCents: number }>();
    for (const [customerId, now] of rfm.now) {
      if (now.segment === null) continue;
      const key = `${rfm.past.get(customerId)?.segment ?? 'none'}>${now.segment}`;
      const cell = matrix.get(key) ?? { customers: 0, revenueCents: 0 };
      cell.customers += 1;
      cell.revenueCents += now.monetaryCents;
      matrix.set(key, cell);
    }
    const ms = performance.now() - started;
    // The first run warms the JIT and IndexedDB's caches up: not counted.
    if (r > 0) {
      times.push(ms);
      computes.push(rfm.tookMs);
    }
    scored = [...rfm.now.values()].filter((c) => c.segment !== null).length;
    cells = matrix.size;
  }
  db.close();
  await db.delete();
  return {
    customers: numbers.length,
    orders: purchases.length,
    scored,
    cells,
    runs: RUNS,
    loadMs,
    p50Ms: median(times),
    maxMs: Math.max(...times),
    computeP50Ms: median(computes),
    reads,
  };
}

declare global {
  interface Window {
    runRfmBench?: typeof run;
  }
}
window.runRfmBench = run;
