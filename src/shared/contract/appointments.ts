/**
 * Head-office appointment methods: a manager sets or moves appointments for the reps of their
 * team (an admin for anyone). Reps plan their own through sync mutations (appointment-create,
 * appointment-update, appointment-cancel), merged with these by the same per-field policy.
 */
import { z } from 'zod';
import {
  appointmentChangesSchema,
  appointmentSchema,
  newAppointmentSchema,
} from '../domain/appointment/appointment.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

export const appointmentsContract = {
  'appointment-list': {
    input: z.object({
      repId: uuidSchema.optional(),
      customerId: uuidSchema.optional(),
      /** Appointments starting at or after this instant. */
      from: isoDateTimeSchema.optional(),
      /** Appointments starting before this instant. */
      to: isoDateTimeSchema.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ appointments: z.array(appointmentSchema) }),
  },
  /** A new appointment for a rep, marked as set by the calling manager. */
  'appointment-set': {
    input: newAppointmentSchema.extend({ repId: uuidSchema }),
    output: z.object({ appointment: appointmentSchema }),
  },
  /** A move or an edit; without `baseVersion` the caller saw the current row. */
  'appointment-update': {
    input: z.object({
      id: uuidSchema,
      baseVersion: z.number().int().nonnegative().optional(),
      changes: appointmentChangesSchema,
    }),
    output: z.object({ appointment: appointmentSchema }),
  },
  'appointment-cancel': {
    input: z.object({ id: uuidSchema, baseVersion: z.number().int().nonnegative().optional() }),
    output: z.object({ appointment: appointmentSchema }),
  },
} as const;
