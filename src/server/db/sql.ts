import { sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';

/** `column = any(ids)` with the ids as ONE text parameter (no 65,535-parameter limit). */
export function anyId(column: AnyColumn | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(string_to_array(${ids.join(',')}::text, ',')::uuid[])`;
}
