/**
 * The database side of last-writer-wins per field (the plan comes from lib/conflictPolicy.ts): log the
 * values a write overrode unseen, and store the merge state with the new values.
 */
import { inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { conflictEntities } from '../../shared/sync/protocol.js';
import { conflicts, users } from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';

/** One field a plan changes (PlannedFieldChange in lib/conflictPolicy.ts). */
interface FieldChange {
  field: string;
  lostValue: string;
  keptValue: string;
  conflict: boolean;
  lostByUserId: string | null;
}

/** Logs the conflicting changes of a plan, naming who lost each value. */
export async function logFieldConflicts(
  tx: DbOrTx,
  about: {
    entity: (typeof conflictEntities)[number];
    entityId: string;
    entityLabel: string;
    changes: readonly FieldChange[];
    writer: { id: string; name: string };
    now: Date;
  },
): Promise<void> {
  const lost = about.changes.filter((c) => c.conflict);
  if (lost.length === 0) return;
  const lostAuthorIds = [...new Set(lost.flatMap((c) => (c.lostByUserId === null ? [] : [c.lostByUserId])))];
  const names = new Map<string, string>();
  if (lostAuthorIds.length > 0) {
    const rows = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, lostAuthorIds));
    for (const r of rows) names.set(r.id, r.name);
  }
  await tx.insert(conflicts).values(
    lost.map((c) => ({
      id: uuidv7(),
      entity: about.entity,
      entityId: about.entityId,
      entityLabel: about.entityLabel,
      field: c.field,
      lostValue: c.lostValue,
      keptValue: c.keptValue,
      lostByUserId: c.lostByUserId,
      lostBy: (c.lostByUserId === null ? undefined : names.get(c.lostByUserId)) ?? 'Head office',
      keptByUserId: about.writer.id,
      keptBy: about.writer.name,
      at: about.now,
    })),
  );
}

/** The merge-state columns a plan writes with its values. */
export function mergeStateColumns(
  plan: { newVersion: number; fieldVersions: Record<string, number>; fieldAuthors: Record<string, string> },
  now: Date,
) {
  return {
    version: plan.newVersion,
    fieldVersions: plan.fieldVersions,
    fieldAuthors: plan.fieldAuthors,
    updatedAt: now,
  };
}
