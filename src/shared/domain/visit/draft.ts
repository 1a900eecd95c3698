/**
 * A visit in progress on the rep's laptop ("entretien de vente" being conducted): everything
 * noted step by step, saved continuously and local only. At the end of the visit (next slice)
 * it becomes the visit report that syncs to head office (`Visit`), then the draft is removed.
 */
import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { missingCaseError } from '../../lib/result.js';
import {
  noSaleReasonSchema,
  visitOutcomes,
  visitStepSchema,
  visitSteps,
  type VisitStep,
} from '../activity/activity.js';
import { motiveSchema } from '../playbook/playbook.js';

export { visitStepSchema, visitSteps, type VisitStep } from '../activity/activity.js';

const longText = z.string().max(20_000);

export const draftObjectionSchema = z.object({
  id: uuidSchema,
  /** The library objection it was recorded from; null for one typed by the rep. */
  objectionId: z.string().max(60).nullable(),
  text: z.string().trim().min(1).max(1_000),
  lifted: z.boolean(),
});
export type DraftObjection = z.infer<typeof draftObjectionSchema>;

/**
 * The visit report as the rep edits it at the end of the visit, saved continuously with the
 * draft (lists as one item per line, the follow-up as typed): `reportFromForm` turns it into
 * the checked report.
 */
export const reportFormSchema = z.object({
  outcome: z.enum(visitOutcomes).nullable(),
  noSaleReason: noSaleReasonSchema.nullable(),
  /**
   * With an order: the rep also plans a follow-up appointment (with the outcome 'follow-up' one
   * is always planned). Absent from forms saved before: none.
   */
  followUpWanted: z.boolean().default(false),
  /** The follow-up appointment as typed: day (yyyy-mm-dd) and time (HH:mm) in the rep's zone. */
  followUpDate: z.string().max(10),
  followUpTime: z.string().max(5),
  followUpMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  followUpObjective: z.string().max(500),
  needs: longText,
  motives: z.array(motiveSchema),
  objections: z.array(z.object({ text: z.string().max(1_000), lifted: z.boolean() })),
  offered: longText,
  nextStep: z.string().max(2_000),
  summary: longText,
  /** True once the rep typed in the summary: it no longer follows the fields above. */
  summaryEdited: z.boolean(),
  /** The step notes and the rep's own reformulation, carried into the report (editable). */
  notes: z.string().max(40_000).default(''),
});
export type ReportForm = z.infer<typeof reportFormSchema>;

export const visitDraftSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  appointmentId: uuidSchema.nullable(),
  /** Where the visit was started from (an app hash such as `#/brief/<id>`): "leave" goes back there. */
  returnTo: z.string().max(500).regex(/^#\//),
  /** The playbook version the visit started with. */
  playbookVersion: z.number().int().positive(),
  startedAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  currentStep: visitStepSchema,
  /** Steps the rep went through (left at least once): passed, so "skipped" unless something was recorded. */
  visitedSteps: z.array(visitStepSchema),
  skippedSteps: z.array(visitStepSchema),
  /** Free notes per step. */
  notes: z.partialRecord(visitStepSchema, longText),
  /** Discovery answers by playbook question id. */
  discoveryAnswers: z.record(z.string().max(60), longText),
  /** Needs noted during discovery, one per line. */
  needs: longText,
  motives: z.array(motiveSchema),
  reformulation: z.object({
    /** The text the rep edited; '' while the drafted text is used as is. */
    text: longText,
    /** True once the rep typed in it (the drafted text no longer follows the notes). */
    edited: z.boolean(),
    confirmed: z.boolean(),
  }),
  /** CAP argument ids presented. */
  argumentsPresented: z.array(z.string().max(60)),
  objections: z.array(draftObjectionSchema),
  price: z.object({ announced: z.boolean() }),
  closingId: z.string().max(60).nullable(),
  /** Orders taken from the visit (ids on this laptop); absent on drafts saved before order taking. */
  orderIds: z.array(uuidSchema).default([]),
  /** True while the rep writes the report (the last screen of the visit). */
  reporting: z.boolean().default(false),
  /** The report being written; null until the rep first ends the visit. */
  report: reportFormSchema.nullable().default(null),
});
export type VisitDraft = z.infer<typeof visitDraftSchema>;

/** A fresh draft at the first step. */
export function newVisitDraft(input: {
  id: string;
  customerId: string;
  appointmentId: string | null;
  returnTo: string;
  playbookVersion: number;
  now: string;
}): VisitDraft {
  return {
    id: input.id,
    customerId: input.customerId,
    appointmentId: input.appointmentId,
    returnTo: input.returnTo,
    playbookVersion: input.playbookVersion,
    startedAt: input.now,
    updatedAt: input.now,
    currentStep: 'opening',
    visitedSteps: [],
    skippedSteps: [],
    notes: {},
    discoveryAnswers: {},
    needs: '',
    motives: [],
    reformulation: { text: '', edited: false, confirmed: false },
    argumentsPresented: [],
    objections: [],
    price: { announced: false },
    closingId: null,
    orderIds: [],
    reporting: false,
    report: null,
  };
}

/** Records an order taken from the visit (once). */
export function withOrder(draft: VisitDraft, orderId: string): VisitDraft {
  return draft.orderIds.includes(orderId) ? draft : { ...draft, orderIds: [...draft.orderIds, orderId] };
}

/** The step before or after (null at either end). */
export function adjacentStep(step: VisitStep, delta: -1 | 1): VisitStep | null {
  return visitSteps[visitSteps.indexOf(step) + delta] ?? null;
}

/** Moves to a step: the one left is marked visited; a step moved to is no longer skipped. */
export function goToStep(draft: VisitDraft, step: VisitStep): VisitDraft {
  if (draft.reporting) return { ...draft, reporting: false, currentStep: step };
  if (step === draft.currentStep) return draft;
  return {
    ...draft,
    currentStep: step,
    visitedSteps: draft.visitedSteps.includes(draft.currentStep)
      ? draft.visitedSteps
      : [...draft.visitedSteps, draft.currentStep],
    skippedSteps: draft.skippedSteps.filter((s) => s !== step),
  };
}

/** Skips the current step ("ne s'applique pas") and moves to the next one, if any. */
export function skipStep(draft: VisitDraft): VisitDraft {
  const step = draft.currentStep;
  const skipped = draft.skippedSteps.includes(step) ? draft.skippedSteps : [...draft.skippedSteps, step];
  const next = adjacentStep(step, 1);
  return {
    ...draft,
    skippedSteps: skipped,
    visitedSteps: draft.visitedSteps.filter((s) => s !== step),
    currentStep: next ?? step,
  };
}

export type StepState = 'current' | 'skipped' | 'done' | 'todo';

const filled = (s: string | undefined): boolean => (s ?? '').trim() !== '';

/**
 * Whether the rep recorded something at a step: its free note, or what the step itself records
 * (discovery: an answer, a motive, a need; reformulation: a text of their own or the customer's
 * agreement; argumentation: an argument presented; objections: one noted; price: announced;
 * closing: a technique chosen or an order taken). Passing through a step records nothing.
 */
export function stepRecorded(draft: VisitDraft, step: VisitStep): boolean {
  if (filled(draft.notes[step])) return true;
  switch (step) {
    case 'opening':
      return false;
    case 'discovery':
      return (
        Object.values(draft.discoveryAnswers).some(filled) || draft.motives.length > 0 || filled(draft.needs)
      );
    case 'reformulation':
      return (
        draft.reformulation.confirmed || (draft.reformulation.edited && filled(draft.reformulation.text))
      );
    case 'argumentation':
      return draft.argumentsPresented.length > 0;
    case 'objections':
      return draft.objections.length > 0;
    case 'price':
      return draft.price.announced;
    case 'closing':
      return draft.closingId !== null || draft.orderIds.length > 0;
    default:
      return missingCaseError(step);
  }
}

/**
 * How the rail shows a step: the one on screen is current; one where something was recorded is
 * done; one the rep passed beyond (left, skipped, or jumped over to a later step, or every step
 * once the report is open) without recording anything is skipped; the rest is still to do.
 */
export function stepState(draft: VisitDraft, step: VisitStep): StepState {
  if (step === draft.currentStep && !draft.reporting) return 'current';
  if (stepRecorded(draft, step)) return 'done';
  const passed =
    draft.reporting ||
    draft.skippedSteps.includes(step) ||
    draft.visitedSteps.includes(step) ||
    visitSteps.indexOf(step) < visitSteps.indexOf(reachedStepOf(draft));
  return passed ? 'skipped' : 'todo';
}

/** The furthest step of the interview the visit went through (visited, or where it is now). */
export function reachedStepOf(draft: Pick<VisitDraft, 'currentStep' | 'visitedSteps'>): VisitStep {
  let furthest = visitSteps.indexOf(draft.currentStep);
  for (const step of draft.visitedSteps) furthest = Math.max(furthest, visitSteps.indexOf(step));
  return visitSteps[furthest] ?? draft.currentStep;
}
