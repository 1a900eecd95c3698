/**
 * Marketing data (données marketing): what we did towards the customer and how they reacted,
 * plus the visit and complaint summaries the customer file shows. The guided visit and the
 * complaint lifecycle extend these.
 */
import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { channelSchema } from '../contact/contact.js';
import { motiveSchema } from '../playbook/playbook.js';

export const actionKinds = [
  'visit',
  'call',
  'mailing',
  'promotion',
  'campaign',
  'complaint',
  'event',
] as const;
export const reactions = ['positive', 'neutral', 'negative', 'none'] as const;

export const marketingActionSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  kind: z.enum(actionKinds),
  at: isoDateTimeSchema,
  label: z.string().max(300),
  reaction: z.enum(reactions),
  version: z.number().int().nonnegative(),
});
export type MarketingAction = z.infer<typeof marketingActionSchema>;

/** The seven steps of the sales interview, in order. */
export const visitSteps = [
  'opening', // prise de contact
  'discovery', // découverte
  'reformulation', // reformulation
  'argumentation', // argumentation (CAP)
  'objections', // traitement des objections
  'price', // annonce du prix
  'closing', // conclusion
] as const;
export const visitStepSchema = z.enum(visitSteps);
export type VisitStep = z.infer<typeof visitStepSchema>;

export const visitOutcomes = ['order', 'follow-up', 'no-sale', 'not-met'] as const;
/** Why a visit ended without a sale. */
export const noSaleReasons = [
  'price',
  'competitor',
  'no-need',
  'timing',
  'budget',
  'decision-maker-absent',
  'stock',
  'other',
] as const;
export const noSaleReasonSchema = z.enum(noSaleReasons);
export type NoSaleReason = z.infer<typeof noSaleReasonSchema>;

export const visitObjectionSchema = z.object({ text: z.string(), lifted: z.boolean() });
export type VisitObjection = z.infer<typeof visitObjectionSchema>;
/**
 * A visit as head office holds it: imported history (outcome, objections, summary only) or a
 * visit report from the guided visit (every field). The report's fields default to empty so an
 * imported visit and a reported one share one shape.
 */
export const visitSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  repId: uuidSchema,
  at: isoDateTimeSchema,
  channel: channelSchema,
  outcome: z.enum(visitOutcomes),
  /** Objections heard, for the next brief. */
  objections: z.array(visitObjectionSchema),
  summary: z.string().max(10_000),
  /** The appointment the visit was held for, if any. */
  appointmentId: uuidSchema.nullable().default(null),
  noSaleReason: noSaleReasonSchema.nullable().default(null),
  /** The follow-up appointment the report created (outcome 'follow-up'). */
  followUpAppointmentId: uuidSchema.nullable().default(null),
  needs: z.array(z.string().max(2_000)).default([]),
  motives: z.array(motiveSchema).default([]),
  offered: z.array(z.string().max(1_000)).default([]),
  orderIds: z.array(uuidSchema).default([]),
  /** What was agreed for next time: the next brief shows it. */
  nextStep: z.string().max(2_000).default(''),
  /** What the rep typed along the visit's steps (step notes, their own reformulation). */
  notes: z.string().max(40_000).default(''),
  /** The furthest step of the sales interview the visit reached; null when unknown or not met. */
  reachedStep: visitStepSchema.nullable().default(null),
  /** The closing technique used: the playbook's id, and its name at the time. */
  closingId: z.string().max(60).nullable().default(null),
  closingName: z.string().max(120).nullable().default(null),
  /** The product families the visit was about (arguments presented, products ordered). */
  families: z.array(z.string().max(100)).max(50).default([]),
  version: z.number().int().nonnegative(),
});
export type Visit = z.infer<typeof visitSchema>;

/** The report fields of a visit that has none (imported history, seeded demo data). */
export const noReportFields = {
  appointmentId: null,
  noSaleReason: null,
  followUpAppointmentId: null,
  needs: [],
  motives: [],
  offered: [],
  orderIds: [],
  nextStep: '',
  notes: '',
  reachedStep: null,
  closingId: null,
  closingName: null,
  families: [],
} as const satisfies Partial<Visit>;

export const complaintStatuses = ['received', 'acknowledged', 'in-progress', 'resolved', 'closed'] as const;
export const complaintSeverities = ['low', 'medium', 'high'] as const;
export const complaintSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  orderId: uuidSchema.nullable(),
  productId: uuidSchema.nullable(),
  category: z.string().max(100),
  description: z.string().max(10_000),
  severity: z.enum(complaintSeverities),
  status: z.enum(complaintStatuses),
  createdAt: isoDateTimeSchema,
  version: z.number().int().nonnegative(),
});
export type Complaint = z.infer<typeof complaintSchema>;
