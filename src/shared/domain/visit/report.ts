/**
 * The visit report ("compte rendu de visite"): drafted from what the rep noted step by step in
 * the guided visit, edited by the rep, then saved with the outcome of the visit. Pure: the
 * screen and the sync live elsewhere.
 */
import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { noSaleReasonSchema, visitOutcomes, visitStepSchema } from '../activity/activity.js';
import { motiveSchema, type Motive, type Playbook } from '../playbook/playbook.js';
import { visitSteps, type VisitDraft, type VisitStep } from './draft.js';

export { noSaleReasons, noSaleReasonSchema, type NoSaleReason } from '../activity/activity.js';

export const visitOutcomeSchema = z.enum(visitOutcomes);
export type VisitOutcome = z.infer<typeof visitOutcomeSchema>;

export const reportSummaryMax = 10_000;
export const reportNotesMax = 40_000;

export const visitReportSchema = z
  .object({
    outcome: visitOutcomeSchema,
    noSaleReason: noSaleReasonSchema.optional(),
    followUp: z
      .object({
        startAt: isoDateTimeSchema,
        objective: z.string().trim().max(500),
      })
      .optional(),
    orderIds: z.array(uuidSchema),
    needs: z.array(z.string().trim().min(1).max(2_000)),
    motives: z.array(motiveSchema),
    objections: z.array(z.object({ text: z.string().trim().min(1).max(1_000), lifted: z.boolean() })),
    offered: z.array(z.string().trim().min(1).max(1_000)),
    nextStep: z.string().max(2_000),
    summary: z.string().max(reportSummaryMax, `summary: at most ${reportSummaryMax} characters`),
    /** What the rep typed along the steps (step notes, their own reformulation). */
    notes: z.string().max(reportNotesMax, `notes: at most ${reportNotesMax} characters`).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'no-sale' && r.noSaleReason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['noSaleReason'],
        message: 'noSaleReason: a reason is required when there was no sale',
      });
    if (r.outcome !== 'no-sale' && r.noSaleReason !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['noSaleReason'],
        message: 'noSaleReason: only for a visit without a sale',
      });
    if (r.outcome === 'follow-up' && r.followUp === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['followUp'],
        message: 'followUp: a date is required for a follow-up appointment',
      });
    if (r.outcome !== 'follow-up' && r.outcome !== 'order' && r.followUp !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['followUp'],
        message: 'followUp: only for a follow-up appointment or with an order',
      });
    if (r.outcome === 'order' && r.orderIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['orderIds'],
        message: 'orderIds: at least one order is required when the outcome is an order',
      });
    if (r.outcome !== 'order' && r.orderIds.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['orderIds'],
        message: 'orderIds: orders only go with the outcome "order"',
      });
  });
export type VisitReport = z.infer<typeof visitReportSchema>;

/** A report being edited: the outcome may still be unchosen. */
export type VisitReportDraft = Omit<VisitReport, 'outcome'> & { outcome: VisitOutcome | undefined };

type ReportLocale = 'fr' | 'en';

const frames: Record<
  ReportLocale,
  {
    needs: string;
    motives: string;
    objections: string;
    offered: string;
    order: string;
    nothing: string;
    lifted: string;
    notLifted: string;
    separator: string;
    quote: (s: string) => string;
    motiveLabels: Record<Motive, string>;
    stepLabels: Record<VisitStep, string>;
    colon: string;
  }
> = {
  fr: {
    needs: 'Besoins : ',
    motives: 'Motivations : ',
    objections: 'Objections : ',
    offered: 'Proposé : ',
    order: 'Commande prise.',
    nothing: 'Rien de noté.',
    lifted: 'levée',
    notLifted: 'non levée',
    separator: ' ; ',
    quote: (s) => `« ${s} »`,
    colon: ' : ',
    stepLabels: {
      opening: 'Prise de contact',
      discovery: 'Découverte',
      reformulation: 'Reformulation',
      argumentation: 'Argumentation',
      objections: 'Traitement des objections',
      price: 'Annonce du prix',
      closing: 'Conclusion',
    },
    motiveLabels: {
      security: 'Sécurité',
      pride: 'Orgueil',
      novelty: 'Nouveauté',
      comfort: 'Confort',
      money: 'Argent',
      sympathy: 'Sympathie',
    },
  },
  en: {
    needs: 'Needs: ',
    motives: 'Motives: ',
    objections: 'Objections: ',
    offered: 'Offered: ',
    order: 'Order taken.',
    nothing: 'Nothing noted.',
    lifted: 'lifted',
    notLifted: 'not lifted',
    separator: '; ',
    quote: (s) => `“${s}”`,
    colon: ': ',
    stepLabels: {
      opening: 'Opening',
      discovery: 'Discovery',
      reformulation: 'Reformulation',
      argumentation: 'Argumentation',
      objections: 'Objections',
      price: 'Price',
      closing: 'Closing',
    },
    motiveLabels: {
      security: 'Security',
      pride: 'Pride',
      novelty: 'Novelty',
      comfort: 'Comfort',
      money: 'Money',
      sympathy: 'Sympathy',
    },
  },
};

/** One clean item: bullets and trailing punctuation removed, inner whitespace collapsed. */
function clean(s: string): string {
  return s
    .replace(/^[-–•*\s]+/, '')
    .replace(/\s+/g, ' ')
    .replace(/[.;,\s]+$/, '')
    .trim();
}

function lines(s: string | undefined): string[] {
  return (s ?? '').split('\n').map(clean);
}

/**
 * The needs: the lines of the needs field, then the discovery answers (in the playbook's
 * question order, then any unknown question id in id order), then the discovery notes; empty
 * ones dropped, duplicates kept once.
 */
function draftNeeds(draft: VisitDraft, playbook: Playbook): string[] {
  const known = playbook.discovery.flatMap((t) => t.questions.map((q) => q.id));
  const others = Object.keys(draft.discoveryAnswers)
    .filter((id) => !known.includes(id))
    .sort();
  const answers = [...known, ...others].map((id) => clean(draft.discoveryAnswers[id] ?? ''));
  const all = [...lines(draft.needs), ...answers, ...lines(draft.notes.discovery)];
  return [...new Set(all.filter((s) => s !== ''))];
}

/**
 * Everything typed along the steps that the lists above do not carry, so that ending the visit
 * loses nothing: each step's free notes (discovery's are already in the needs) and the
 * reformulation when the rep rewrote it, one paragraph per step in step order.
 */
function draftNotes(draft: VisitDraft, locale: ReportLocale): string {
  const f = frames[locale];
  const paragraphs: string[] = [];
  for (const step of visitSteps) {
    if (step === 'discovery') continue;
    if (step === 'reformulation' && draft.reformulation.edited && draft.reformulation.text.trim() !== '')
      paragraphs.push(`${f.stepLabels.reformulation}${f.colon}${draft.reformulation.text.trim()}`);
    const note = (draft.notes[step] ?? '').trim();
    if (note !== '') paragraphs.push(`${f.stepLabels[step]}${f.colon}${note}`);
  }
  const text = paragraphs.join('\n\n');
  return text.length > reportNotesMax ? text.slice(0, reportNotesMax) : text;
}

/** The arguments presented, as their playbook wording ("family: feature"); unknown ids dropped. */
function draftOffered(draft: VisitDraft, playbook: Playbook): string[] {
  return draft.argumentsPresented.flatMap((id) => {
    const a = playbook.arguments.find((x) => x.id === id);
    return a ? [`${a.family} : ${clean(a.feature)}`] : [];
  });
}

/**
 * What the visit did besides the interview, as the screen words it in the locale (amounts
 * through Intl): one sentence per order taken (number, amount, lines) and one for the
 * complaints logged during the visit.
 */
export interface VisitFacts {
  orders: readonly string[];
  complaints: readonly string[];
}

export const noVisitFacts: VisitFacts = { orders: [], complaints: [] };

/**
 * A short, factual paragraph of the report in the locale: the orders as `facts` word them (a
 * bare "order taken" when they are not known), then the complaints logged.
 */
export function reportSummary(
  report: Pick<VisitReport, 'needs' | 'motives' | 'objections' | 'offered' | 'orderIds'>,
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): string {
  const f = frames[locale];
  const sentences: string[] = [];
  if (report.needs.length > 0) sentences.push(`${f.needs}${report.needs.join(f.separator)}.`);
  if (report.motives.length > 0)
    sentences.push(`${f.motives}${report.motives.map((m) => f.motiveLabels[m]).join(', ')}.`);
  if (report.objections.length > 0)
    sentences.push(
      `${f.objections}${report.objections
        .map((o) => `${f.quote(o.text)} (${o.lifted ? f.lifted : f.notLifted})`)
        .join(', ')}.`,
    );
  if (report.offered.length > 0) sentences.push(`${f.offered}${report.offered.join(f.separator)}.`);
  if (report.orderIds.length > 0) {
    if (facts.orders.length > 0) sentences.push(...facts.orders);
    else sentences.push(f.order);
  }
  sentences.push(...facts.complaints);
  const text = sentences.length > 0 ? sentences.join(' ') : f.nothing;
  return text.length > reportSummaryMax ? `${text.slice(0, reportSummaryMax - 1)}…` : text;
}

/**
 * The report pre-filled from the visit draft, for the rep to edit: the outcome is 'order' when
 * orders were taken, otherwise left for the rep to choose. Deterministic.
 */
export function draftVisitReport(
  draft: VisitDraft,
  playbook: Playbook,
  locale: ReportLocale,
  facts: VisitFacts = noVisitFacts,
): VisitReportDraft {
  const base = {
    orderIds: [...draft.orderIds],
    needs: draftNeeds(draft, playbook),
    motives: [...draft.motives],
    objections: draft.objections.map((o) => ({ text: o.text.trim(), lifted: o.lifted })),
    offered: draftOffered(draft, playbook),
  };
  return {
    outcome: draft.orderIds.length > 0 ? 'order' : undefined,
    ...base,
    nextStep: '',
    summary: reportSummary(base, locale, facts),
    notes: draftNotes(draft, locale),
  };
}

/**
 * The visit as the laptop sends it at the end (`visit-log`): the report, when and how the visit
 * took place, the appointment it was held for, and the follow-up appointment the report created
 * (queued before it as its own `appointment-create`). Its id is the visit draft's id.
 */
export const visitCourseSchema = z.object({
  reachedStep: visitStepSchema.nullable(),
  closingId: z.string().max(60).nullable(),
  closingName: z.string().max(120).nullable(),
  families: z.array(z.string().max(100)).max(50),
});
export type VisitCourse = z.infer<typeof visitCourseSchema>;

export const visitLogSchema = z
  .object({
    id: uuidSchema,
    customerId: uuidSchema,
    appointmentId: uuidSchema.nullable(),
    startedAt: isoDateTimeSchema,
    endedAt: isoDateTimeSchema,
    channel: z.enum(['visit', 'phone']),
    report: visitReportSchema,
    followUpAppointmentId: uuidSchema.nullable(),
    /**
     * How far the interview went, for the manager's "where visits fail": the furthest step
     * reached, the closing technique used, the product families talked about. Absent from
     * laptops older than this field: nothing known.
     */
    course: visitCourseSchema.default({
      reachedStep: null,
      closingId: null,
      closingName: null,
      families: [],
    }),
  })
  .superRefine((v, ctx) => {
    if ((v.report.followUp !== undefined) !== (v.followUpAppointmentId !== null))
      ctx.addIssue({
        code: 'custom',
        path: ['followUpAppointmentId'],
        message: 'followUpAppointmentId: required with a follow-up, and only then',
      });
    if (Date.parse(v.endedAt) < Date.parse(v.startedAt))
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'endedAt: before the start of the visit' });
  });
export type VisitLog = z.infer<typeof visitLogSchema>;

/** How a visit's outcome reads as the customer's reaction in the marketing data. */
export const outcomeReaction = {
  order: 'positive',
  'follow-up': 'positive',
  'no-sale': 'negative',
  'not-met': 'none',
} as const satisfies Record<VisitOutcome, 'positive' | 'neutral' | 'negative' | 'none'>;
