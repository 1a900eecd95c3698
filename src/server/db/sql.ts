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

/** A column's value on the wire: dates as ISO-8601 UTC strings, the rest as read. */
export type WireValue<V> = V extends Date ? string : V;
export type WireFields<R, K extends keyof R> = { [P in K]: WireValue<R[P]> };

/** The `keys` of a row as they go on the wire (dates through `toISOString`). */
export function wireFields<R extends object, K extends keyof R>(
  row: R,
  keys: readonly K[],
): WireFields<R, K> {
  return Object.fromEntries(
    keys.map((k) => {
      const value = row[k];
      return [k, value instanceof Date ? value.toISOString() : value];
    }),
  ) as WireFields<R, K>;
}

/** The live rows of `table` matching `where`, by id, as their wire `keys`. */
export async function selectLiveWire<T extends LiveTable, K extends keyof T['$inferSelect']>(
  db: DbOrTx,
  table: T,
  where: SQL,
  keys: readonly K[],
): Promise<WireFields<T['$inferSelect'], K>[]> {
  const rows = await selectLive(db, table, where);
  return rows.map((r) => wireFields(r, keys));
}
