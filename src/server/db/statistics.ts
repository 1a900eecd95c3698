/**
 * Refreshes what the planner knows after a bulk write (an import, the demo seed), as
 * PostgreSQL's documentation advises after loading data: statistics (ANALYZE), and the
 * visibility map (VACUUM) without which the index-only reads of RFM and the team figures still
 * visit every fresh row. Embedded PGlite has no autovacuum: without this its planner guesses a
 * handful of rows per table and reads a whole company index entry by entry.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './types.js';

/** VACUUM cannot run inside a transaction: this takes the database, never a transaction. */
export async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`vacuum (analyze)`);
}
