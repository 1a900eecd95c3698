/**
 * Runs inside Chromium: saving an order of 50 lines on the laptop with the app's own mutator
 * (`createOrder`: every line priced with the shared pricing against the local catalogue, then
 * the order and its outbox entry written in one `rw` transaction). Goal: < 100 ms.
 */
import { customerEditableDefaults } from '../../src/shared/domain/customer/customer.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { createOrder } from '../../src/renderer/features/orders/mutators.js';

export interface OrderPageResult {
  lines: number;
  products: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

const LINES = 50;
const PRODUCTS = 400;
const RUNS = 40;
const WARM_UP = 5;
const AT = '2026-11-20T08:00:00.000Z';
const id = (prefix: number, n: number) =>
  `0190a000-0000-7000-800${prefix}-${n.toString(16).padStart(12, '0')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function run(): Promise<OrderPageResult> {
  const db = new AppDB(`bench-order-${Date.now()}`);
  await db.open();
  const customerId = id(1, 1);
  await db.customers.put({
    ...customerEditableDefaults,
    id: customerId,
    name: 'Brasserie du Parc',
    status: 'customer',
    priceGroup: 'CHR-STD',
    ownerId: null,
    ownerName: null,
    externalRef: null,
    version: 1,
    updatedAt: AT,
  });
  const lists = ['CHR-STD', 'CHR-PREM', 'COLL'].map((code, i) => ({
    id: id(2, i + 1),
    code,
    name: code,
    customerGroup: code,
    validFrom: '2024-01-01',
    validTo: null,
    version: 1,
    updatedAt: AT,
  }));
  await db.priceLists.bulkPut(lists);
  const products = Array.from({ length: PRODUCTS }, (_, i) => ({
    id: id(3, i + 1),
    reference: `VIN-${10_000 + i}`,
    name: `Produit ${i + 1}`,
    family: 'Vins',
    unit: 'bouteille',
    vatRate: 2000 as const,
    active: true,
    version: 1,
    updatedAt: AT,
  }));
  await db.products.bulkPut(products);
  await db.prices.bulkPut(
    lists.flatMap((list, l) =>
      products.map((p, i) => ({
        id: id(4, l * PRODUCTS + i + 1),
        priceListId: list.id,
        productId: p.id,
        breaks: [
          { minQuantity: 1, unitPriceCents: 1000 + i },
          { minQuantity: 6, unitPriceCents: 950 + i },
          { minQuantity: 12, unitPriceCents: 900 + i },
        ],
        version: 1,
      })),
    ),
  );
  const ctx = { userId: id(5, 1), userName: 'Camille Martin', maxDiscountBp: 1000 };
  const times: number[] = [];
  for (let r = 0; r < WARM_UP + RUNS; r++) {
    const lines = Array.from({ length: LINES }, (_, i) => ({
      productId: products[(r * 7 + i * 3) % PRODUCTS]?.id ?? '',
      quantity: 1 + ((r + i) % 24),
      discountBp: (i % 4) * 250,
    }));
    const started = performance.now();
    await createOrder(db, ctx, { customerId, lines, deliveryDate: null, note: '', signature: null });
    const ms = performance.now() - started;
    if (r >= WARM_UP) times.push(ms);
  }
  db.close();
  await db.delete();
  return {
    lines: LINES,
    products: PRODUCTS,
    runs: RUNS,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
  };
}

declare global {
  interface Window {
    runOrderBench?: typeof run;
  }
}
window.runOrderBench = run;
