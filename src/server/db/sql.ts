import { and, isNull, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types.js';

/** `column = any(ids)` with the ids as ONE text parameter (no 65,535-parameter limit). */
export function anyId(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(string_to_array(${ids.join(',')}::text, ',')::uuid[])`;
}

/** A table whose rows are tombstoned (`deleted_at`) rather than deleted. */
type LiveTable = PgTable & { id: AnyPgColumn; deletedAt: AnyPgColumn };

/** The live rows of `table` matching `where`, by id: what a wire mapper reads. */
export async function selectLive<T extends LiveTable>(
  db: DbOrTx,
  table: T,
  where: SQL,
): Promise<T['$inferSelect'][]> {
  const anyTable: PgTable = table; // drizzle cannot type `from` over a generic table
  const rows: unknown = await db
    .select()
    .from(anyTable)
    .where(and(where, isNull(table.deletedAt)))
    .orderBy(table.id);
  return rows as T['$inferSelect'][];
}
