/**
 * Login throttling: too many recent failures block further attempts, counted three ways over
 * the last 15 minutes:
 * - for an e-mail from one IP (5): a guesser at one address is stopped quickly, while the real
 *   user, signing in from elsewhere, is not locked out by someone else's failures;
 * - for an e-mail from anywhere (50): guessing spread over many addresses is still slowed;
 * - from one IP for any e-mail (20): one address cannot try password after password on
 *   every account.
 *
 * Each attempt is reserved before its password is checked: under transaction-scoped advisory
 * locks on the e-mail and the IP, the recent failures are counted and, when allowed, the attempt
 * is recorded as a failure at once; a right password turns it into a success afterwards. Parallel
 * attempts therefore queue only for that count and insert, never for the (slow) password check,
 * and no more of them than the limit are ever checked.
 */
import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/types.js';
import { loginAttempts } from '../../db/schema.js';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL_AND_IP = 5;
export const MAX_FAILURES_PER_EMAIL = 50;
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
    // A failure stamped after `now` counts: a parallel attempt that read the clock later may
    // have recorded it while this one waited for its turn.
    .filter((t) => t > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  if (recent.length < limit) return { allowed: true };
  const pivot = recent[limit - 1] ?? now.getTime();
  const retryAfterMs = pivot + windowMs - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** The failures inside the window matching `where`, most recent first, at most `limit`. */
async function recentFailures(db: DbOrTx, where: SQL | undefined, now: Date, limit: number): Promise<Date[]> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(where, eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(limit);
  return rows.map((r) => r.at);
}

export type LoginReservation =
  { allowed: true; attemptId: number } | Extract<ThrottleDecision, { allowed: false }>;

/**
 * Counts the recent failures for `email` and `ip` and, when none of the limits is reached,
 * records this attempt as a failure; call `settleLoginAttempt` once the password is checked.
 */
export async function reserveLoginAttempt(
  db: Db,
  email: string,
  ip: string | undefined,
  now: Date,
): Promise<LoginReservation> {
  return db.transaction(async (tx) => {
    // Always the e-mail's lock first, then the IP's: two attempts never wait on each other in a cycle.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-email:${email}`}, 0))`);
    if (ip !== undefined) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`login-ip:${ip}`}, 0))`);
    }
    const byEmail = eq(loginAttempts.email, email);
    // Without an IP (an in-process caller), the e-mail alone gets the strict limit.
    const limits: [SQL | undefined, number][] =
      ip === undefined
        ? [[byEmail, MAX_FAILURES_PER_EMAIL_AND_IP]]
        : [
            [and(byEmail, eq(loginAttempts.ip, ip)), MAX_FAILURES_PER_EMAIL_AND_IP],
            [byEmail, MAX_FAILURES_PER_EMAIL],
            [eq(loginAttempts.ip, ip), MAX_FAILURES_PER_IP],
          ];
    for (const [where, limit] of limits) {
      const decision = throttleDecision(await recentFailures(tx, where, now, limit), now, limit);
      if (!decision.allowed) return decision;
    }
    const [row] = await tx
      .insert(loginAttempts)
      .values({ email, ip: ip ?? null, success: false, at: now })
      .returning({ id: loginAttempts.id });
    if (row === undefined) throw new Error('login attempt not recorded');
    return { allowed: true, attemptId: row.id };
  });
}

/** The password of a reserved attempt was right: it no longer counts as a failure. */
export async function settleLoginAttempt(db: DbOrTx, attemptId: number): Promise<void> {
  await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId));
}
