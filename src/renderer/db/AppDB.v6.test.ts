import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newVisitDraft } from '../../shared/domain/visit/draft.js';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB version 6', () => {
  it('migration 5 → 6 adds the local visits in progress, keeping everything else', async () => {
    const name = 'migration-5-6';
    const db = await upgradeFrom(name, 5, async (v5) => {
      await v5.table('dayPlans').put({ day: '2026-11-26', order: [] });
      await v5.table('complaints').add({ id: 'k1', customerId: 'c1', status: 'received' });
    });
    expect(db.verno).toBeGreaterThanOrEqual(6); // later versions only add tables
    expect(await db.dayPlans.count()).toBe(1);
    expect(await db.complaints.count()).toBe(1);
    const draft = newVisitDraft({
      id: '019ab000-0000-7000-8000-0000000000d3',
      customerId: '019ab000-0000-7000-8000-0000000000c3',
      appointmentId: null,
      returnTo: '#/customers',
      playbookVersion: 1,
      now: '2026-11-24T09:00:00.000Z',
    });
    await db.visitDrafts.put(draft);
    expect(await db.visitDrafts.where('customerId').equals(draft.customerId).primaryKeys()).toEqual([
      draft.id,
    ]);
    // Local only: never a sync entity.
    expect(Object.values(db.serverTables())).not.toContain(db.visitDrafts);
    db.close();
    await db.delete();
  });
});
