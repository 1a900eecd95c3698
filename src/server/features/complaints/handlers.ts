/** Head-office complaint methods: a manager moves their team's complaints along, an admin any. */
import { v7 as uuidv7 } from 'uuid';
import type { Handlers } from '../../dispatch.js';
import { auditedWrite } from '../../lib/audit.js';
import { ok } from '../../../shared/lib/result.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { addComplaintEvent, listComplaints, readAttachmentContent } from './repo.js';

export const complaintHandlers = {
  'complaint-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      return ok({ complaints: await listComplaints(ctx.db, ctx.principal.user, input) });
    },
  },
  'complaint-update-status': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      return auditedWrite(
        ctx,
        {
          method: 'complaint-update-status',
          entity: 'complaint',
          entityId: input.complaintId,
          details: { status: input.status },
        },
        (tx, now) =>
          addComplaintEvent(tx, {
            event: {
              id: uuidv7(),
              complaintId: input.complaintId,
              status: input.status,
              note: input.note,
              at: now.toISOString(),
              ...(input.satisfaction === undefined ? {} : { satisfaction: input.satisfaction }),
            },
            writer: ctx.principal.user,
            now,
          }),
      );
    },
  },
  'complaint-attachment-get': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const read = await readAttachmentContent(ctx.db, ctx.principal.user, input.id);
      if (!read.ok) return read;
      return ok({
        attachment: read.value.attachment,
        contentBase64: Buffer.from(read.value.content).toString('base64'),
      });
    },
  },
} satisfies Pick<Handlers, 'complaint-list' | 'complaint-update-status' | 'complaint-attachment-get'>;
