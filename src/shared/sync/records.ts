/** The sync's own rows, sent down like any entity: the conflict log and refused mutations. */
import { z } from 'zod';
import { appErrorSchema, errorCodes } from '../lib/result.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

/** What the rep's manager (or head office) did with a refused write (decision 0021). */
export const refusalHandlings = ['reapplied', 'dismissed'] as const;
export type RefusalHandling = (typeof refusalHandlings)[number];

/** Longest reason a manager gives when dismissing a refusal. */
export const MAX_REFUSAL_REASON = 500;

export const refusalHandledSchema = z.object({
  /** `reapplied`: head office stored it on the rep's behalf; `dismissed`: set aside, with a reason. */
  action: z.enum(refusalHandlings),
  byName: z.string(),
  at: isoDateTimeSchema,
  /** The dismissal's reason ('' for a re-application). */
  reason: z.string().max(MAX_REFUSAL_REASON),
});
export type RefusalHandled = z.infer<typeof refusalHandledSchema>;

/** A business rejection of a pushed mutation, pulled back so the rep sees it. */
export const mutationOutcomeSchema = z.object({
  id: uuidSchema, // the mutationId
  clientId: uuidSchema,
  mid: z.number().int().positive(),
  name: z.string(),
  code: z.enum(errorCodes),
  message: z.string(),
  /** The message's key and parameters; absent on refusals stored before keys (shown by code). */
  key: appErrorSchema.shape.key,
  params: appErrorSchema.shape.params,
  /** What was refused, in the rep's own words (a note's text), so nothing typed is lost. */
  detail: z.string(),
  /** The customer it was about, when this laptop once held them; absent otherwise. */
  customerName: z.string().optional(),
  at: isoDateTimeSchema,
  /** Set once the rep's manager re-applied or dismissed it at head office; absent while open. */
  handled: refusalHandledSchema.optional(),
});
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

/** Entities merged field by field whose losing values go to the conflict log. */
export const conflictEntities = ['customer', 'appointment'] as const;
export type ConflictEntity = (typeof conflictEntities)[number];

/** A losing value under last-writer-wins, kept so nobody's change disappears silently. */
export const conflictSchema = z.object({
  id: uuidSchema,
  entity: z.enum(conflictEntities),
  entityId: uuidSchema,
  entityLabel: z.string(),
  field: z.string(),
  lostValue: z.string(),
  keptValue: z.string(),
  lostBy: z.string(),
  keptBy: z.string(),
  at: isoDateTimeSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;
