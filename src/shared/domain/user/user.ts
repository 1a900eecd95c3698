import { z } from 'zod';
import { uuidSchema } from '../../lib/ids.js';

export const roles = ['rep', 'manager', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const locales = ['fr', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const userSchema = z.object({
  id: uuidSchema,
  email: z.email(),
  name: z.string().min(1),
  role: roleSchema,
  teamId: uuidSchema.nullable(),
  locale: localeSchema,
  timeZone: z.string().min(1),
  /** The largest discount (basis points) the rep gives without approval; head office default 1000. */
  maxDiscountBp: z.number().int().min(0).max(10_000).optional(),
});
export type User = z.infer<typeof userSchema>;
