import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB version 8', () => {
  it('migration 7 → 8 adds campaign tasks as a sync entity, keeping everything else and the cookie', async () => {
    const name = 'migration-7-8';
    const db = await upgradeFrom(name, 7, async (v7) => {
      await v7.table('visitDrafts').put({ id: 'd1', customerId: 'c1', appointmentId: null, updatedAt: 'x' });
      await v7.table('meta').put({ key: 'cookie', value: 9 });
      await v7.table('customers').add({ id: 'c1', name: 'Boulangerie', city: 'Lyon' });
    });
    expect(db.verno).toBeGreaterThanOrEqual(8);
    expect(await db.visitDrafts.count()).toBe(1);
    expect(await db.customers.count()).toBe(1);
    // No reset: head office sends the tasks as the difference at the next pull.
    expect(await db.getMeta('cookie')).toBe(9);
    expect(await db.campaignTasks.count()).toBe(0);
    await db.campaignTasks.put({
      id: '019ab000-0000-7000-8000-000000000001',
      campaignId: '019ab000-0000-7000-8000-000000000002',
      customerId: 'c1',
      repId: null,
      channel: 'visit',
      campaignName: 'Relance',
      objective: 'Faire revenir',
      offer: '5 %',
      family: null,
      discountPercent: 5,
      from: '2026-12-01',
      to: '2026-12-31',
      createdAt: '2026-12-01T08:00:00.000Z',
      status: 'open',
      doneVisitId: null,
      version: 1,
    });
    expect(await db.campaignTasks.where('customerId').equals('c1').count()).toBe(1);
    expect(db.serverTables().campaignTask).toBe(db.campaignTasks);
    db.close();
    await db.delete();
  });
});
