/**
 * Head-office complaint methods: the manager of the rep's team (or an admin) moves a complaint
 * along its lifecycle with a note. Reps log complaints and add notes through sync mutations
 * (complaint-log, complaint-event), checked by the same lifecycle.
 */
import { z } from 'zod';
import { complaintSchema } from '../domain/activity/activity.js';
import {
  complaintAttachmentSchema,
  complaintEventSchema,
  satisfactionSchema,
  complaintNoteSchema,
} from '../domain/complaint/complaint.js';
import { complaintStatuses } from '../domain/activity/activity.js';
import { uuidSchema } from '../lib/ids.js';

/** One complaint as head office's review lists it: its customer, rep, history and files. */
export const complaintReviewSchema = z.object({
  complaint: complaintSchema,
  customerName: z.string(),
  /** The rep whose portfolio holds the customer (null: no owner). */
  repId: uuidSchema.nullable(),
  repName: z.string().nullable(),
  /** Oldest first. */
  events: z.array(complaintEventSchema),
  /** Metadata only; the content through `complaint-attachment-get`. */
  attachments: z.array(complaintAttachmentSchema),
});
export type ComplaintReview = z.infer<typeof complaintReviewSchema>;

export const complaintsContract = {
  /**
   * Complaints a user may see (a rep their portfolio's, a manager their team's, an admin all),
   * newest first, with their customer, events and attachment metadata.
   */
  'complaint-list': {
    input: z.object({
      status: z.array(z.enum(complaintStatuses)).max(complaintStatuses.length).optional(),
      customerId: uuidSchema.optional(),
      repId: uuidSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ complaints: z.array(complaintReviewSchema) }),
  },
  'complaint-update-status': {
    input: z.object({
      complaintId: uuidSchema,
      /** The next status (the current one for a note only). */
      status: z.enum(complaintStatuses),
      note: complaintNoteSchema.default(''),
      /** The customer's satisfaction, 1–5, only with the move to "resolved". */
      satisfaction: satisfactionSchema.optional(),
    }),
    output: z.object({ complaint: complaintSchema, event: complaintEventSchema }),
  },
  /** The content of one photo or file, for whoever may see its complaint. */
  'complaint-attachment-get': {
    input: z.object({ id: uuidSchema }),
    output: z.object({ attachment: complaintAttachmentSchema, contentBase64: z.string() }),
  },
} as const;
