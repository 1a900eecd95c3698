/**
 * The end of a visit at head office (`visit-log`): the report is stored as the customer's visit,
 * the appointment it was held for is marked done, a campaign task of the customer is ticked off,
 * and the visit goes into the customer's
 * marketing data as an action with the customer's reaction. Idempotent on the visit's id.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { NoSaleReason } from '../../../shared/domain/activity/activity.js';
import type { User } from '../../../shared/domain/user/user.js';
import { outcomeReaction, type VisitLog, type VisitOutcome } from '../../../shared/domain/visit/report.js';
import { visitOfLog } from '../../../shared/domain/visit/mutations.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { appointments, customers, marketingActions, visits } from '../../db/schema.js';
import type { Tx } from '../../db/types.js';
import { updateAppointment } from '../appointments/index.js';
import { tickCampaignTasks } from '../campaigns/index.js';
import { isCustomerInScope } from '../../lib/scope.js';

type Writer = Pick<User, 'id' | 'name' | 'role' | 'teamId'>;

/** The company's wording of an outcome in the marketing data (head office works in French). */
const outcomeLabels: Record<VisitOutcome, string> = {
  order: 'commande prise',
  'follow-up': 'rendez-vous de suivi fixé',
  'no-sale': 'pas de vente',
  'not-met': 'client absent',
};
const noSaleLabels: Record<NoSaleReason, string> = {
  price: 'prix',
  competitor: 'concurrent',
  'no-need': 'pas de besoin',
  timing: 'pas le moment',
  budget: 'budget',
  'decision-maker-absent': 'décideur absent',
  stock: 'stock suffisant',
  other: 'autre raison',
};

export function actionLabel(visit: Pick<VisitLog, 'channel' | 'report'>): string {
  const what = visit.channel === 'phone' ? 'Appel' : 'Visite';
  const reason = visit.report.noSaleReason;
  const outcome = outcomeLabels[visit.report.outcome];
  return reason === undefined ? `${what} : ${outcome}` : `${what} : ${outcome} (${noSaleLabels[reason]})`;
}

export async function logVisit(
  tx: Tx,
  request: {
    visit: VisitLog;
    writer: Writer;
    now: Date;
    /**
     * Re-applied by the writer's manager from a refusal (decision 0021): that refusal proves the
     * writer's laptop held the customer, and the manager's right over it was checked there.
     */
    onBehalf?: boolean;
  },
): Promise<Result<void>> {
  const { visit, writer, now, onBehalf = false } = request;
  const [existing] = await tx
    .select({ customerId: visits.customerId, repId: visits.repId })
    .from(visits)
    .where(eq(visits.id, visit.id))
    .limit(1);
  if (existing !== undefined) {
    // Sent again (a lost acknowledgement): already stored.
    return existing.customerId === visit.customerId && existing.repId === writer.id
      ? ok(undefined)
      : fail('conflict', msg('visit.idTaken'), { field: 'id' });
  }
  const [customer] = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, visit.customerId), isNull(customers.deletedAt)))
    .limit(1);
  if (customer === undefined) return fail('not-found', msg('visit.customerGone'), { field: 'customerId' });
  if (
    !onBehalf &&
    !(await isCustomerInScope(tx, writer, visit.customerId)) &&
    !(await heldByWriter(tx, visit, writer))
  )
    return fail('forbidden', msg('visit.customerLeft'), { field: 'customerId' });

  await tx.insert(visits).values({
    ...visitOfLog(visit, writer.id),
    at: new Date(visit.startedAt),
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(marketingActions).values({
    id: uuidv7(),
    customerId: visit.customerId,
    kind: visit.channel === 'phone' ? 'call' : 'visit',
    at: new Date(visit.startedAt),
    label: actionLabel(visit),
    reaction: outcomeReaction[visit.report.outcome],
    createdAt: now,
    updatedAt: now,
  });
  if (visit.appointmentId !== null)
    await markAppointmentDone(tx, visit.appointmentId, visit.customerId, writer, now);
  await tickCampaignTasks(tx, { id: visit.id, customerId: visit.customerId, at: visit.startedAt }, now);
  return ok(undefined);
}

/**
 * The visit was held for an appointment of this rep with this customer: it is this rep's history
 * even when the customer changed hands before the laptop could push (the report is kept; the
 * customer's new owner sees it like any past visit). Only for the appointment it was held for:
 * still planned (the first report marks it done, so it admits one visit) and started within a
 * day of it, so an old appointment is no standing pass to the customer.
 */
async function heldByWriter(tx: Tx, visit: VisitLog, writer: Writer): Promise<boolean> {
  if (visit.appointmentId === null) return false;
  const started = Date.parse(visit.startedAt);
  const [row] = await tx
    .select({ id: appointments.id, startAt: appointments.startAt })
    .from(appointments)
    .where(
      and(
        eq(appointments.id, visit.appointmentId),
        eq(appointments.repId, writer.id),
        eq(appointments.customerId, visit.customerId),
        eq(appointments.status, 'planned'),
        isNull(appointments.deletedAt),
      ),
    )
    .limit(1);
  return row !== undefined && Math.abs(started - row.startAt.getTime()) <= HELD_WITHIN_MS;
}

/** How far from its appointment a visit may start and still be the one held for it. */
const HELD_WITHIN_MS = 24 * 3_600_000;

/**
 * The appointment the visit was held for becomes 'done' (written like any other change, so both
 * the rep's laptop and the manager see it) — only while it is still planned: one a manager
 * cancelled meanwhile stays cancelled (the visit is stored all the same). One of another
 * customer, one the rep may not touch, or one head office never received is left alone: the
 * report itself is what must be kept.
 */
async function markAppointmentDone(
  tx: Tx,
  id: string,
  customerId: string,
  writer: Writer,
  now: Date,
): Promise<void> {
  const [row] = await tx
    .select({
      version: appointments.version,
      status: appointments.status,
      repId: appointments.repId,
      customerId: appointments.customerId,
    })
    .from(appointments)
    .where(and(eq(appointments.id, id), isNull(appointments.deletedAt)))
    .limit(1);
  if (row?.status !== 'planned' || row.repId !== writer.id || row.customerId !== customerId) return;
  const done = await updateAppointment(tx, {
    id,
    changes: { status: 'done' },
    baseVersion: row.version,
    writer,
    now,
  });
  if (done.ok) return;
  // The customer changed hands since: its former rep may no longer plan with it, but the visit
  // held for their own appointment closes it all the same, so that it admits one report only.
  await tx
    .update(appointments)
    .set({
      status: 'done',
      version: sql`${appointments.version} + 1`,
      fieldVersions: sql`${appointments.fieldVersions} || jsonb_build_object('status', ${appointments.version} + 1)`,
      fieldAuthors: sql`${appointments.fieldAuthors} || jsonb_build_object('status', ${writer.id}::text)`,
      updatedAt: now,
    })
    .where(and(eq(appointments.id, id), eq(appointments.status, 'planned')));
}
