/**
 * Ending a visit: it queues the follow-up appointment through the agenda's mutator, so it lives
 * apart from the visit's local apply (the sync registry loads that one without any screen).
 */
import { v7 as uuidv7 } from 'uuid';
import type { VisitDraft } from '../../../shared/domain/visit/draft.js';
import { visitLogSchema, type VisitReport } from '../../../shared/domain/visit/report.js';
import type { AppDB } from '../../db/AppDB.js';
import type { VisitRow } from '../../db/schema.js';
import type { MutatorContext } from '../../sync/mutation.js';
import { mutationTables, nowOf, writeMutation } from '../../sync/mutation.js';
import type { AppointmentCheckOptions } from '../agenda/index.js';
import { createAppointment } from '../agenda/index.js';
import { visitMutations } from './mutators.js';

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
  /** With the outcome 'follow-up': the appointment to plan (checked like any other). */
  followUp?: { startAt: string; durationMinutes: number; objective: string; contactId: string | null };
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
  if ((input.report.outcome === 'follow-up') !== (input.followUp !== undefined))
    throw new VisitReportError([
      { path: 'followUp', message: 'followUp: required with a follow-up, and only then' },
    ]);
  const followUpId = input.followUp ? uuidv7() : null;
  const parsed = visitLogSchema.safeParse({
    id: draft.id,
    customerId: draft.customerId,
    appointmentId: draft.appointmentId,
    startedAt: draft.startedAt,
    endedAt: endedAt < draft.startedAt ? draft.startedAt : endedAt,
    channel: input.channel ?? 'visit',
    report: input.report,
    followUpAppointmentId: followUpId,
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
