import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

export const appointmentKinds = ['visit', 'call'] as const;
export const appointmentStatuses = ['planned', 'done', 'cancelled'] as const;

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
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;
