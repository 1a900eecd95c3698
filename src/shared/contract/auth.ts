import { z } from 'zod';
import { localeSchema, userSchema } from '../domain/user/user.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';

/**
 * `cookie`: web mode, the token is set as an HttpOnly cookie and never reaches script.
 * `body`: Electron main and the CLI, which keep the token themselves (safeStorage).
 */
export const tokenDeliverySchema = z.enum(['cookie', 'body']);

const sessionOut = z.object({
  user: userSchema,
  sessionId: uuidSchema,
  expiresAt: isoDateTimeSchema,
  token: z.string().optional(),
});

export const sessionSchema = z.object({
  id: uuidSchema,
  userId: uuidSchema,
  deviceName: z.string(),
  createdAt: isoDateTimeSchema,
  lastSeenAt: isoDateTimeSchema.nullable(),
  expiresAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
  current: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const authContract = {
  'auth-login': {
    input: z.object({
      email: z.email().max(200),
      password: z.string().min(1).max(500),
      deviceName: z.string().trim().min(1).max(100),
      tokenDelivery: tokenDeliverySchema,
    }),
    output: sessionOut,
  },
  'auth-redeem-link': {
    input: z.object({
      code: z.string().min(20).max(200),
      deviceName: z.string().trim().min(1).max(100),
      tokenDelivery: tokenDeliverySchema,
    }),
    output: sessionOut,
  },
  'auth-logout': { input: z.object({}), output: z.object({}) },
  'auth-me': { input: z.object({}), output: z.object({ user: userSchema, sessionId: uuidSchema }) },
  'auth-sessions': {
    input: z.object({ userId: uuidSchema.optional() }),
    output: z.object({ sessions: z.array(sessionSchema) }),
  },
  'auth-revoke': {
    input: z.object({ sessionId: uuidSchema }),
    output: z.object({ revoked: z.boolean() }),
  },
  'user-set-locale': {
    input: z.object({ locale: localeSchema }),
    output: z.object({ user: userSchema }),
  },
} as const;
