/** Appointments planned, moved and cancelled on this laptop. */
import { TZDate } from '@date-fns/tz';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentChanges, NewAppointment } from '../../../shared/domain/appointment/appointment.js';
import {
  appointmentChangesSchema,
  newAppointmentSchema,
} from '../../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem, AppointmentSlot } from '../../../shared/domain/appointment/check.js';
import { checkAppointment, durationProblem, maySave } from '../../../shared/domain/appointment/check.js';
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow, OutboxEntry } from '../../db/schema.js';
import type { ClientMutationsOf, MutatorContext } from '../../sync/mutation.js';
import { mutationTables, nowOf, writeMutation } from '../../sync/mutation.js';

export const appointmentMutations = {
  'appointment-create': {
    async applyLocal(db, entry, ctx) {
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
    },
    // Refused (its customer moved to another rep meanwhile): it leaves the agenda; the refusal,
    // with its objective, stays in the sync panel.
    creates: { appointments: (args) => [args.id] },
  },
  'appointment-update': {
    async applyLocal(db, entry) {
      const { id, changes } = entry.args;
      const appointment = await db.appointments.get(id);
      // Left this rep's scope (customer reassigned): head office will answer.
      if (!appointment) return;
      await db.appointments.put({ ...appointment, ...changes });
    },
  },
  'appointment-cancel': {
    async applyLocal(db, entry) {
      const appointment = await db.appointments.get(entry.args.id);
      if (!appointment) return;
      await db.appointments.put({ ...appointment, status: 'cancelled' });
    },
  },
} satisfies ClientMutationsOf<'appointment-create' | 'appointment-update' | 'appointment-cancel'>;

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
  const now = Date.parse(nowOf(ctx));
  return db.transaction('rw', mutationTables(db), async () => {
    const problems = await checkAppointmentDraft(
      db,
      { ...args, repId: ctx.userId, status: 'planned' },
      { timeZone: options.timeZone, now },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    await writeMutation(db, ctx, appointmentMutations, 'appointment-create', args);
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
  const now = Date.parse(nowOf(ctx));
  return db.transaction('rw', mutationTables(db), async () => {
    const current = await db.appointments.get(input.id);
    if (!current) throw new Error(`No appointment ${input.id} on this laptop`);
    const problems = await checkAppointmentDraft(
      db,
      { ...current, ...changes },
      { timeZone: options.timeZone, now, previousStartAt: current.startAt },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    return writeMutation(db, ctx, appointmentMutations, 'appointment-update', {
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
  return writeMutation(db, ctx, appointmentMutations, 'appointment-cancel', {
    id: input.id,
    baseVersion: input.baseVersion,
  });
}
