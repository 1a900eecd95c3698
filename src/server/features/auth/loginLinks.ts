/** One-time login links (2-minute expiry), used by `npm start` to open the app signed in. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { loginLinks } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { randomToken, sha256Hex } from '../../lib/crypto.js';

export const LOGIN_LINK_TTL_MS = 2 * 60_000;

export async function createLoginLink(db: DbOrTx, userId: string, now: Date = new Date()): Promise<string> {
  const code = randomToken();
  await db.insert(loginLinks).values({
    codeHash: sha256Hex(code),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LOGIN_LINK_TTL_MS),
  });
  return code;
}

/** Marks the link used and returns its user id, or null when unknown, used or expired. */
export async function consumeLoginLink(db: DbOrTx, code: string, now: Date): Promise<string | null> {
  const [row] = await db
    .update(loginLinks)
    .set({ usedAt: now })
    .where(
      and(eq(loginLinks.codeHash, sha256Hex(code)), isNull(loginLinks.usedAt), gt(loginLinks.expiresAt, now)),
    )
    .returning({ userId: loginLinks.userId });
  return row?.userId ?? null;
}
