import { auditLog } from '../db/schema.js';
import type { Result } from '../../shared/lib/result.js';
import type { Db, DbOrTx, Tx } from '../db/types.js';

export interface AuditEntry {
  userId: string | null;
  method: string;
  entity?: string;
  entityId?: string;
  details?: Record<string, unknown>;
}

export async function audit(db: DbOrTx, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.userId,
    method: entry.method,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    at,
  });
}

/**
 * Runs a head-office write in one transaction and audits it there when it succeeds: the caller
 * is the audit's user, `now` its time.
 */
export async function auditedWrite<T>(
  ctx: { db: Db; config: { now: () => Date }; principal: { user: { id: string } } },
  entry: Omit<AuditEntry, 'userId'>,
  write: (tx: Tx, now: Date) => Promise<Result<T>>,
): Promise<Result<T>> {
  const now = ctx.config.now();
  return ctx.db.transaction(async (tx) => {
    const written = await write(tx, now);
    if (written.ok) await audit(tx, { userId: ctx.principal.user.id, ...entry }, now);
    return written;
  });
}
