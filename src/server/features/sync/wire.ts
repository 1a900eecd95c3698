/** The sync's own rows as they go on the wire: the conflict log and refused mutations. */
import { eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Conflict, MutationOutcome } from '../../../shared/sync/records.js';
import { conflicts, mutationOutcomes, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export async function selectConflicts(db: DbOrTx, where: SQL): Promise<Conflict[]> {
  const rows = await db.select().from(conflicts).where(where).orderBy(conflicts.at, conflicts.id);
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    field: r.field,
    lostValue: r.lostValue,
    keptValue: r.keptValue,
    lostBy: r.lostBy,
    keptBy: r.keptBy,
    at: toIso(r.at),
  }));
}

export async function selectOutcomes(db: DbOrTx, where: SQL): Promise<MutationOutcome[]> {
  const rows = await db
    .select({ outcome: mutationOutcomes, handlerName: users.name })
    .from(mutationOutcomes)
    .leftJoin(users, eq(users.id, mutationOutcomes.handledBy))
    .where(where)
    .orderBy(mutationOutcomes.mid);
  return rows.map(({ outcome: r, handlerName }) => ({
    id: r.id,
    clientId: r.clientId,
    mid: r.mid,
    name: r.name,
    code: r.code,
    message: r.message,
    ...(r.messageKey === null ? {} : { key: r.messageKey }),
    ...(r.messageParams === null ? {} : { params: r.messageParams }),
    detail: r.detail,
    ...(r.customerName === null ? {} : { customerName: r.customerName }),
    at: toIso(r.at),
    ...(r.handledAction === null || r.handledAt === null
      ? {}
      : {
          handled: {
            action: r.handledAction,
            byName: handlerName ?? '',
            at: toIso(r.handledAt),
            reason: r.handledReason ?? '',
          },
        }),
  }));
}
