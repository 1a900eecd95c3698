import { ok } from '../../../shared/lib/result.js';
import type { ServerMutationsOf } from '../../lib/mutations.js';
import { addAttachment, addComplaintEvent, logComplaint } from './repo.js';

export const complaintMutations = {
  'complaint-log': {
    async apply(tx, args, { user, now }) {
      const logged = await logComplaint(tx, { complaint: args, writer: user, now });
      if (!logged.ok) return logged;
      return ok({ entity: 'complaint', entityId: args.id });
    },
  },
  'complaint-event': {
    async apply(tx, args, { user, now }) {
      const added = await addComplaintEvent(tx, { event: args, writer: user, now });
      if (!added.ok) return added;
      return ok({ entity: 'complaint', entityId: args.complaintId, details: { status: args.status } });
    },
  },
  'attachment-add': {
    async apply(tx, args, { user, now }) {
      const added = await addAttachment(tx, { attachment: args, writer: user, now });
      if (!added.ok) return added;
      return ok({
        entity: 'complaint',
        entityId: args.complaintId,
        details: { attachmentId: args.id, sizeBytes: args.sizeBytes },
      });
    },
  },
} satisfies ServerMutationsOf<'complaint-log' | 'complaint-event' | 'attachment-add'>;
