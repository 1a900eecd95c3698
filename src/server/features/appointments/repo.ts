/**
 * Appointment writes shared by sync mutations (the rep's laptop) and head-office methods (a
 * manager setting or moving an appointment for a rep of their team). Every change bumps the
 * row version (the pull sends it); edits are merged field by field (policy.ts).
 */
import { and, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { AppointmentEditable, NewAppointment } from '../../../shared/domain/appointment/appointment.js';
import { durationProblem } from '../../../shared/domain/appointment/check.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, missingCaseError, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { appointments, contacts, customers, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { logFieldConflicts, mergeStateColumns } from '../../lib/fieldMerge.js';
import { toIso } from '../../lib/time.js';
import { authorKey, planAppointmentUpdate } from '../../lib/conflictPolicy.js';

export type AppointmentRow = typeof appointments.$inferSelect;
type Writer = Pick<User, 'id' | 'name' | 'role' | 'teamId'>;

/** The duration refusal head office repeats (a laptop validates first; this guards the rest). */
function durationRefusal(minutes: number | undefined): Result<never> | null {
  if (minutes === undefined) return null;
  const problem = durationProblem(minutes);
  if (problem === null) return null;
  switch (problem.code) {
    case 'duration-not-positive':
      return fail('bad-request', msg('appointment.durationZero'), {
        field: 'durationMinutes',
      });
    case 'duration-too-short':
      return fail('bad-request', msg('appointment.durationMin', { min: problem.min }), {
        field: 'durationMinutes',
      });
    case 'duration-too-long':
      return fail('bad-request', msg('appointment.durationMax', { max: problem.max }), {
        field: 'durationMinutes',
      });
    default:
      return fail('bad-request', msg('appointment.durationInvalid'), { field: 'durationMinutes' });
  }
}

/**
 * Whether `writer` may plan for `repId`: a rep for themselves only, a manager for the members
 * of their team, an admin for anyone.
 */
async function mayPlanFor(db: DbOrTx, writer: Writer, repId: string): Promise<boolean> {
  switch (writer.role) {
    case 'rep':
      return repId === writer.id;
    case 'manager': {
      if (writer.teamId === null) return false;
      const [rep] = await db.select({ teamId: users.teamId }).from(users).where(eq(users.id, repId)).limit(1);
      return rep !== undefined && rep.teamId === writer.teamId;
    }
    case 'admin':
      return true;
    default:
      return missingCaseError(writer.role);
  }
}

/** The customer must be live and in the rep's own portfolio; the contact must be one of its. */
async function checkCustomerAndContact(
  db: DbOrTx,
  repId: string,
  customerId: string,
  contactId: string | null,
): Promise<Result<{ name: string }>> {
  const [customer] = await db
    .select({ name: customers.name, ownerId: customers.ownerId, deletedAt: customers.deletedAt })
    .from(customers)
    .where(eq(customers.id, customerId))
    .limit(1);
  if (customer === undefined || customer.deletedAt !== null) {
    return fail('not-found', msg('appointment.customerGone'), { field: 'customerId' });
  }
  if (customer.ownerId !== repId) {
    return fail('forbidden', msg('appointment.notInRepPortfolio'), {
      field: 'customerId',
    });
  }
  if (contactId !== null) {
    const [contact] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.customerId, customerId)))
      .limit(1);
    if (contact === undefined)
      return fail('not-found', msg('appointment.contactElsewhere'), { field: 'contactId' });
  }
  return ok({ name: customer.name });
}

export interface CreateAppointmentRequest {
  appointment: NewAppointment;
  repId: string;
  writer: Writer;
  /** The manager's name when a manager sets it for a rep; null when the rep plans it. */
  setByManagerName: string | null;
  now: Date;
}

/** Inserts a new appointment; the same id again (a retried call) answers the stored row. */
export async function createAppointment(
  tx: DbOrTx,
  request: CreateAppointmentRequest,
): Promise<Result<AppointmentRow>> {
  const a = request.appointment;
  if (!(await mayPlanFor(tx, request.writer, request.repId))) {
    return fail('forbidden', msg('appointment.onlyYourTeam'), {
      field: 'repId',
    });
  }
  const bad = durationRefusal(a.durationMinutes);
  if (bad) return bad;
  const customer = await checkCustomerAndContact(tx, request.repId, a.customerId, a.contactId);
  if (!customer.ok) return customer;
  const [row] = await tx
    .insert(appointments)
    .values({
      id: a.id,
      customerId: a.customerId,
      contactId: a.contactId,
      repId: request.repId,
      kind: a.kind,
      startAt: new Date(a.startAt),
      durationMinutes: a.durationMinutes,
      objective: a.objective,
      notes: a.notes,
      status: 'planned',
      setByManagerName: request.setByManagerName,
      version: 1,
      fieldVersions: {},
      fieldAuthors: {},
      createdAt: request.now,
      updatedAt: request.now,
    })
    .onConflictDoNothing()
    .returning();
  if (row !== undefined) return ok(row);
  const [existing] = await tx.select().from(appointments).where(eq(appointments.id, a.id)).limit(1);
  if (existing !== undefined && existing.repId === request.repId && existing.customerId === a.customerId) {
    return ok(existing);
  }
  return fail('conflict', msg('appointment.idTaken'), { field: 'id' });
}

export interface UpdateAppointmentRequest {
  id: string;
  changes: Partial<AppointmentEditable>;
  baseVersion: number | undefined;
  writer: Writer;
  /** The laptop the write came from (a sync push); undefined for a head-office method. */
  clientId?: string;
  now: Date;
}

function editableOf(row: AppointmentRow): AppointmentEditable {
  return {
    startAt: toIso(row.startAt),
    durationMinutes: row.durationMinutes,
    kind: row.kind,
    contactId: row.contactId,
    objective: row.objective,
    notes: row.notes,
    status: row.status,
  };
}

/** "Café du Port, 2026-11-26": the appointment as the conflict log names it. */
function labelOf(customerName: string, startAt: Date): string {
  // The company's calendar day (head office has no user's time zone at hand here).
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(startAt);
  return `${customerName}, ${day}`;
}

/**
 * Moves, edits or cancels: last writer wins per field in server order; values the writer had
 * not seen are logged as conflicts. Call inside a transaction.
 */
export async function updateAppointment(
  tx: DbOrTx,
  request: UpdateAppointmentRequest,
): Promise<Result<AppointmentRow>> {
  const [row] = await tx
    .select()
    .from(appointments)
    .where(eq(appointments.id, request.id))
    .for('update')
    .limit(1);
  if (row === undefined || row.deletedAt !== null)
    return fail('not-found', msg('appointment.gone'), { field: 'id' });
  // Someone else's appointment answers like a missing one: nobody learns what others plan.
  if (!(await mayPlanFor(tx, request.writer, row.repId)))
    return fail('not-found', msg('appointment.gone'), { field: 'id' });
  const bad = durationRefusal(request.changes.durationMinutes);
  if (bad) return bad;
  const contactId = request.changes.contactId;
  const customer = await checkCustomerAndContact(tx, row.repId, row.customerId, contactId ?? null);
  if (!customer.ok) return customer;
  const plan = planAppointmentUpdate(
    {
      values: editableOf(row),
      version: row.version,
      fieldVersions: row.fieldVersions,
      fieldAuthors: row.fieldAuthors,
    },
    request.changes,
    request.baseVersion,
    authorKey(request.writer.id, request.clientId),
  );
  if (plan.changes.length === 0) return ok(row);
  await logFieldConflicts(tx, {
    entity: 'appointment',
    entityId: row.id,
    entityLabel: labelOf(customer.value.name, row.startAt),
    changes: plan.changes,
    writer: request.writer,
    now: request.now,
  });
  const { startAt, ...rest } = plan.values;
  const [updated] = await tx
    .update(appointments)
    .set({
      ...rest,
      startAt: new Date(startAt),
      ...mergeStateColumns(plan, request.now),
    })
    .where(eq(appointments.id, row.id))
    .returning();
  if (updated === undefined) return fail('not-found', msg('appointment.gone'), { field: 'id' });
  return ok(updated);
}

/**
 * A customer changed hands: the planned appointments still ahead go with it to the new owner
 * (who will make the visit and may move it from their laptop); past, done and cancelled ones
 * stay with the rep who had them (history). Each moved appointment gets a new version, so both
 * laptops pull the change. Returns how many moved.
 */
export async function handOverPlannedAppointments(
  db: DbOrTx,
  customerId: string,
  newOwnerId: string | null,
  now: Date,
): Promise<number> {
  if (newOwnerId === null) return 0;
  const moved = await db
    .update(appointments)
    .set({ repId: newOwnerId, version: sql`${appointments.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(appointments.customerId, customerId),
        eq(appointments.status, 'planned'),
        gte(appointments.startAt, now),
        isNull(appointments.deletedAt),
        ne(appointments.repId, newOwnerId),
      ),
    )
    .returning({ id: appointments.id });
  return moved.length;
}
