/**
 * Expected failures are values. Bugs throw `Error` subclasses.
 * `code` is the stable class of failure; `key` and `params` name the exact message
 * (shared/lib/messages.ts), localised on the client (`server.<key>`, else `error.<code>`);
 * `message` is an English fallback for logs and the CLI.
 */
import { z } from 'zod';
import type { ServerMessage } from './messages.js';

export const errorCodes = [
  'bad-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'invalid-credentials',
  'too-many-attempts',
  'session-revoked',
  'session-expired',
  'client-forbidden',
  'mutation-gap',
  'app-outdated',
  'conflict',
  'unknown-method',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  field: z.string().optional(),
  line: z.number().int().optional(),
  retryAfterSeconds: z.number().int().optional(),
  /** A key of `serverMessages`; a string so a newer server's keys still parse (shown by code). */
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A refusal; head office passes a `msg(key, params)` so the laptop can translate it. */
export function fail<T = never>(
  code: ErrorCode,
  message: string | ServerMessage,
  extra: Omit<AppError, 'code' | 'message' | 'key' | 'params'> = {},
): Result<T> {
  if (typeof message === 'string') return { ok: false, error: { code, message, ...extra } };
  return { ok: false, error: { code, ...message, ...extra } };
}

/** HTTP status for an error code: bad input is always 4xx, never 500. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'bad-request':
      return 400;
    case 'unauthenticated':
    case 'invalid-credentials':
    case 'session-revoked':
    case 'session-expired':
      return 401;
    case 'forbidden':
    case 'client-forbidden':
      return 403;
    case 'not-found':
    case 'unknown-method':
      return 404;
    case 'mutation-gap':
    case 'conflict':
      return 409;
    case 'app-outdated':
      return 426;
    case 'too-many-attempts':
      return 429;
    case 'internal':
      return 500;
    default:
      return missingCaseError(code);
  }
}

export class MissingCaseError extends Error {
  constructor(value: unknown) {
    super(`Unhandled case: ${String(value)}`);
    this.name = 'MissingCaseError';
  }
}

export function missingCaseError(value: never): never {
  throw new MissingCaseError(value);
}

/** Turns a zod error into the first issue as a field-level AppError. */
export function zodToAppError(error: z.ZodError, prefix = 'Invalid input'): AppError {
  const first = error.issues[0];
  const field = first && first.path.length > 0 ? first.path.join('.') : undefined;
  const detail = first ? first.message : 'invalid';
  return {
    code: 'bad-request',
    message: field ? `${prefix}: ${field}: ${detail}` : `${prefix}: ${detail}`,
    ...(field ? { field } : {}),
  };
}
