import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { upgradeFrom } from '../test/migration.js';
import { dayPlanSchema } from './schema.js';

describe('AppDB version 4', () => {
  it('migration 3 → 4 adds the local day plans and keeps everything else', async () => {
    const name = 'migration-3-4';
    const appointment = { id: 'a1', startAt: '2026-11-26T09:00:00.000Z', customerId: 'c1', repId: 'r1' };
    const db = await upgradeFrom(name, 3, async (v3) => {
      await v3.table('appointments').add(appointment);
      await v3.table('meta').put({ key: 'roadFactor', value: 1.4 });
    });
    expect(db.verno).toBeGreaterThanOrEqual(4); // later versions only add tables
    expect(await db.appointments.get('a1')).toEqual(appointment);
    expect(await db.getMeta('roadFactor')).toBe(1.4);
    expect(await db.dayPlans.count()).toBe(0);

    const plan = {
      day: '2026-11-26',
      order: ['a1', 'c2'],
      extraCustomerIds: ['c2'],
      departureTime: null,
      updatedAt: '2026-11-25T18:00:00.000Z',
    };
    expect(dayPlanSchema.safeParse(plan).success).toBe(true);
    await db.dayPlans.put(plan);
    expect(await db.dayPlans.get('2026-11-26')).toEqual(plan);
    // Local only: not a sync entity.
    expect(Object.values(db.serverTables())).not.toContain(db.dayPlans);
    db.close();
    await db.delete();
  });
});
