import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../shared/domain/playbook/index.js';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB version 7', () => {
  it("migration 6 → 7 adds head office's playbook as a sync entity, keeping everything else", async () => {
    const name = 'migration-6-7';
    const db = await upgradeFrom(name, 6, async (v6) => {
      await v6.table('visitDrafts').put({ id: 'd1', customerId: 'c1', appointmentId: null, updatedAt: 'x' });
      await v6.table('meta').put({ key: 'cookie', value: 7 });
      await v6.table('complaints').add({ id: 'k1', customerId: 'c1', status: 'received' });
    });
    expect(db.verno).toBeGreaterThanOrEqual(7); // later versions only add tables
    expect(await db.visitDrafts.count()).toBe(1);
    expect(await db.complaints.count()).toBe(1);
    // No reset: head office sends the playbook as the difference at the next pull.
    expect(await db.getMeta('cookie')).toBe(7);
    expect(await db.playbooks.count()).toBe(0);
    const row = (version: number) => ({
      id: `019ab000-0000-7000-8000-00000000000${String(version)}`,
      version,
      document: { ...defaultPlaybook, version },
    });
    await db.playbooks.bulkPut([row(3), row(2)]);
    expect((await db.playbooks.orderBy('version').last())?.version).toBe(3);
    // A sync entity: pull apply and reset go through it.
    expect(db.serverTables().playbook).toBe(db.playbooks);
    db.close();
    await db.delete();
  });
});
