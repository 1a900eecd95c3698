/** Head-office reads and edits (admin and manager screens, CLI, tests). */
import { z } from 'zod';
import {
  customerChangesSchema,
  customerEditableSchema,
  customerSchema,
} from '../domain/customer/customer.js';
import { noteSchema } from '../domain/note/note.js';
import { uuidSchema } from '../lib/ids.js';

export const customersContract = {
  'customer-list': {
    input: z.object({
      ownerId: uuidSchema.optional(),
      query: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({ customers: z.array(customerSchema) }),
  },
  'customer-get': {
    input: z.object({ id: uuidSchema }),
    output: z.object({ customer: customerSchema, notes: z.array(noteSchema) }),
  },
  'customer-create': {
    // Fields left out take `customerEditableDefaults`.
    input: customerEditableSchema
      .partial()
      .required({ name: true, status: true })
      .extend({ id: uuidSchema, ownerId: uuidSchema.nullable() }),
    output: z.object({ customer: customerSchema }),
  },
  'customer-update': {
    input: z.object({
      id: uuidSchema,
      changes: customerChangesSchema,
      baseVersion: z.number().int().nonnegative().optional(),
    }),
    output: z.object({ customer: customerSchema }),
  },
  'customer-assign': {
    input: z.object({ id: uuidSchema, ownerId: uuidSchema.nullable() }),
    output: z.object({ customer: customerSchema }),
  },
  'customer-delete': {
    input: z.object({ id: uuidSchema }),
    output: z.object({ deleted: z.boolean() }),
  },
} as const;
