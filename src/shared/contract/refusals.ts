/**
 * Refused work at head office (decision 0021): what a laptop pushed and head office refused,
 * kept with its content so the rep's manager can read it, re-apply a note or a visit report the
 * customer's move had refused, or dismiss it with a reason. The rep sees what was done at the
 * next sync.
 */
import { z } from 'zod';
import { uuidSchema, isoDateTimeSchema } from '../lib/ids.js';
import { appErrorSchema, errorCodes } from '../lib/result.js';
import { MAX_REFUSAL_REASON, refusalHandledSchema } from '../sync/records.js';
import { refusalSummarySchema } from '../sync/refusals.js';

export const refusalSchema = z.object({
  /** The refused mutation's id (the refusal the rep's laptop holds). */
  id: uuidSchema,
  repId: uuidSchema,
  repName: z.string(),
  at: isoDateTimeSchema,
  /** The mutation's name: its kind (`note-add`, `order-create`…). */
  name: z.string(),
  code: z.enum(errorCodes),
  message: z.string(),
  key: appErrorSchema.shape.key,
  params: appErrorSchema.shape.params,
  /** The customer it was about, only when the caller may know it (absent otherwise). */
  customerName: z.string().optional(),
  summary: refusalSummarySchema,
  /** Whether the caller may re-apply it now (a manager or admin, open, a note or report refused by a move). */
  reapplicable: z.boolean(),
  handled: refusalHandledSchema.optional(),
});
export type Refusal = z.infer<typeof refusalSchema>;

export const refusalStatuses = ['open', 'handled', 'all'] as const;
export type RefusalStatus = (typeof refusalStatuses)[number];

export const refusalsContract = {
  /**
   * Refused work a user may see (a rep their own, a manager their team's reps', an admin all),
   * newest first. Asking for a rep outside one's scope returns nothing.
   */
  'refusal-list': {
    input: z.object({
      repId: uuidSchema.optional(),
      status: z.enum(refusalStatuses).default('all'),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.object({ refusals: z.array(refusalSchema) }),
  },
  /** Stores a refused note or visit report at head office on its rep's behalf; once. */
  'refusal-reapply': {
    input: z.object({ id: uuidSchema }),
    output: z.object({ refusal: refusalSchema }),
  },
  /** Sets refused work aside with a reason (kept, never deleted); once. */
  'refusal-dismiss': {
    input: z.object({ id: uuidSchema, reason: z.string().trim().min(1).max(MAX_REFUSAL_REASON) }),
    output: z.object({ refusal: refusalSchema }),
  },
} as const;
