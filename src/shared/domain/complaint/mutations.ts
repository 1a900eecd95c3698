import { mutation } from '../../sync/mutation.js';
import { attachmentAddSchema, complaintEventInputSchema, newComplaintSchema } from './complaint.js';

export const complaintMutations = {
  /** A complaint logged by the rep (ids made on the laptop), with its first event 'received'. */
  'complaint-log': mutation({
    args: newComplaintSchema,
    label: 'complaints.sync.complaint-log',
    refusedDetail: (args) => args.description,
  }),
  /** A status change or a note on a complaint, checked at head office against its current status. */
  'complaint-event': mutation({
    args: complaintEventInputSchema,
    label: 'complaints.sync.complaint-event',
    refusedDetail: (args) => (args.note === '' ? args.status : args.note),
  }),
  /** A photo or file of a complaint, its content in base64 (≤ 5 MB, ≤ 5 per complaint). */
  'attachment-add': mutation({
    args: attachmentAddSchema,
    label: 'complaints.sync.attachment-add',
    refusedDetail: (args) => args.fileName,
  }),
};
