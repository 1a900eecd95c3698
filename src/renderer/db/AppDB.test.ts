import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppDB, MetaValueError, databaseNameFor } from './AppDB.js';

describe('AppDB', () => {
  it('names one database per user', () => {
    expect(databaseNameFor('u1')).toBe('tournee-u1');
  });

  it('migration 1 → 2 seeds the device settings and keeps pending mutations', async () => {
    const name = 'migration-1-2';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      customers: 'id, name, city, postcode, status, ownerId',
      notes: 'id, customerId, [customerId+createdAt]',
      conflicts: 'id, at, entityId',
      outcomes: 'id, mid, at',
      outbox: 'mid, &mutationId',
      meta: 'key',
    });
    await v1.open();
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
    await v1.table('outbox').add(entry);
    v1.close();

    const db = new AppDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.getMeta('clientId')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db.getMeta('nextMid')).toBe(1);
    expect(await db.pendingMutations()).toEqual([entry]);
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
