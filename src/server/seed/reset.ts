/** Empties every head-office table (schema and migrations stay): `npm run seed -- --reset`. */
import { is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';

export async function resetDatabase(db: DbOrTx): Promise<void> {
  const names = (Object.values(schema) as unknown[]).flatMap((value) =>
    is(value, PgTable) ? [`"${getTableConfig(value).name}"`] : [],
  );
  await db.execute(sql.raw(`truncate table ${names.join(', ')} restart identity cascade`));
}
