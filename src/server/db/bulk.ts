/**
 * The one bulk insert: rows go in chunks as ONE JSON parameter expanded by
 * `json_populate_recordset` (~5x faster than bound parameters for tens of thousands of rows,
 * and no 65,535-parameter limit). A row conflicting with an existing one is skipped, so
 * writing twice is harmless. A key left undefined takes the column's SQL default: rows are
 * grouped by the keys they set, each group inserted with its own column list.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './types.js';
import { queryRows } from './types.js';

/** Rows per statement unless the caller says otherwise. */
export const BULK_CHUNK_ROWS = 5_000;

export interface BulkInsertOptions {
  /** Rows per statement (default 5,000). */
  chunkSize?: number;
  /** Called after each statement with the rows it carried (inserted or skipped). */
  onChunk?: (rows: number) => void;
}

type TableWithId = PgTable & { id: AnyPgColumn };

/** Inserts rows, skipping conflicting ones. Returns the ids of the rows inserted. */
export async function bulkInsert<T extends TableWithId>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
  options: BulkInsertOptions = {},
): Promise<string[]> {
  const chunkSize = options.chunkSize ?? BULK_CHUNK_ROWS;
  const columns = Object.entries(getTableColumns(table));
  const shapes = new Map<string, { keys: [string, string][]; records: Record<string, unknown>[] }>();
  for (const row of rows as readonly Record<string, unknown>[]) {
    const keys = columns
      .filter(([key]) => row[key] !== undefined)
      .map(([key, c]): [string, string] => [key, c.name]);
    const signature = keys.map(([key]) => key).join(',');
    let shape = shapes.get(signature);
    if (shape === undefined) {
      shape = { keys, records: [] };
      shapes.set(signature, shape);
    }
    const record: Record<string, unknown> = {};
    for (const [key, name] of keys) {
      const value = row[key];
      record[name] = value instanceof Date ? value.toISOString() : value;
    }
    shape.records.push(record);
  }
  const ids: string[] = [];
  for (const { keys, records } of shapes.values()) {
    const list = sql.raw(keys.map(([, name]) => `"${name}"`).join(', '));
    for (let i = 0; i < records.length; i += chunkSize) {
      const chunk = JSON.stringify(records.slice(i, i + chunkSize));
      const inserted = await queryRows<{ id: string }>(
        db,
        sql`insert into ${table} (${list}) select ${list} from json_populate_recordset(null::${table}, ${chunk}::json) on conflict do nothing returning id`,
      );
      for (const r of inserted) ids.push(r.id);
      options.onChunk?.(Math.min(chunkSize, records.length - i));
    }
  }
  return ids;
}
