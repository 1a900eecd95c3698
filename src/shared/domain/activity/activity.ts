/**
 * Marketing data (données marketing): what we did towards the customer and how they reacted,
 * plus the visit and complaint summaries the customer file shows. The guided visit and the
 * complaint lifecycle (issue 6) extend these.
 */
import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { channelSchema } from '../contact/contact.js';

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

export const visitOutcomes = ['order', 'follow-up', 'no-sale', 'not-met'] as const;
export const visitObjectionSchema = z.object({ text: z.string(), lifted: z.boolean() });
export type VisitObjection = z.infer<typeof visitObjectionSchema>;
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
  version: z.number().int().nonnegative(),
});
export type Visit = z.infer<typeof visitSchema>;

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
