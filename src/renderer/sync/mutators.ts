/**
 * Local writes. Each mutator runs in ONE `rw` transaction that applies the change to the
 * local rows and appends the outbox entry with `mid = nextMid`. The same `applyLocal`
 * functions re-apply pending mutations on top of server data after a pull (rebase).
 */
import { TZDate } from '@date-fns/tz';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentChanges, NewAppointment } from '../../shared/domain/appointment/appointment.js';
import {
  appointmentChangesSchema,
  newAppointmentSchema,
} from '../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem, AppointmentSlot } from '../../shared/domain/appointment/check.js';
import { checkAppointment, durationProblem, maySave } from '../../shared/domain/appointment/check.js';
import type { LatLon } from '../../shared/domain/geo/geo.js';
import type { CustomerChanges } from '../../shared/domain/customer/customer.js';
import { customerChangesSchema } from '../../shared/domain/customer/customer.js';
import { noteBodySchema } from '../../shared/domain/note/note.js';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations.js';
import { missingCaseError } from '../../shared/lib/result.js';
import type { AppDB } from '../db/AppDB.js';
import type { AppointmentRow, NoteRow, OutboxEntry } from '../db/schema.js';

/** Who is writing: needed to show the author of a note before head office answers. */
export interface MutatorContext {
  userId: string;
  userName: string;
  /** ISO time of the write; injectable for tests. */
  now?: () => string;
}

/** Tables a local write touches (domain rows + outbox + meta for nextMid). */
export function mutationTables(db: AppDB) {
  return [db.customers, db.notes, db.appointments, db.outbox, db.meta] as const;
}

/**
 * Applies a mutation's effect to local rows. Must be called inside a transaction over
 * `mutationTables(db)`. Used both for the first write and for the rebase after a pull.
 */
export async function applyLocal(db: AppDB, entry: OutboxEntry, ctx: MutatorContext): Promise<void> {
  switch (entry.name) {
    case 'note-add': {
      const args = entry.args;
      const existing = await db.notes.get(args.id);
      // Head office already has it (pulled back): its copy wins.
      if (existing && existing.receivedAt !== null) return;
      const note: NoteRow = {
        id: args.id,
        customerId: args.customerId,
        authorId: existing?.authorId ?? ctx.userId,
        authorName: existing?.authorName ?? ctx.userName,
        body: args.body,
        createdAt: args.createdAt,
        receivedAt: null,
      };
      await db.notes.put(note);
      return;
    }
    case 'customer-update': {
      const { id, changes } = entry.args;
      const customer = await db.customers.get(id);
      // The customer left this rep's scope: nothing to show; head office will answer.
      if (!customer) return;
      await db.customers.put({ ...customer, ...changes });
      return;
    }
    case 'appointment-create': {
      const args = entry.args;
      const existing = await db.appointments.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const appointment: AppointmentRow = {
        ...args,
        repId: existing?.repId ?? ctx.userId,
        status: 'planned',
        setByManagerName: null,
        // 0 = not at head office yet ("saved on this laptop").
        version: 0,
        updatedAt: entry.createdAt,
      };
      await db.appointments.put(appointment);
      return;
    }
    case 'appointment-update': {
      const { id, changes } = entry.args;
      const appointment = await db.appointments.get(id);
      // Left this rep's scope (customer reassigned): head office will answer.
      if (!appointment) return;
      await db.appointments.put({ ...appointment, ...changes });
      return;
    }
    case 'appointment-cancel': {
      const appointment = await db.appointments.get(entry.args.id);
      if (!appointment) return;
      await db.appointments.put({ ...appointment, status: 'cancelled' });
      return;
    }
    default:
      return missingCaseError(entry);
  }
}

async function writeMutation<N extends MutationName>(
  db: AppDB,
  ctx: MutatorContext,
  name: N,
  args: MutationArgs<N>,
): Promise<OutboxEntry> {
  const now = ctx.now ?? (() => new Date().toISOString());
  return db.transaction('rw', mutationTables(db), async () => {
    const mid = (await db.getMeta('nextMid')) ?? 1;
    const entry = { mid, mutationId: uuidv7(), name, args, createdAt: now() } as OutboxEntry;
    await db.outbox.add(entry);
    await db.setMeta('nextMid', mid + 1);
    await applyLocal(db, entry, ctx);
    return entry;
  });
}

/** Adds a note; it is visible at once with `receivedAt: null` ("saved on this laptop"). */
export async function addNote(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; body: string },
): Promise<NoteRow> {
  const body = noteBodySchema.parse(input.body);
  const createdAt = (ctx.now ?? (() => new Date().toISOString()))();
  const args: MutationArgs<'note-add'> = { id: uuidv7(), customerId: input.customerId, body, createdAt };
  await writeMutation(db, ctx, 'note-add', args);
  const note = await db.notes.get(args.id);
  if (!note) throw new Error('Note vanished after its write');
  return note;
}

/**
 * Applies edited customer fields locally and queues them. `baseVersion` is the version the
 * rep saw when starting the edit: head office logs a conflict when it is stale.
 */
export async function updateCustomer(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number; changes: CustomerChanges },
): Promise<OutboxEntry> {
  const changes = customerChangesSchema.parse(input.changes);
  return writeMutation(db, ctx, 'customer-update', {
    id: input.id,
    baseVersion: input.baseVersion,
    changes,
  });
}

/** An appointment the validator refused: nothing was written. */
export class AppointmentCheckError extends Error {
  readonly problems: readonly AppointmentProblem[];
  constructor(problems: readonly AppointmentProblem[]) {
    super(`Appointment not saved: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'AppointmentCheckError';
    this.problems = problems;
  }
}

export interface AppointmentCheckOptions {
  /** The user's time zone: "the same day" for overlaps and travel. */
  timeZone: string;
  /** The rep chose "save anyway" for an overlap. */
  confirmOverlap?: boolean;
}

/** A bad duration is a coded problem, not a schema error (the form shows its message). */
function throwOnBadDuration(minutes: number): void {
  const problem = durationProblem(minutes);
  if (problem) throw new AppointmentCheckError([problem]);
}

/** [start, end) of the calendar day of `iso` in `timeZone`, as ISO strings. */
export function dayOf(iso: string, timeZone: string): { fromIso: string; toIso: string } {
  const at = new TZDate(Date.parse(iso), timeZone);
  const from = TZDate.tz(timeZone, at.getFullYear(), at.getMonth(), at.getDate(), 0, 0);
  const to = TZDate.tz(timeZone, at.getFullYear(), at.getMonth(), at.getDate() + 1, 0, 0);
  return { fromIso: new Date(from.getTime()).toISOString(), toIso: new Date(to.getTime()).toISOString() };
}

/**
 * Every problem of a draft against the rep's other appointments of that day, read from the
 * local database (the form shows them before saving; the mutators check again in their
 * transaction).
 */
export async function checkAppointmentDraft(
  db: AppDB,
  draft: AppointmentSlot & { repId: string },
  options: { timeZone: string; now: number; previousStartAt?: string | null },
): Promise<AppointmentProblem[]> {
  const { fromIso, toIso } = dayOf(draft.startAt, options.timeZone);
  const others = await db.appointments
    .where('startAt')
    .between(fromIso, toIso, true, false)
    .filter((a) => a.repId === draft.repId && a.id !== draft.id)
    .toArray();
  const customerIds = [...new Set([draft.customerId, ...others.map((o) => o.customerId)])];
  const customers = await db.customers.bulkGet(customerIds);
  const places = new Map<string, LatLon>();
  for (const c of customers) {
    if (c && c.latitude !== null && c.longitude !== null)
      places.set(c.id, { lat: c.latitude, lon: c.longitude });
  }
  const roadFactor = (await db.getMeta('roadFactor')) ?? 1.3;
  const speedKmh = (await db.getMeta('averageSpeedKmh')) ?? 60;
  return checkAppointment(draft, {
    others,
    now: options.now,
    travel: { roadFactor, speedKmh },
    locate: (id) => places.get(id) ?? null,
    previousStartAt: options.previousStartAt ?? null,
  });
}

/**
 * Plans a new appointment for the signed-in rep. Validated before anything is written (start
 * in the past and bad durations always refuse, an overlap unless `confirmOverlap`); the check
 * and the writes share one transaction, so nothing is half-saved.
 */
export async function createAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: Omit<NewAppointment, 'id'> & { id?: string },
  options: AppointmentCheckOptions,
): Promise<AppointmentRow> {
  throwOnBadDuration(input.durationMinutes);
  const args = newAppointmentSchema.parse({ ...input, id: input.id ?? uuidv7() });
  const now = Date.parse((ctx.now ?? (() => new Date().toISOString()))());
  return db.transaction('rw', mutationTables(db), async () => {
    const problems = await checkAppointmentDraft(
      db,
      { ...args, repId: ctx.userId, status: 'planned' },
      { timeZone: options.timeZone, now },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    await writeMutation(db, ctx, 'appointment-create', args);
    const row = await db.appointments.get(args.id);
    if (!row) throw new Error('Appointment vanished after its write');
    return row;
  });
}

/** Moves or edits an appointment (same checks as a creation; an unchanged past start is fine). */
export async function updateAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number; changes: AppointmentChanges },
  options: AppointmentCheckOptions,
): Promise<OutboxEntry> {
  if (input.changes.durationMinutes !== undefined) throwOnBadDuration(input.changes.durationMinutes);
  const changes = appointmentChangesSchema.parse(input.changes);
  const now = Date.parse((ctx.now ?? (() => new Date().toISOString()))());
  return db.transaction('rw', mutationTables(db), async () => {
    const current = await db.appointments.get(input.id);
    if (!current) throw new Error(`No appointment ${input.id} on this laptop`);
    const problems = await checkAppointmentDraft(
      db,
      { ...current, ...changes },
      { timeZone: options.timeZone, now, previousStartAt: current.startAt },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    return writeMutation(db, ctx, 'appointment-update', {
      id: input.id,
      baseVersion: input.baseVersion,
      changes,
    });
  });
}

/** Cancels an appointment (it stays in the agenda, struck through, and syncs as cancelled). */
export async function cancelAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number },
): Promise<OutboxEntry> {
  return writeMutation(db, ctx, 'appointment-cancel', { id: input.id, baseVersion: input.baseVersion });
}

/** Re-applies every pending mutation, in mid order, on top of the current rows. */
export async function rebasePending(db: AppDB, ctx: MutatorContext): Promise<number> {
  const pending = await db.pendingMutations();
  for (const entry of pending) await applyLocal(db, entry, ctx);
  return pending.length;
}
