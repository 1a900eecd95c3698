import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { eachTestDb } from '../test/db.js';
import type { AppDB } from '../db/AppDB.js';
import { USER, makeCustomer } from '../test/fakeServer.js';
import {
  AppointmentCheckError,
  cancelAppointment,
  createAppointment,
  updateAppointment,
} from '../features/agenda/mutators.js';
import { addNote, updateCustomer } from '../features/customers/mutators.js';
import { dropRefusedLocalRows, rebasePending } from './registry.js';

let db: AppDB;
const ctx = { userId: USER.id, userName: USER.name };

eachTestDb('mutators-test', (fresh) => {
  db = fresh;
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

describe('appointment mutators', () => {
  const tz = { timeZone: 'Europe/Paris' };
  // "Now" is Tuesday 24 November 2026, 08:00 in Paris.
  const actx = { ...ctx, now: () => '2026-11-24T07:00:00.000Z' };
  const lyon = makeCustomer(1, { latitude: 45.7578, longitude: 4.832 });
  const grenoble = makeCustomer(2, { latitude: 45.1885, longitude: 5.7245, city: 'Grenoble' });
  const draft = {
    customerId: lyon.id,
    contactId: null,
    kind: 'visit' as const,
    startAt: '2026-11-26T08:00:00.000Z',
    durationMinutes: 60,
    objective: 'Présenter la gamme hiver',
    notes: '',
  };

  beforeEach(async () => {
    await db.customers.bulkPut([lyon, grenoble]);
  });

  it('create writes the appointment (version 0, not at head office yet) and its outbox entry together', async () => {
    const row = await createAppointment(db, actx, draft, tz);
    expect(row).toMatchObject({
      ...draft,
      repId: USER.id,
      status: 'planned',
      version: 0,
      setByManagerName: null,
    });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      mid: 1,
      name: 'appointment-create',
      args: { id: row.id, startAt: draft.startAt },
    });
  });

  it('an appointment head office refused (its customer moved to another rep) leaves the agenda', async () => {
    const row = await createAppointment(db, actx, draft, tz);
    const planned = await createAppointment(db, actx, { ...draft, startAt: '2026-11-27T08:00:00.000Z' }, tz);
    // Head office acknowledged the first (refused: nothing pulled back); the second still waits.
    await db.outbox.where('mid').equals(1).delete();
    await dropRefusedLocalRows(db);
    expect(await db.appointments.get(row.id)).toBeUndefined();
    expect(await db.appointments.get(planned.id)).toMatchObject({ version: 0 });
  });

  it('refuses a past start or a zero duration and writes nothing', async () => {
    await expect(
      createAppointment(db, actx, { ...draft, startAt: '2026-11-23T08:00:00.000Z' }, tz),
    ).rejects.toBeInstanceOf(AppointmentCheckError);
    await expect(createAppointment(db, actx, { ...draft, durationMinutes: 0 }, tz)).rejects.toMatchObject({
      problems: [{ code: 'duration-not-positive' }],
    });
    expect(await db.appointments.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('nextMid')).toBe(1);
  });

  it('refuses an overlap unless confirmed', async () => {
    const first = await createAppointment(db, actx, draft, tz);
    const overlapping = { ...draft, startAt: '2026-11-26T08:30:00.000Z', kind: 'call' as const };
    await expect(createAppointment(db, actx, overlapping, tz)).rejects.toMatchObject({
      problems: [{ code: 'overlap', otherId: first.id }],
    });
    expect(await db.appointments.count()).toBe(1);
    await createAppointment(db, actx, overlapping, { ...tz, confirmOverlap: true });
    expect(await db.appointments.count()).toBe(2);
  });

  it('saves despite an impossible drive (a warning the agenda shows)', async () => {
    await createAppointment(db, actx, draft, tz);
    await createAppointment(
      db,
      actx,
      { ...draft, customerId: grenoble.id, startAt: '2026-11-26T09:15:00.000Z' },
      tz,
    );
    expect(await db.appointments.count()).toBe(2);
  });

  it('move and cancel apply locally, queue with the base version and survive a rebase', async () => {
    await db.appointments.put({
      ...draft,
      id: '01900000-0000-7000-8000-0000000000a1',
      repId: USER.id,
      status: 'planned',
      setByManagerName: 'Julien Mercier',
      version: 3,
      updatedAt: '2026-11-20T08:00:00.000Z',
    });
    const other = await createAppointment(db, actx, { ...draft, startAt: '2026-11-27T08:00:00.000Z' }, tz);
    await updateAppointment(
      db,
      actx,
      {
        id: '01900000-0000-7000-8000-0000000000a1',
        baseVersion: 3,
        changes: { startAt: '2026-11-26T13:00:00.000Z' },
      },
      tz,
    );
    await cancelAppointment(db, actx, { id: other.id, baseVersion: 0 });
    expect(await db.appointments.get('01900000-0000-7000-8000-0000000000a1')).toMatchObject({
      startAt: '2026-11-26T13:00:00.000Z',
      version: 3,
      setByManagerName: 'Julien Mercier',
    });
    expect((await db.appointments.get(other.id))?.status).toBe('cancelled');
    // A pull brings head office's rows (the manager moved it meanwhile); pending writes re-apply.
    await db.appointments.put({
      ...(await db.appointments.get('01900000-0000-7000-8000-0000000000a1'))!,
      startAt: '2026-11-26T10:00:00.000Z',
      version: 4,
    });
    await db.transaction('rw', [db.customers, db.notes, db.appointments, db.outbox, db.meta], () =>
      rebasePending(db, actx),
    );
    expect((await db.appointments.get('01900000-0000-7000-8000-0000000000a1'))?.startAt).toBe(
      '2026-11-26T13:00:00.000Z',
    );
    expect((await db.outbox.toArray()).map((e) => [e.name, e.args])).toEqual([
      ['appointment-create', expect.objectContaining({ id: other.id })],
      [
        'appointment-update',
        {
          id: '01900000-0000-7000-8000-0000000000a1',
          baseVersion: 3,
          changes: { startAt: '2026-11-26T13:00:00.000Z' },
        },
      ],
      ['appointment-cancel', { id: other.id, baseVersion: 0 }],
    ]);
  });

  it('a move onto another appointment is refused; a move of a past appointment keeps its start check', async () => {
    const a = await createAppointment(db, actx, draft, tz);
    const b = await createAppointment(db, actx, { ...draft, startAt: '2026-11-26T10:00:00.000Z' }, tz);
    await expect(
      updateAppointment(
        db,
        actx,
        { id: b.id, baseVersion: 0, changes: { startAt: '2026-11-26T08:15:00.000Z' } },
        tz,
      ),
    ).rejects.toMatchObject({ problems: [{ code: 'overlap', otherId: a.id }] });
    await expect(
      updateAppointment(db, actx, { id: b.id, baseVersion: 0, changes: { durationMinutes: 0 } }, tz),
    ).rejects.toBeInstanceOf(AppointmentCheckError);
    expect((await db.appointments.get(b.id))?.startAt).toBe('2026-11-26T10:00:00.000Z');
    expect(await db.outbox.count()).toBe(2);
  });
});
