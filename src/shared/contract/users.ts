/** User administration (head-office CLI and admin screens). */
import { z } from 'zod';
import { localeSchema, roleSchema, userSchema } from '../domain/user/user.js';
import { uuidSchema } from '../lib/ids.js';

export const usersContract = {
  'user-list': {
    input: z.object({}),
    output: z.object({ users: z.array(userSchema) }),
  },
  'user-create': {
    input: z.object({
      id: uuidSchema,
      email: z.email().max(200),
      name: z.string().trim().min(1).max(200),
      role: roleSchema,
      teamId: uuidSchema.nullable(),
      password: z.string().min(8).max(500),
      locale: localeSchema.default('fr'),
      timeZone: z.string().min(1).max(100).default('Europe/Paris'),
    }),
    output: z.object({ user: userSchema }),
  },
} as const;
