import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

export const appointmentKinds = ['visit', 'call'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];
export const appointmentStatuses = ['planned', 'done', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Bounds a person may type (the validator and head office refuse anything outside them). */
export const minAppointmentMinutes = 5;
export const maxAppointmentMinutes = 12 * 60;

export const appointmentSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  contactId: uuidSchema.nullable(),
  repId: uuidSchema,
  kind: z.enum(appointmentKinds),
  startAt: isoDateTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  objective: z.string().max(500),
  notes: z.string().max(5000),
  status: z.enum(appointmentStatuses),
  /** Set when a manager (not the rep) created it. */
  setByManagerName: z.string().nullable(),
  /** Server row version; 0 on a laptop for an appointment head office has not received yet. */
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;

/**
 * The fields of an appointment that change after creation, each merged on its own
 * (last writer wins per field in server order; a stale base logs the loser as a conflict).
 * `status` is written by a cancellation.
 */
export const appointmentEditableFields = [
  'startAt',
  'durationMinutes',
  'kind',
  'contactId',
  'objective',
  'notes',
  'status',
] as const;
export type AppointmentEditableField = (typeof appointmentEditableFields)[number];
export type AppointmentEditable = Pick<Appointment, AppointmentEditableField>;

/**
 * What a mutation or a head-office call may carry. Wire bounds are those of the stored row
 * (anything a laptop could have saved must parse, or the push queue would block); the tighter
 * bounds a person may type are checked by `checkAppointment` and re-checked by head office as a
 * business refusal.
 */
const appointmentInputShape = {
  contactId: uuidSchema.nullable(),
  kind: z.enum(appointmentKinds),
  startAt: isoDateTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  objective: z.string().trim().max(500),
  notes: z.string().trim().max(5000),
};

export const appointmentChangesSchema = z
  .object(appointmentInputShape)
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'at least one field must change');
export type AppointmentChanges = z.infer<typeof appointmentChangesSchema>;

/** A new appointment, as the rep's laptop or a manager sends it. */
export const newAppointmentSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  ...appointmentInputShape,
});
export type NewAppointment = z.infer<typeof newAppointmentSchema>;

/** The end of an appointment, in epoch milliseconds. */
export function appointmentEndMs(a: Pick<Appointment, 'startAt' | 'durationMinutes'>): number {
  return Date.parse(a.startAt) + a.durationMinutes * 60_000;
}
