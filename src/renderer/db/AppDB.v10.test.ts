import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeCustomer, USER } from '../test/fakeServer.js';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB version 10', () => {
  it('migration 9 → 10 adds the acknowledged writes, empty, and keeps the outbox, data and cookie', async () => {
    const name = 'migration-9-10';
    const waiting = {
      mid: 7,
      mutationId: '0190a000-0000-7000-8009-000000000007',
      name: 'note-add' as const,
      args: {
        id: '0190a000-0000-7000-8009-000000000100',
        customerId: makeCustomer(1).id,
        body: 'en attente',
        createdAt: '2026-05-01T08:00:00.000Z',
      },
      createdAt: '2026-05-01T08:00:00.000Z',
    };
    const db = await upgradeFrom(name, 9, async (v9) => {
      await v9.table('customers').add(makeCustomer(1));
      await v9.table('outbox').add(waiting);
      await v9.table('meta').bulkPut([
        { key: 'cookie', value: 42 },
        { key: 'lastMid', value: 6 },
      ]);
    });
    expect(db.verno).toBe(10);
    expect(await db.acknowledged.count()).toBe(0);
    expect(await db.pendingMutations()).toEqual([waiting]);
    expect(await db.getMeta('cookie')).toBe(42);
    expect(await db.getMeta('lastMid')).toBe(6);
    expect((await db.customers.get(makeCustomer(1).id))?.ownerId).toBe(USER.id);
    // Found by mid (to send again) and by age (to let go).
    await db.acknowledged.add({ ...waiting, acknowledgedAt: '2026-05-01T09:00:00.000Z' });
    expect(await db.acknowledged.where('mid').above(6).count()).toBe(1);
    expect(await db.acknowledged.where('acknowledgedAt').below('2026-06-01').count()).toBe(1);
    db.close();
    await db.delete();
  });
});
