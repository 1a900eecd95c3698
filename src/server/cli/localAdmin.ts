/**
 * PGlite allows one process per data folder, so while head office runs on PGlite the admin CLI
 * cannot open the database itself. Head office then leaves a local admin key in its data folder
 * (mode 0600, like a Docker socket or a Jupyter token: whoever may read the data folder may
 * already read the database), and the CLI goes through HTTP with it. The key is a normal
 * revocable admin session, revoked and removed when head office stops. A head office that was
 * killed could not revoke its key: the next start revokes every earlier local key before it
 * writes its own, since only one process at a time can hold the data folder.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/types.js';
import { sessions, users } from '../db/schema.js';
import { createSession, revokeSession } from '../features/auth/sessions.js';

export const LOCAL_ADMIN_FILE = 'admin-cli.json';
const LOCAL_ADMIN_DEVICE = 'admin CLI (local key)';

const localAdminSchema = z.object({ url: z.string().url(), token: z.string().min(20) });
export type LocalAdmin = z.infer<typeof localAdminSchema>;

export async function publishLocalAdmin(
  db: Db,
  dataDir: string,
  url: string,
): Promise<(() => Promise<void>) | null> {
  const [admin] = await db
    .select()
    .from(users)
    .where(eq(users.role, 'admin'))
    .orderBy(asc(users.email))
    .limit(1);
  const now = new Date();
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.deviceName, LOCAL_ADMIN_DEVICE), isNull(sessions.revokedAt)));
  if (admin === undefined) return null;
  const session = await createSession(db, admin.id, LOCAL_ADMIN_DEVICE, now);
  const path = join(dataDir, LOCAL_ADMIN_FILE);
  await writeFile(path, JSON.stringify({ url, token: session.token }), { mode: 0o600 });
  return async () => {
    await rm(path, { force: true });
    await revokeSession(db, session.sessionId, new Date());
  };
}

export async function readLocalAdmin(dataDir: string): Promise<LocalAdmin | null> {
  try {
    const parsed = localAdminSchema.safeParse(
      JSON.parse(await readFile(join(dataDir, LOCAL_ADMIN_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
