/** A visit report applied on this laptop (`logVisit` in endVisit.ts queues it). */
import { visitOfLog } from '../../../shared/domain/visit/mutations.js';
import type { ClientMutationsOf } from '../../sync/mutation.js';

export const visitMutations = {
  'visit-log': {
    async applyLocal(db, entry, ctx) {
      const args = entry.args;
      const existing = await db.visits.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      // 0 = not at head office yet ("saved on this laptop").
      await db.visits.put({ ...visitOfLog(args, ctx.userId), version: 0 });
      if (args.appointmentId !== null) {
        // The same rule as head office: only this customer's appointment, only while planned.
        const appointment = await db.appointments.get(args.appointmentId);
        if (appointment?.status === 'planned' && appointment.customerId === args.customerId)
          await db.appointments.put({ ...appointment, status: 'done' });
      }
    },
    creates: { visits: (args) => [args.id] },
  },
} satisfies ClientMutationsOf<'visit-log'>;
