/** Sessions: random tokens stored as sha256, 30-day expiry, revocable. */
import { and, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Session } from '../../../shared/contract/auth.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { Principal } from '../../context.js';
import { sessions, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { randomToken, sha256Hex } from '../../lib/crypto.js';
import { DAY_MS, toIso, toIsoOrNull } from '../../lib/time.js';
import { toUser } from './users.js';

export const SESSION_TTL_MS = 30 * DAY_MS;
/** `last_seen_at` is refreshed at most this often, to keep reads cheap. */
const LAST_SEEN_GRANULARITY_MS = 60_000;

export interface CreatedSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  deviceName: string,
  now: Date,
): Promise<CreatedSession> {
  const token = randomToken();
  const sessionId = uuidv7();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    id: sessionId,
    userId,
    tokenHash: sha256Hex(token),
    deviceName,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { sessionId, token, expiresAt };
}

export async function authenticate(db: DbOrTx, token: string, now: Date): Promise<Result<Principal>> {
  if (token === '') return fail('unauthenticated', msg('auth.signInRequired'));
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256Hex(token)))
    .limit(1);
  if (row === undefined) return fail('unauthenticated', msg('auth.sessionUnknown'));
  if (row.session.revokedAt !== null) return fail('session-revoked', msg('auth.sessionRevoked'));
  if (row.session.expiresAt.getTime() <= now.getTime()) {
    return fail('session-expired', msg('auth.sessionExpired'));
  }
  const lastSeen = row.session.lastSeenAt?.getTime() ?? 0;
  if (now.getTime() - lastSeen >= LAST_SEEN_GRANULARITY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session.id));
  }
  return ok({ user: toUser(row.user), sessionId: row.session.id });
}

/** Revokes an active session; false when it was already revoked. */
export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return updated.length > 0;
}

export function toSessionWire(row: typeof sessions.$inferSelect, currentSessionId: string): Session {
  return {
    id: row.id,
    userId: row.userId,
    deviceName: row.deviceName,
    createdAt: toIso(row.createdAt),
    lastSeenAt: toIsoOrNull(row.lastSeenAt),
    expiresAt: toIso(row.expiresAt),
    revokedAt: toIsoOrNull(row.revokedAt),
    current: row.id === currentSessionId,
  };
}
