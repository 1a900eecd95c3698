/** Reading and writing visits in progress in the local database (never synced). */
import { v7 as uuidv7 } from 'uuid';
import { defaultPlaybook, playbookSchema, type Playbook } from '../../../shared/domain/playbook/index.js';
import {
  newVisitDraft,
  visitDraftSchema,
  withOrder,
  type VisitDraft,
} from '../../../shared/domain/visit/index.js';
import type { AppDB } from '../../db/AppDB.js';

/**
 * The playbook in force on this laptop: the newest one head office sent (it crosses app
 * versions, so it is validated), else the company's built-in default (none pulled yet, or
 * one this build cannot read). Read it reactively with `useCurrentPlaybook`.
 */
export async function currentPlaybook(db: AppDB): Promise<Playbook> {
  const newest = await db.playbooks.orderBy('version').last();
  if (newest === undefined) return defaultPlaybook;
  const parsed = playbookSchema.safeParse(newest.document);
  if (!parsed.success) {
    console.error('Stored playbook no longer valid, using the built-in one', newest.id, parsed.error);
    return defaultPlaybook;
  }
  return parsed.data;
}

/** One small put in its own transaction: the continuous save of a visit in progress. */
export async function saveDraft(db: AppDB, draft: VisitDraft): Promise<void> {
  await db.visitDrafts.put(draft);
}

/** The stored draft, validated (it crosses app versions); null when absent or unreadable. */
export async function loadDraft(db: AppDB, id: string): Promise<VisitDraft | null> {
  const row = await db.visitDrafts.get(id);
  if (!row) return null;
  const parsed = visitDraftSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  // Keep every step that can be kept: a report form that no longer reads (an app update, a
  // value the browser let through) is drafted again from the steps when the rep reopens it.
  const withoutReport = visitDraftSchema.safeParse({ ...row, report: null, reporting: false });
  if (withoutReport.success) {
    console.error('Visit report form no longer valid; the steps are kept', id, parsed.error);
    return withoutReport.data;
  }
  console.error('Visit draft no longer valid', id, parsed.error);
  return null;
}

/**
 * Records an order taken during the visit in its draft; returns the draft (null when the visit
 * is no longer on this laptop: the order stands on its own).
 */
export async function recordVisitOrder(
  db: AppDB,
  draftId: string,
  orderId: string,
): Promise<VisitDraft | null> {
  return db.transaction('rw', db.visitDrafts, async () => {
    const draft = await loadDraft(db, draftId);
    if (!draft) return null;
    const next = { ...withOrder(draft, orderId), updatedAt: new Date().toISOString() };
    await db.visitDrafts.put(next);
    return next;
  });
}

/**
 * Starts a visit, or resumes the one in progress for the same appointment (or, without an
 * appointment, the customer's visit in progress started without one). Returns the draft id.
 */
export async function startOrResumeVisit(
  db: AppDB,
  input: { customerId: string; appointmentId: string | null; returnTo: string },
  now: Date = new Date(),
): Promise<string> {
  return db.transaction('rw', [db.visitDrafts, db.playbooks], async () => {
    const existing =
      input.appointmentId !== null
        ? await db.visitDrafts.where('appointmentId').equals(input.appointmentId).first()
        : await db.visitDrafts
            .where('customerId')
            .equals(input.customerId)
            .filter((d) => d.appointmentId === null)
            .first();
    if (existing) return existing.id;
    const draft = newVisitDraft({
      id: uuidv7(),
      customerId: input.customerId,
      appointmentId: input.appointmentId,
      returnTo: input.returnTo,
      playbookVersion: (await currentPlaybook(db)).version,
      now: now.toISOString(),
    });
    await db.visitDrafts.add(draft);
    return draft.id;
  });
}
