import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { customerEditableDefaults, customerSchema } from '../../shared/domain/customer/customer.js';
import { AppDB, MetaValueError, databaseNameFor } from './AppDB.js';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB', () => {
  it('names one database per user', () => {
    expect(databaseNameFor('u1')).toBe('tournee-u1');
  });

  it('migration 1 → 2 (→ 3) seeds the device settings and keeps pending mutations', async () => {
    const name = 'migration-1-2';
    const entry = {
      mid: 1,
      mutationId: '01900000-0000-7000-8000-0000000000aa',
      name: 'note-add',
      args: {
        id: '01900000-0000-7000-8000-0000000000bb',
        customerId: '01900000-0000-7000-8000-0000000000cc',
        body: 'x',
        createdAt: '2026-11-24T09:00:00.000Z',
      },
      createdAt: '2026-11-24T09:00:00.000Z',
    };
    const db = await upgradeFrom(name, 1, async (v1) => {
      await v1.table('outbox').add(entry);
    });
    expect(db.verno).toBe(10);
    expect(await db.getMeta('clientId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.getMeta('nextMid')).toBe(1);
    expect(await db.pendingMutations()).toEqual([entry]);
    db.close();
    await db.delete();
  });

  it('migration 2 → 3 adds the customer file tables and fills the new customer fields', async () => {
    const name = 'migration-2-3';
    const stored = {
      id: '01900000-0000-7000-8000-0000000000c1',
      name: 'Café du Port',
      address: '1 quai',
      postcode: '69001',
      city: 'Lyon',
      phone: '',
      email: '',
      status: 'customer',
      ownerId: null,
      ownerName: null,
      version: 4,
      updatedAt: '2026-11-24T09:00:00.000Z',
    };
    const db = await upgradeFrom(name, 2, async (v2) => {
      await v2.table('customers').add(stored);
      await v2.table('meta').put({ key: 'cookie', value: 12 });
    });
    expect(db.verno).toBe(10);
    const customer = await db.customers.get(stored.id);
    expect(customer).toEqual({
      ...stored,
      ...customerEditableDefaults,
      name: 'Café du Port',
      address: '1 quai',
      postcode: '69001',
      city: 'Lyon',
      status: 'customer',
      externalRef: null,
    });
    expect(customerSchema.safeParse(customer).success).toBe(true);
    // The cookie stays: head office sends the new entities as the difference, no reset.
    expect(await db.getMeta('cookie')).toBe(12);
    for (const [entity, table] of Object.entries(db.serverTables())) {
      if (entity !== 'customer') expect(await table.count(), entity).toBe(0);
    }
    await db.orders.put({
      id: '01900000-0000-7000-8000-0000000000d1',
      customerId: stored.id,
      repId: null,
      number: 'CMD-1',
      orderedAt: '2026-11-20T09:00:00.000Z',
      deliveryDate: null,
      status: 'delivered',
      lines: [],
      totalExclCents: 0,
      totalVatCents: 0,
      totalInclCents: 0,
      version: 1,
      updatedAt: '2026-11-20T09:00:00.000Z',
    });
    const recent = await db.orders
      .where('[customerId+orderedAt]')
      .between([stored.id, Dexie.minKey], [stored.id, Dexie.maxKey])
      .toArray();
    expect(recent.map((o) => o.number)).toEqual(['CMD-1']);
    expect(
      await db.contacts
        .where('[customerId+lastName]')
        .between([stored.id, ''], [stored.id, '\uffff'])
        .count(),
    ).toBe(0);
    expect(await db.prices.where('[priceListId+productId]').equals(['a', 'b']).count()).toBe(0);
    db.close();
    await db.delete();
  });

  it('the client id is created once', async () => {
    const db = new AppDB('client-id-once');
    const a = await db.ensureClientId();
    expect(await db.ensureClientId()).toBe(a);
    db.close();
    await db.delete();
  });

  it('a corrupt setting is an error, not a silent default', async () => {
    const db = new AppDB('corrupt-meta');
    await db.meta.put({ key: 'lastMid', value: 'seven' });
    await expect(db.getMeta('lastMid')).rejects.toBeInstanceOf(MetaValueError);
    db.close();
    await db.delete();
  });
});
