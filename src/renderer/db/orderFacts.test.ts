import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/lib/result.js';
import { fail, ok } from '../../shared/lib/result.js';
import type { Input, Method, Output } from '../../shared/contract/index.js';
import type { Transport } from '../../shared/contract/transport.js';
import type { PatchOp, PullResponse } from '../../shared/sync/protocol.js';
import { computeRfm } from '../../shared/domain/rfm/rfm.js';
import { cancelOrder, createOrder, updateOrder } from '../features/orders/mutators.js';
import { portfolioRfm } from '../features/customers/rfmCache.js';
import { SyncEngine } from '../sync/engine.js';
import { eachTestDb } from '../test/db.js';
import { FakeClock, USER, makeCustomer, makeProduct } from '../test/fakeServer.js';
import type { AppDB } from './AppDB.js';
import { ORDER_FACT_BUCKETS, bucketOf, orderFactOf, readOrderFacts, type OrderFact } from './orderFacts.js';
import type { OrderRow } from './schema.js';

let db: AppDB;
eachTestDb('order-facts-test', (fresh) => {
  db = fresh;
});

const NOW = '2026-03-10T09:00:00.000Z';
const ctx = { userId: USER.id, userName: USER.name, maxDiscountBp: 1000, now: () => NOW };
const uuid = (group: number, k: number) =>
  `0190a000-0000-7000-800${group}-${k.toString(16).padStart(12, '0')}`;
const PRODUCT = uuid(3, 1);

function order(k: number, extra: Partial<OrderRow> = {}): OrderRow {
  return {
    id: uuid(2, k),
    customerId: makeCustomer(1 + (k % 3)).id,
    repId: USER.id,
    number: `CMD-${k}`,
    orderedAt: `2026-0${1 + (k % 3)}-1${k % 10}T10:00:00.000Z`,
    deliveryDate: null,
    status: 'delivered',
    lines: [],
    totalExclCents: 1000 * k,
    totalVatCents: 0,
    totalInclCents: 1000 * k,
    version: 1,
    updatedAt: NOW,
    ...extra,
  };
}

/** The facts as stored, sorted by order id. */
async function storedFacts(): Promise<OrderFact[]> {
  return (await readOrderFacts(db.orderFacts)).sort((a, b) => a.id.localeCompare(b.id));
}

/** The facts the orders stored now should have, sorted by order id. */
async function expectedFacts(): Promise<OrderFact[]> {
  const rows = await db.orders.toArray();
  return rows.flatMap((row) => orderFactOf(row) ?? []).sort((a, b) => a.id.localeCompare(b.id));
}

/** An order taken on this laptop: `quantity` bottles at 10.00 for customer `customer`. */
function takeOrder(customer: number, quantity: number): Promise<OrderRow> {
  return createOrder(db, ctx, {
    customerId: makeCustomer(customer).id,
    lines: [{ productId: PRODUCT, quantity, discountBp: 0 }],
    deliveryDate: null,
    note: '',
    signature: null,
  });
}

async function seedCatalogue(): Promise<void> {
  await db.customers.bulkPut([1, 2, 3].map((n) => makeCustomer(n, { priceGroup: 'STD' })));
  await db.products.put(makeProduct(PRODUCT));
  await db.priceLists.put({
    id: uuid(3, 2),
    code: 'STD',
    name: 'Tarif',
    customerGroup: 'STD',
    validFrom: '2026-01-01',
    validTo: null,
    version: 1,
    updatedAt: NOW,
  });
  await db.prices.put({
    id: uuid(3, 3),
    priceListId: uuid(3, 2),
    productId: PRODUCT,
    breaks: [{ minQuantity: 1, unitPriceCents: 1000 }],
    version: 1,
  });
}

/** A head office that answers each pull with the next scripted response and acknowledges pushes. */
class ScriptedHeadOffice implements Transport {
  readonly pulls: Omit<PullResponse, 'lastMid' | 'serverTime' | 'more'>[] = [];

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    await Promise.resolve();
    if (method === 'sync-push') return ok({ lastMid: 0 }) as Result<Output<M>>;
    if (method !== 'sync-pull') return fail('unknown-method', method) as Result<Output<M>>;
    const next = this.pulls.shift() ?? {
      cookie: (input as Input<'sync-pull'>).cookie ?? 1,
      reset: false,
      patch: [],
    };
    const response: PullResponse = { ...next, lastMid: 0, more: false, serverTime: NOW };
    return ok(response) as Result<Output<M>>;
  }
}

const put = (value: OrderRow): PatchOp => ({ op: 'put', entity: 'order', value });

describe('order facts', () => {
  it('follow the laptop’s own order writes: creation, change of lines, cancellation', async () => {
    await seedCatalogue();
    const created = await takeOrder(1, 3);
    // A draft until head office has it: it does not count.
    expect(await storedFacts()).toEqual([
      { id: created.id, customerId: created.customerId, orderedAt: NOW, totalExclCents: 3000, counted: 0 },
    ]);
    await updateOrder(db, ctx, {
      id: created.id,
      lines: [{ productId: PRODUCT, quantity: 5, discountBp: 0 }],
      deliveryDate: null,
      note: '',
    });
    expect((await storedFacts())[0]?.totalExclCents).toBe(5000);

    // A received order (from head office, not locked) counts until the rep cancels it.
    await db.orders.put(order(7, { status: 'received' }));
    expect((await storedFacts()).find((f) => f.id === uuid(2, 7))?.counted).toBe(1);
    await cancelOrder(db, ctx, { id: uuid(2, 7) });
    expect((await storedFacts()).find((f) => f.id === uuid(2, 7))?.counted).toBe(0);
    expect(await storedFacts()).toEqual(await expectedFacts());
  });

  it('follow the sync pull: puts, a status change, a tombstone, a reset and the pending order rebased on it', async () => {
    const office = new ScriptedHeadOffice();
    const engine = new SyncEngine({
      db,
      transport: office,
      probe: async () => true,
      user: USER,
      clock: new FakeClock(),
      random: () => 0.5,
      connectivity: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    office.pulls.push({ cookie: 2, reset: true, patch: [put(order(1)), put(order(2)), put(order(3))] });
    await engine.start();
    expect((await storedFacts()).map((f) => f.id)).toEqual([uuid(2, 1), uuid(2, 2), uuid(2, 3)]);
    await seedCatalogue();

    office.pulls.push({
      cookie: 3,
      reset: false,
      patch: [put(order(1, { status: 'cancelled' })), { op: 'del', entity: 'order', id: uuid(2, 2) }],
    });
    await engine.syncNow();
    expect(await storedFacts()).toEqual([{ ...orderFactOf(order(1))!, counted: 0 }, orderFactOf(order(3))!]);

    // An order taken on this laptop, not yet at head office, then a reset: the pulled rows
    // replace everything and the pending order is applied again on top.
    const local = await takeOrder(2, 1);
    office.pulls.push({ cookie: 4, reset: true, patch: [put(order(4))] });
    await engine.syncNow();
    engine.stop();
    expect((await storedFacts()).map((f) => f.id).sort()).toEqual([uuid(2, 4), local.id].sort());
    expect(await storedFacts()).toEqual(await expectedFacts());
  });

  it('follow any sequence of writes to orders, and the RFM from them equals the RFM from the orders', async () => {
    const customerIds = [1, 2, 3].map((n) => makeCustomer(n).id);
    await db.customers.bulkPut([1, 2, 3].map((n) => makeCustomer(n)));
    const statuses = ['draft', 'received', 'confirmed', 'delivered', 'cancelled'] as const;
    const anOrder = fc
      .record({
        k: fc.integer({ min: 1, max: 12 }),
        status: fc.constantFrom(...statuses),
        cents: fc.nat(50_000),
      })
      .map(({ k, status, cents }) => order(k, { status, totalExclCents: cents }));
    const write = fc.oneof(
      fc.record({ kind: fc.constant('bulkPut' as const), rows: fc.array(anOrder, { maxLength: 6 }) }),
      fc.record({ kind: fc.constant('add' as const), row: anOrder }),
      fc.record({
        kind: fc.constant('bulkDelete' as const),
        ks: fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 4 }),
      }),
      fc.record({ kind: fc.constant('cancel' as const), k: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ kind: fc.constant('modifyStatus' as const), status: fc.constantFrom(...statuses) }),
      fc.record({ kind: fc.constant('deleteBelow' as const), k: fc.integer({ min: 1, max: 12 }) }),
      fc.constant({ kind: 'clear' as const }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(write, { maxLength: 8 }), async (writes) => {
        await db.orders.clear();
        for (const w of writes) {
          switch (w.kind) {
            case 'bulkPut':
              await db.orders.bulkPut(w.rows);
              break;
            case 'add':
              // An id already stored fails, in a transaction that goes on (the facts stay as they were).
              await db.transaction('rw', db.orders, () => db.orders.add(w.row).catch(() => undefined));
              break;
            case 'bulkDelete':
              await db.orders.bulkDelete(w.ks.map((k) => uuid(2, k)));
              break;
            case 'cancel':
              await db.orders.update(uuid(2, w.k), { status: 'cancelled' });
              break;
            case 'modifyStatus':
              await db.orders.where('customerId').equals(customerIds[0]!).modify({ status: w.status });
              break;
            case 'deleteBelow':
              await db.orders.where(':id').below(uuid(2, w.k)).delete();
              break;
            case 'clear':
              await db.orders.clear();
              break;
          }
        }
        expect(await storedFacts()).toEqual(await expectedFacts());
        const at = new Date('2026-06-30T23:59:59.999Z');
        const fromFacts = await portfolioRfm(db, `run-${Math.random()}`, at);
        expect(fromFacts.now).toEqual(computeRfm(customerIds, await db.orders.toArray(), at));
        expect(fromFacts.past).toEqual(computeRfm(customerIds, await db.orders.toArray(), fromFacts.pastAt));
      }),
      { numRuns: 40 },
    );
  });

  it('spread the orders over the buckets', () => {
    const counts = new Array<number>(ORDER_FACT_BUCKETS).fill(0);
    for (let k = 0; k < 6400; k += 1) counts[bucketOf(uuid(2, k))]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(50);
    expect(Math.max(...counts)).toBeLessThan(150);
  });
});
