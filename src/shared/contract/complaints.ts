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
  complaintNoteSchema,
} from '../domain/complaint/complaint.js';
import { complaintStatuses } from '../domain/activity/activity.js';
import { uuidSchema } from '../lib/ids.js';

export const complaintsContract = {
  'complaint-update-status': {
    input: z.object({
      complaintId: uuidSchema,
      /** The next status (the current one for a note only). */
      status: z.enum(complaintStatuses),
      note: complaintNoteSchema.default(''),
    }),
    output: z.object({ complaint: complaintSchema, event: complaintEventSchema }),
  },
  /** The content of one photo or file, for whoever may see its complaint. */
  'complaint-attachment-get': {
    input: z.object({ id: uuidSchema }),
    output: z.object({ attachment: complaintAttachmentSchema, contentBase64: z.string() }),
  },
} as const;
