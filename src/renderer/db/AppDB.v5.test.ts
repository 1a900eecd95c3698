import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { upgradeFrom } from '../test/migration.js';

describe('AppDB version 5', () => {
  it('migration 4 → 5 adds complaint events, attachments and local contents, keeping complaints', async () => {
    const name = 'migration-4-5';
    const complaint = { id: 'k1', customerId: 'c1', status: 'received' };
    const db = await upgradeFrom(name, 4, async (v4) => {
      await v4.table('complaints').add(complaint);
      await v4.table('dayPlans').put({ day: '2026-11-26', order: [] });
    });
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(await db.complaints.get('k1')).toEqual(complaint);
    expect(await db.dayPlans.count()).toBe(1);
    expect(await db.complaintEvents.count()).toBe(0);
    await db.attachmentBlobs.put({ id: 'a1', complaintId: 'k1', bytes: new Uint8Array([1, 2, 3]) });
    expect(await db.attachmentBlobs.where('complaintId').equals('k1').primaryKeys()).toEqual(['a1']);
    // Events and attachment metadata are sync entities; the contents stay local only.
    const server = Object.values(db.serverTables());
    expect(server).toContain(db.complaintEvents);
    expect(server).toContain(db.complaintAttachments);
    expect(server).not.toContain(db.attachmentBlobs);
    db.close();
    await db.delete();
  });
});
