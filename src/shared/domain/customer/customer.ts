import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

export const customerStatuses = ['prospect', 'customer', 'lost'] as const;
export const customerStatusSchema = z.enum(customerStatuses);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

/** The fields a rep or head office may edit (last writer wins per field). */
export const customerEditableSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().max(300),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'postcode must be 5 digits'),
  city: z.string().trim().max(120),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  status: customerStatusSchema,
});
export type CustomerEditable = z.infer<typeof customerEditableSchema>;
export const customerEditableFields = Object.keys(customerEditableSchema.shape) as (keyof CustomerEditable)[];

export const customerSchema = customerEditableSchema.extend({
  id: uuidSchema,
  ownerId: uuidSchema.nullable(),
  ownerName: z.string().nullable(),
  /** Server row version: increases on every change; sent back as baseVersion. */
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const customerChangesSchema = customerEditableSchema
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'at least one field must change');
export type CustomerChanges = z.infer<typeof customerChangesSchema>;
