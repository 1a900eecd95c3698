import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../db/AppDB.js';
import { USER, makeCustomer } from '../test/fakeServer.js';
import { addNote, updateCustomer } from './mutators.js';

let db: AppDB;
let n = 0;
const ctx = { userId: USER.id, userName: USER.name };

beforeEach(async () => {
  n += 1;
  db = new AppDB(`mutators-test-${n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('mutators', () => {
  it('note-add writes the note and its outbox entry together', async () => {
    const note = await addNote(db, ctx, { customerId: makeCustomer(1).id, body: '  Besoin de terrasse  ' });
    expect(note).toMatchObject({ body: 'Besoin de terrasse', receivedAt: null, authorId: USER.id });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      mid: 1,
      name: 'note-add',
      args: { id: note.id, body: 'Besoin de terrasse' },
    });
    expect(await db.getMeta('nextMid')).toBe(2);
  });

  it('nothing is written when the outbox entry cannot be written', async () => {
    // A stray entry already holds mid 1 while nextMid still says 1: the add fails.
    await db.outbox.add({
      mid: 1,
      mutationId: '01900000-0000-7000-8000-0000000000aa',
      name: 'note-add',
      args: {
        id: '01900000-0000-7000-8000-0000000000bb',
        customerId: makeCustomer(1).id,
        body: 'x',
        createdAt: '2026-11-24T09:00:00.000Z',
      },
      createdAt: '2026-11-24T09:00:00.000Z',
    });
    await expect(addNote(db, ctx, { customerId: makeCustomer(1).id, body: 'perdue ?' })).rejects.toThrow();
    expect(await db.notes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.getMeta('nextMid')).toBe(1);
  });

  it('rejects an empty note without writing', async () => {
    await expect(addNote(db, ctx, { customerId: makeCustomer(1).id, body: '   ' })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('customer-update applies the change locally and records the base version', async () => {
    await db.customers.put(makeCustomer(1, { version: 7 }));
    await updateCustomer(db, ctx, {
      id: makeCustomer(1).id,
      baseVersion: 7,
      changes: { city: 'Villeurbanne' },
    });
    expect((await db.customers.get(makeCustomer(1).id))?.city).toBe('Villeurbanne');
    expect((await db.customers.get(makeCustomer(1).id))?.version).toBe(7);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'customer-update',
      args: { baseVersion: 7, changes: { city: 'Villeurbanne' } },
    });
  });

  it('mids are consecutive', async () => {
    await db.customers.put(makeCustomer(1));
    await addNote(db, ctx, { customerId: makeCustomer(1).id, body: 'a' });
    await updateCustomer(db, ctx, { id: makeCustomer(1).id, baseVersion: 1, changes: { phone: '1' } });
    await addNote(db, ctx, { customerId: makeCustomer(1).id, body: 'b' });
    expect((await db.outbox.toArray()).map((e) => e.mid)).toEqual([1, 2, 3]);
  });
});
