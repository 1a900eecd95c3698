/**
 * Head-office visit methods: the visit reports a user may read (a rep their own, a manager their
 * team's, an admin all), for the team review. Reps write visits through the `visit-log` mutation.
 */
import { z } from 'zod';
import { visitOutcomes, visitSchema } from '../domain/activity/activity.js';
import { uuidSchema } from '../lib/ids.js';

export const visitReviewSchema = visitSchema.extend({
  customerName: z.string(),
  repName: z.string(),
});
export type VisitReview = z.infer<typeof visitReviewSchema>;

export const visitsContract = {
  /** Visits newest first; reports only (`reported`) leaves out imported history. */
  'visit-list': {
    input: z.object({
      repId: uuidSchema.optional(),
      customerId: uuidSchema.optional(),
      outcome: z.enum(visitOutcomes).optional(),
      reported: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ visits: z.array(visitReviewSchema) }),
  },
} as const;
