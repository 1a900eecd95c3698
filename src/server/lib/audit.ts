import { auditLog } from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';

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
