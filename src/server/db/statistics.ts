/**
 * Refreshes the planner's statistics after a bulk write (an import, the demo seed), as
 * PostgreSQL's documentation advises after loading data. Embedded PGlite has no autovacuum: without
 * this its planner guesses a handful of rows per table and picks plans that read an index entry
 * by entry for a whole company (RFM on CDNOW: ~0.9 s instead of ~0.5 s).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './types.js';

export async function refreshStatistics(db: DbOrTx): Promise<void> {
  await db.execute(sql`analyze`);
}
