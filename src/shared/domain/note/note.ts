import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

export const noteBodySchema = z.string().trim().min(1, 'note is empty').max(10_000);

export const noteSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  authorId: uuidSchema,
  authorName: z.string(),
  body: noteBodySchema,
  /** When the rep wrote it (client clock, display only; never used for ordering). */
  createdAt: isoDateTimeSchema,
  /** When head office received it; null while only on the laptop. */
  receivedAt: isoDateTimeSchema.nullable(),
});
export type Note = z.infer<typeof noteSchema>;
