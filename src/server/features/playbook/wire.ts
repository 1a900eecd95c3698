/** The playbook as laptops hold it: the newest live version only. */
import { and, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { SyncedPlaybook } from '../../../shared/domain/playbook/playbook.js';
import { playbooks } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';

/** (entity, row_id, row_version) of the playbook every user holds: the newest live version. */
export function playbookScope(): SQL {
  return sql`select 'playbook'::text as entity, ${playbooks.id} as row_id, ${playbooks.version} as row_version
      from ${playbooks} where ${playbooks.deletedAt} is null
        and ${playbooks.version} = (select max(p.version) from ${playbooks} p where p.deleted_at is null)`;
}

/** Stored playbooks as laptops hold them (the document's version is the row's); never tombstones. */
export async function selectSyncedPlaybooks(db: DbOrTx, where: SQL): Promise<SyncedPlaybook[]> {
  const rows = await db
    .select({ id: playbooks.id, version: playbooks.version, document: playbooks.document })
    .from(playbooks)
    .where(and(where, isNull(playbooks.deletedAt)))
    .orderBy(playbooks.version);
  return rows.map((r) => ({ id: r.id, version: r.version, document: { ...r.document, version: r.version } }));
}
