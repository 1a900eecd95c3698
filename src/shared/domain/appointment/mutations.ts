import { z } from 'zod';
import { uuidSchema } from '../../lib/ids.js';
import { mutation } from '../../sync/mutation.js';
import { appointmentChangesSchema, newAppointmentSchema } from './appointment.js';

export const appointmentMutations = {
  /** A new appointment planned by the rep (the id is made on the laptop). */
  'appointment-create': mutation({
    args: newAppointmentSchema,
    label: 'agenda.sync.appointment-create',
    refusedDetail: ({ startAt, durationMinutes, kind, objective, notes }) =>
      JSON.stringify({ startAt, durationMinutes, kind, objective, notes }),
  }),
  /** A move or an edit: each field merged on its own, last writer wins (see policy.ts). */
  'appointment-update': mutation({
    args: z.object({
      id: uuidSchema,
      baseVersion: z.number().int().nonnegative(),
      changes: appointmentChangesSchema,
    }),
    label: 'agenda.sync.appointment-update',
    refusedDetail: (args) => JSON.stringify(args.changes),
  }),
  /**
   * A cancellation: its own mutation (a clear intent in the outbox and in refusals), merged at
   * head office as a last-writer-wins write of `status: 'cancelled'`.
   */
  'appointment-cancel': mutation({
    args: z.object({
      id: uuidSchema,
      baseVersion: z.number().int().nonnegative(),
    }),
    label: 'agenda.sync.appointment-cancel',
    refusedDetail: () => JSON.stringify({ status: 'cancelled' }),
  }),
};
