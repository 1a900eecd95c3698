import type { AppointmentEditable } from '../../../shared/domain/appointment/appointment.js';
import { ok } from '../../../shared/lib/result.js';
import type { Result } from '../../../shared/lib/result.js';
import type { Tx } from '../../db/types.js';
import type { MutationAudit, MutationContext, ServerMutationsOf } from '../../lib/mutations.js';
import { createAppointment, updateAppointment } from './repo.js';

async function change(
  tx: Tx,
  args: { id: string; baseVersion: number },
  changes: Partial<AppointmentEditable>,
  { user, clientId, now }: MutationContext,
): Promise<Result<MutationAudit>> {
  const updated = await updateAppointment(tx, {
    id: args.id,
    changes,
    baseVersion: args.baseVersion,
    writer: user,
    clientId,
    now,
  });
  if (!updated.ok) return updated;
  return ok({ entity: 'appointment', entityId: args.id, details: { fields: Object.keys(changes) } });
}

export const appointmentMutations = {
  'appointment-create': {
    async apply(tx, args, { user, now }) {
      // No refusal for a start in the past: a rep offline for days pushes late.
      const created = await createAppointment(tx, {
        appointment: args,
        repId: user.id,
        writer: user,
        setByManagerName: null,
        now,
      });
      if (!created.ok) return created;
      return ok({ entity: 'appointment', entityId: args.id });
    },
  },
  'appointment-update': {
    apply: (tx, args, ctx) => change(tx, args, args.changes, ctx),
  },
  'appointment-cancel': {
    apply: (tx, args, ctx) => change(tx, args, { status: 'cancelled' }, ctx),
  },
} satisfies ServerMutationsOf<'appointment-create' | 'appointment-update' | 'appointment-cancel'>;
