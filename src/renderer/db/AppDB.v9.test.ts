import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { computeRfm } from '../../shared/domain/rfm/rfm.js';
import { portfolioRfm } from '../features/customers/rfmCache.js';
import { makeCustomer } from '../test/fakeServer.js';
import { upgradeFrom } from '../test/migration.js';
import { orderFactOf, readOrderFacts } from './orderFacts.js';

const order = (k: number, customer: number, status: string, orderedAt: string) => ({
  id: `0190a000-0000-7000-8002-${k.toString(16).padStart(12, '0')}`,
  customerId: makeCustomer(customer).id,
  repId: null,
  number: `CMD-${k}`,
  orderedAt,
  deliveryDate: null,
  status,
  lines: [],
  totalExclCents: 100 * k,
  totalVatCents: 0,
  totalInclCents: 100 * k,
  version: 1,
  updatedAt: '2026-05-01T08:00:00.000Z',
});

describe('AppDB version 9', () => {
  it('migration 8 → 9 fills the order facts from the stored orders, keeping everything and the cookie', async () => {
    const name = 'migration-8-9';
    const orders = [
      order(1, 1, 'delivered', '2025-11-02T09:00:00.000Z'),
      order(2, 1, 'cancelled', '2026-02-10T09:00:00.000Z'),
      order(3, 2, 'received', '2026-04-20T09:00:00.000Z'),
      order(4, 2, 'draft', '2026-05-01T09:00:00.000Z'),
      order(5, 3, 'confirmed', '2024-01-15T09:00:00.000Z'),
    ];
    const broken = { id: 'broken', status: 'delivered' };
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = await upgradeFrom(name, 8, async (v8) => {
      await v8.table('customers').bulkAdd([1, 2, 3, 4].map((n) => makeCustomer(n)));
      await v8.table('orders').bulkAdd([...orders, broken]);
      await v8.table('meta').put({ key: 'cookie', value: 21 });
    });
    expect(db.verno).toBeGreaterThanOrEqual(9); // later versions only add tables
    // No reset: nothing to pull again.
    expect(await db.getMeta('cookie')).toBe(21);
    expect(await db.orders.count()).toBe(6);
    const facts = (await readOrderFacts(db.orderFacts)).sort((a, b) => a.id.localeCompare(b.id));
    expect(facts).toEqual(orders.map((o) => orderFactOf(o)));
    expect(facts.map((f) => f.counted)).toEqual([1, 0, 1, 0, 1]);
    // The row without the fields of a fact is reported, not scored (as before: no customer).
    expect(report).toHaveBeenCalledWith('Order row without the fields of its RFM fact', broken);
    report.mockRestore();

    const at = new Date('2026-05-31T23:59:59.999Z');
    const rfm = await portfolioRfm(db, 'after-upgrade', at);
    const customerIds = [1, 2, 3, 4].map((n) => makeCustomer(n).id);
    expect(rfm.now).toEqual(computeRfm(customerIds, orders, at));
    expect(rfm.past).toEqual(computeRfm(customerIds, orders, rfm.pastAt));
    expect(rfm.now.get(makeCustomer(1).id)?.segment).not.toBeNull();
    db.close();
    await db.delete();
  });
});
