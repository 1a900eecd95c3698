/** Login throttling: too many recent failures for an email or an IP blocks further attempts. */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/types.js';
import { loginAttempts } from '../../db/schema.js';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Pure rule: with `failures` (any order) and a `limit` per `windowMs`, the caller is blocked
 * while `limit` failures are inside the window; it may retry when the oldest of the most
 * recent `limit` failures leaves the window.
 */
export function throttleDecision(
  failures: readonly Date[],
  now: Date,
  limit: number,
  windowMs: number = THROTTLE_WINDOW_MS,
): ThrottleDecision {
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limit) return { allowed: true };
  const pivot = recent[limit - 1] ?? now.getTime();
  const retryAfterMs = pivot + windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

async function recentFailures(
  db: DbOrTx,
  by: 'email' | 'ip',
  key: string,
  now: Date,
  limit: number,
): Promise<Date[]> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const column = by === 'email' ? loginAttempts.email : loginAttempts.ip;
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(column, key), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export async function checkLoginThrottle(
  db: DbOrTx,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<ThrottleDecision> {
  const byEmail = throttleDecision(
    await recentFailures(db, 'email', email, now, MAX_FAILURES_PER_EMAIL),
    now,
    MAX_FAILURES_PER_EMAIL,
  );
  if (!byEmail.allowed || ip === undefined) return byEmail;
  return throttleDecision(
    await recentFailures(db, 'ip', ip, now, MAX_FAILURES_PER_IP),
    now,
    MAX_FAILURES_PER_IP,
  );
}

export async function recordLoginAttempt(
  db: DbOrTx,
  attempt: { email: string; ip: string | undefined; success: boolean; at: Date },
): Promise<void> {
  await db
    .insert(loginAttempts)
    .values({ email: attempt.email, ip: attempt.ip ?? null, success: attempt.success, at: attempt.at });
}
