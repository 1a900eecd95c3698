/**
 * The visit report on screen: started from what the visit noted (`draftVisitReport`), edited by
 * the rep, then checked into a `VisitReport` and, for a follow-up, the appointment to plan.
 * Pure: time zones are the caller's (`toInstant`).
 */
import type { Playbook } from '../playbook/playbook.js';
import type { ReportForm, VisitDraft } from './draft.js';
import {
  draftVisitReport,
  noVisitFacts,
  reportSummary,
  visitReportSchema,
  type VisitFacts,
  type VisitReport,
} from './report.js';

export { noVisitFacts, type VisitFacts } from './report.js';

type ReportLocale = 'fr' | 'en';

/** The follow-up appointment's default length, in minutes. */
export const DEFAULT_FOLLOW_UP_MINUTES = 45;

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** The form pre-filled from the visit's steps. */
export function reportFormFrom(
  draft: VisitDraft,
  playbook: Playbook,
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): ReportForm {
  const r = draftVisitReport(draft, playbook, locale, facts);
  return {
    outcome: r.outcome ?? null,
    noSaleReason: null,
    followUpWanted: false,
    followUpDate: '',
    followUpTime: '',
    followUpMinutes: DEFAULT_FOLLOW_UP_MINUTES,
    followUpObjective: '',
    needs: r.needs.join('\n'),
    motives: r.motives,
    objections: r.objections,
    offered: r.offered.join('\n'),
    nextStep: '',
    summary: r.summary,
    summaryEdited: false,
    notes: r.notes,
  };
}

/**
 * Ends the steps and opens the report: the step being left counts as passed, and a report
 * already started (the rep went back to a step) is kept as it was, its summary following the
 * orders and complaints since (unless the rep rewrote it).
 */
export function openReport(
  draft: VisitDraft,
  playbook: Playbook,
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): VisitDraft {
  const visited = draft.visitedSteps.includes(draft.currentStep)
    ? draft.visitedSteps
    : [...draft.visitedSteps, draft.currentStep];
  const report = draft.report ?? reportFormFrom(draft, playbook, locale, facts);
  // Orders taken since the report was started make it an order.
  const outcome = draft.orderIds.length > 0 ? 'order' : report.outcome;
  const opened = { ...report, outcome, noSaleReason: outcome === 'no-sale' ? report.noSaleReason : null };
  return {
    ...draft,
    reporting: true,
    visitedSteps: draft.reporting ? draft.visitedSteps : visited,
    report: opened.summaryEdited
      ? opened
      : { ...opened, summary: summaryOf(opened, draft.orderIds, locale, facts) },
  };
}

/** The summary as the lists read now (only while the rep has not rewritten it). */
export function summaryOf(
  form: ReportForm,
  orderIds: readonly string[],
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): string {
  return reportSummary(
    {
      needs: splitLines(form.needs),
      motives: form.motives,
      objections: form.objections
        .filter((o) => o.text.trim() !== '')
        .map((o) => ({ ...o, text: o.text.trim() })),
      offered: splitLines(form.offered),
      orderIds: [...orderIds],
    },
    locale,
    facts,
  );
}

/** Applies an edit; the summary follows the fields until the rep edits it. */
export function editReport(
  form: ReportForm,
  change: Partial<ReportForm>,
  orderIds: readonly string[],
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): ReportForm {
  const next = { ...form, ...change };
  if ('summary' in change) return { ...next, summaryEdited: true };
  return next.summaryEdited ? next : { ...next, summary: summaryOf(next, orderIds, locale, facts) };
}

export type ReportField =
  | 'outcome'
  | 'noSaleReason'
  | 'followUpDate'
  | 'followUpTime'
  | 'followUpMinutes'
  | 'objections'
  | 'needs'
  | 'offered'
  | 'nextStep'
  | 'summary'
  | 'notes';

export type ReportProblemCode =
  | 'outcome-missing'
  | 'order-without-orders'
  | 'orders-need-order-outcome'
  | 'no-sale-reason-missing'
  | 'follow-up-date-missing'
  | 'follow-up-time-missing'
  | 'follow-up-duration'
  | 'too-long';

export interface ReportProblem {
  field: ReportField;
  code: ReportProblemCode;
}

export interface FollowUpPlan {
  startAt: string;
  durationMinutes: number;
  objective: string;
}

export type CheckedReport =
  | { ok: true; report: VisitReport; followUp: FollowUpPlan | undefined }
  | { ok: false; problems: ReportProblem[] };

/**
 * Whether the report plans a follow-up appointment: always with the outcome 'follow-up', and on
 * the rep's request with an order (an order and a follow-up are not exclusive).
 */
export function followUpPlanned(form: Pick<ReportForm, 'outcome' | 'followUpWanted'>): boolean {
  return form.outcome === 'follow-up' || (form.outcome === 'order' && form.followUpWanted);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * The report ready to save, or every problem with the field to fix. A follow-up's day and time
 * become an instant through `toInstant` (the rep's time zone); its place in the agenda (in the
 * past, overlapping) is checked by the appointment rules when it is written.
 */
export function checkReport(
  form: ReportForm,
  orderIds: readonly string[],
  toInstant: (day: string, time: string) => string,
): CheckedReport {
  const problems: ReportProblem[] = [];
  const outcome = form.outcome;
  if (outcome === null) problems.push({ field: 'outcome', code: 'outcome-missing' });
  if (outcome === 'order' && orderIds.length === 0)
    problems.push({ field: 'outcome', code: 'order-without-orders' });
  if (outcome !== null && outcome !== 'order' && orderIds.length > 0)
    problems.push({ field: 'outcome', code: 'orders-need-order-outcome' });
  if (outcome === 'no-sale' && form.noSaleReason === null)
    problems.push({ field: 'noSaleReason', code: 'no-sale-reason-missing' });
  let followUp: FollowUpPlan | undefined;
  if (followUpPlanned(form)) {
    if (!DAY.test(form.followUpDate))
      problems.push({ field: 'followUpDate', code: 'follow-up-date-missing' });
    if (!TIME.test(form.followUpTime))
      problems.push({ field: 'followUpTime', code: 'follow-up-time-missing' });
    if (form.followUpMinutes <= 0) problems.push({ field: 'followUpMinutes', code: 'follow-up-duration' });
    if (DAY.test(form.followUpDate) && TIME.test(form.followUpTime) && form.followUpMinutes > 0)
      followUp = {
        startAt: toInstant(form.followUpDate, form.followUpTime),
        durationMinutes: form.followUpMinutes,
        objective: form.followUpObjective.trim(),
      };
  }
  if (problems.length > 0 || outcome === null) return { ok: false, problems };

  const parsed = visitReportSchema.safeParse({
    outcome,
    noSaleReason: outcome === 'no-sale' ? (form.noSaleReason ?? undefined) : undefined,
    followUp: followUp ? { startAt: followUp.startAt, objective: followUp.objective } : undefined,
    orderIds: [...orderIds],
    needs: splitLines(form.needs),
    motives: form.motives,
    objections: form.objections
      .filter((o) => o.text.trim() !== '')
      .map((o) => ({ text: o.text.trim(), lifted: o.lifted })),
    offered: splitLines(form.offered),
    nextStep: form.nextStep.trim(),
    summary: form.summary.trim(),
    notes: form.notes.trim(),
  });
  if (!parsed.success) {
    // Only lengths remain to refuse here: every other rule was checked above.
    const fields = new Set<ReportField>(
      parsed.error.issues.map((i) => {
        const head = i.path[0];
        return head === 'needs' ||
          head === 'offered' ||
          head === 'objections' ||
          head === 'nextStep' ||
          head === 'notes'
          ? head
          : 'summary';
      }),
    );
    return { ok: false, problems: [...fields].map((field) => ({ field, code: 'too-long' as const })) };
  }
  return { ok: true, report: parsed.data, followUp };
}
