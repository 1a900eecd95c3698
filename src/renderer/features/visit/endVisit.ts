/**
 * Ending a visit: it queues the follow-up appointment through the agenda's mutator, so it lives
 * apart from the visit's local apply (the sync registry loads that one without any screen).
 */
import { v7 as uuidv7 } from 'uuid';
import { reachedStepOf, type VisitDraft } from '../../../shared/domain/visit/draft.js';
import { visitLogSchema, type VisitCourse, type VisitReport } from '../../../shared/domain/visit/report.js';
import type { AppDB } from '../../db/AppDB.js';
import type { VisitRow } from '../../db/schema.js';
import type { MutatorContext } from '../../sync/mutation.js';
import { mutationTables, nowOf, writeMutation } from '../../sync/mutation.js';
import type { AppointmentCheckOptions } from '../agenda/index.js';
import { createAppointment } from '../agenda/index.js';
import { visitMutations } from './mutators.js';
import { currentPlaybook } from './store.js';

/** A visit report the laptop refused to write (nothing was saved); `problems` say why. */
export class VisitReportError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(`Visit report not saved: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'VisitReportError';
    this.issues = issues;
  }
}

export interface LogVisitInput {
  draft: VisitDraft;
  report: VisitReport;
  channel?: 'visit' | 'phone';
  /** With a follow-up in the report (outcome 'follow-up', or asked with an order): the appointment to plan (checked like any other). */
  followUp?: { startAt: string; durationMinutes: number; objective: string; contactId: string | null };
}

/**
 * How far the interview went: the furthest step reached (none when the customer was not met),
 * the closing technique chosen (its name in the playbook the visit used), and the product
 * families of the arguments presented and of the products ordered.
 */
export async function courseOf(
  db: AppDB,
  draft: VisitDraft,
  outcome: VisitReport['outcome'],
): Promise<VisitCourse> {
  const playbook = await currentPlaybook(db);
  const families = new Set<string>();
  for (const id of draft.argumentsPresented) {
    const family = playbook.arguments.find((a) => a.id === id)?.family;
    if (family !== undefined) families.add(family);
  }
  const orders = (await db.orders.bulkGet(draft.orderIds)).filter((o) => o !== undefined);
  const products = await db.products.bulkGet([
    ...new Set(orders.flatMap((o) => o.lines.map((l) => l.productId))),
  ]);
  for (const product of products)
    if (product !== undefined && product.family !== '') families.add(product.family);
  const closing =
    draft.closingId === null ? undefined : playbook.closings.find((c) => c.id === draft.closingId);
  return {
    reachedStep: outcome === 'not-met' ? null : reachedStepOf(draft),
    closingId: closing?.id ?? null,
    closingName: closing?.name ?? null,
    families: [...families].slice(0, 50),
  };
}

/**
 * Ends a visit: the follow-up appointment (if any) and the visit report are queued, the
 * appointment held is marked done, and the draft is removed — all in ONE transaction, so a
 * refused follow-up (in the past, overlapping without confirmation) leaves the visit in progress
 * exactly as it was.
 */
export async function logVisit(
  db: AppDB,
  ctx: MutatorContext,
  input: LogVisitInput,
  options: AppointmentCheckOptions,
): Promise<VisitRow> {
  const endedAt = nowOf(ctx);
  const { draft } = input;
  if ((input.report.followUp !== undefined) !== (input.followUp !== undefined))
    throw new VisitReportError([
      { path: 'followUp', message: 'followUp: required with a follow-up, and only then' },
    ]);
  const followUpId = input.followUp ? uuidv7() : null;
  const course = await courseOf(db, draft, input.report.outcome);
  const parsed = visitLogSchema.safeParse({
    id: draft.id,
    customerId: draft.customerId,
    appointmentId: draft.appointmentId,
    startedAt: draft.startedAt,
    endedAt: endedAt < draft.startedAt ? draft.startedAt : endedAt,
    channel: input.channel ?? 'visit',
    report: input.report,
    followUpAppointmentId: followUpId,
    course,
  });
  if (!parsed.success)
    throw new VisitReportError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const args = parsed.data;
  return db.transaction('rw', [...mutationTables(db), db.visitDrafts], async () => {
    // Ended once: a second call (a double click, a retry) must not queue the visit or its
    // follow-up again.
    if ((await db.visitDrafts.get(draft.id)) === undefined || (await db.visits.get(draft.id)) !== undefined)
      throw new VisitReportError([{ path: 'id', message: 'id: this visit has already ended' }]);
    if (input.followUp && followUpId !== null) {
      await createAppointment(
        db,
        ctx,
        {
          id: followUpId,
          customerId: draft.customerId,
          // The person met at the appointment held, unless the rep chose someone.
          contactId:
            input.followUp.contactId ??
            (draft.appointmentId === null
              ? null
              : ((await db.appointments.get(draft.appointmentId))?.contactId ?? null)),
          kind: 'visit',
          startAt: input.followUp.startAt,
          durationMinutes: input.followUp.durationMinutes,
          objective: input.followUp.objective,
          notes: '',
        },
        options,
      );
    }
    await writeMutation(db, ctx, visitMutations, 'visit-log', args);
    await db.visitDrafts.delete(draft.id);
    const row = await db.visits.get(args.id);
    if (!row) throw new Error('Visit vanished after its write');
    return row;
  });
}
