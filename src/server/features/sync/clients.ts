import { eq } from 'drizzle-orm';
import { SCHEMA_VERSION } from '../../../shared/sync/protocol.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { syncClients } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';

export type SyncClientRow = typeof syncClients.$inferSelect;

/** The server accepts the current and the previous schema version. */
export function checkSchemaVersion(schemaVersion: number): Result<void> {
  if (schemaVersion === SCHEMA_VERSION || schemaVersion === SCHEMA_VERSION - 1) return ok(undefined);
  if (schemaVersion > SCHEMA_VERSION) {
    return fail('app-outdated', msg('sync.serverOutdated'), {
      field: 'schemaVersion',
    });
  }
  return fail('app-outdated', msg('sync.appOutdated'), {
    field: 'schemaVersion',
  });
}

/** Registers the client to the user on first contact; another user's client id is refused. */
export async function ensureClient(
  db: DbOrTx,
  clientId: string,
  userId: string,
  now: Date,
): Promise<Result<void>> {
  await db
    .insert(syncClients)
    .values({ id: clientId, userId, lastMid: 0, viewVersion: 0, createdAt: now, lastSeenAt: now })
    .onConflictDoNothing();
  const [row] = await db
    .select({ userId: syncClients.userId })
    .from(syncClients)
    .where(eq(syncClients.id, clientId))
    .limit(1);
  if (row === undefined || row.userId !== userId) {
    return fail('client-forbidden', msg('sync.deviceOfAnother'), {
      field: 'clientId',
    });
  }
  return ok(undefined);
}

export async function lockClient(tx: DbOrTx, clientId: string): Promise<SyncClientRow | undefined> {
  const [row] = await tx
    .select()
    .from(syncClients)
    .where(eq(syncClients.id, clientId))
    .for('update')
    .limit(1);
  return row;
}
