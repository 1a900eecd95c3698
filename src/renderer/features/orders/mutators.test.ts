import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PriceList, Product } from '../../../shared/domain/catalog/catalog.js';
import { eachTestDb } from '../../test/db.js';
import type { AppDB } from '../../db/AppDB.js';
import type { OrderRow } from '../../db/schema.js';
import { USER, makeCustomer } from '../../test/fakeServer.js';
import { rebasePending } from '../../sync/registry.js';
import { cancelOrder, createOrder, OrderCheckError, OrderLockedError, updateOrder } from './mutators.js';

let db: AppDB;
const NOW = '2026-03-10T09:00:00.000Z';
const ctx = { userId: USER.id, userName: USER.name, maxDiscountBp: 1000, now: () => NOW };
const id = (k: number) => `0190a000-0000-7000-8000-${k.toString().padStart(12, '0')}`;
const customer = { ...makeCustomer(1), priceGroup: 'CHR-STD' };

function product(k: number, active = true): Product {
  return {
    id: id(k),
    reference: `REF-${k}`,
    name: `Produit ${k}`,
    family: 'Vins',
    unit: 'bouteille',
    vatRate: 2000,
    active,
    version: 1,
    updatedAt: NOW,
  };
}
const list: PriceList = {
  id: id(100),
  code: 'CHR-STD',
  name: 'Tarif',
  customerGroup: 'CHR-STD',
  validFrom: '2026-01-01',
  validTo: null,
  version: 1,
  updatedAt: NOW,
};

eachTestDb('orders-mutators-test', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await db.products.bulkPut([product(1), product(2, false)]);
  await db.priceLists.put(list);
  await db.prices.bulkPut([
    {
      id: id(201),
      priceListId: list.id,
      productId: id(1),
      breaks: [
        { minQuantity: 1, unitPriceCents: 1000 },
        { minQuantity: 6, unitPriceCents: 900 },
      ],
      version: 1,
    },
    {
      id: id(202),
      priceListId: list.id,
      productId: id(2),
      breaks: [{ minQuantity: 1, unitPriceCents: 500 }],
      version: 1,
    },
  ]);
});

const base = { customerId: customer.id, deliveryDate: '2026-03-20', note: '', signature: null };

describe('order mutators', () => {
  it('createOrder prices with the break and writes the order and its outbox entry together', async () => {
    const order = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 6, discountBp: 500 }],
    });
    expect(order).toMatchObject({
      status: 'draft',
      number: '',
      version: 0,
      approval: 'not-needed',
      totalExclCents: 5130,
      totalVatCents: 1026,
      totalInclCents: 6156,
    });
    expect(order.lines[0]).toMatchObject({ unitPriceCents: 900, productReference: 'REF-1', vatRate: 2000 });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      mid: 1,
      name: 'order-create',
      args: { id: order.id, customerId: customer.id },
    });
    expect(entry?.args).toMatchObject({
      lines: [{ quantity: 6, discountBp: 500, previewUnitPriceCents: 900 }],
    });
  });

  it('a discount above the limit saves the order as waiting for approval', async () => {
    const order = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 1, discountBp: 1500 }],
    });
    expect(order.approval).toBe('pending');
  });

  it.each([
    ['a zero quantity', { productId: id(1), quantity: 0, discountBp: 0 }, 'quantity-invalid'],
    ['a negative quantity', { productId: id(1), quantity: -2, discountBp: 0 }, 'quantity-invalid'],
    ['a discount above 50 %', { productId: id(1), quantity: 1, discountBp: 5100 }, 'discount-too-high'],
    ['a withdrawn product', { productId: id(2), quantity: 1, discountBp: 0 }, 'product-withdrawn'],
  ])('%s refuses the whole order with a coded problem and writes nothing', async (_label, bad, code) => {
    const nextMidBefore = await db.getMeta('nextMid');
    const error = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 1, discountBp: 0 }, bad],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderCheckError);
    expect((error as OrderCheckError).problems.map((p) => p.code)).toEqual([code]);
    expect(await db.orders.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('nextMid')).toBe(nextMidBefore);
  });

  it('an expired price list refuses the order', async () => {
    await db.priceLists.put({ ...list, validTo: '2026-02-28' });
    const error = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 1, discountBp: 0 }],
    }).catch((e: unknown) => e);
    expect((error as OrderCheckError).problems.map((p) => p.code)).toEqual(['price-list-expired']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('updateOrder changes lines of an open order; a confirmed one refuses and stays as it is', async () => {
    const order = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 1, discountBp: 0 }],
    });
    const updated = await updateOrder(db, ctx, {
      id: order.id,
      deliveryDate: null,
      note: 'x',
      lines: [{ productId: id(1), quantity: 10, discountBp: 0 }],
    });
    expect(updated).toMatchObject({ totalExclCents: 9000, deliveryDate: null, note: 'x' });
    const confirmed: OrderRow = {
      ...updated,
      status: 'confirmed',
      confirmedAt: NOW,
      number: 'CMD-2026-000001',
      version: 3,
    };
    await db.orders.put(confirmed);
    const error = await updateOrder(db, ctx, {
      id: order.id,
      deliveryDate: null,
      note: '',
      lines: [{ productId: id(1), quantity: 1, discountBp: 0 }],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrderLockedError);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.orders.get(order.id)).toEqual(confirmed);
  });

  it('cancelOrder cancels an open order with its outbox entry; a confirmed one refuses, nothing written', async () => {
    const order = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 1, discountBp: 0 }],
    });
    const cancelled = await cancelOrder(db, ctx, { id: order.id });
    expect(cancelled.status).toBe('cancelled');
    const entries = await db.outbox.orderBy('mid').toArray();
    expect(entries.map((e) => e.name)).toEqual(['order-create', 'order-cancel']);
    expect(entries[1]?.args).toEqual({ id: order.id, baseVersion: 0 });
    // Cancelled is final on the laptop too.
    await expect(cancelOrder(db, ctx, { id: order.id })).rejects.toBeInstanceOf(OrderLockedError);

    const other = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 2, discountBp: 0 }],
    });
    const confirmed: OrderRow = {
      ...other,
      status: 'confirmed',
      confirmedAt: NOW,
      number: 'CMD-2026-000002',
      version: 2,
    };
    await db.orders.put(confirmed);
    await expect(cancelOrder(db, ctx, { id: other.id })).rejects.toBeInstanceOf(OrderLockedError);
    expect(await db.outbox.count()).toBe(3);
    expect(await db.orders.get(other.id)).toEqual(confirmed);
  });

  it('rebase re-applies a pending creation, but head office\u2019s copy wins once pulled', async () => {
    const order = await createOrder(db, ctx, {
      ...base,
      lines: [{ productId: id(1), quantity: 2, discountBp: 0 }],
    });
    await db.orders.delete(order.id);
    await rebasePending(db, ctx);
    expect(await db.orders.get(order.id)).toMatchObject({ totalExclCents: 2000, status: 'draft' });
    const pulled: OrderRow = { ...order, number: 'CMD-2026-000009', status: 'received', version: 1 };
    await db.orders.put(pulled);
    await rebasePending(db, ctx);
    expect((await db.orders.get(order.id))?.number).toBe('CMD-2026-000009');
  });
});
