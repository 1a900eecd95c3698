/**
 * Migrates a fresh database step by step, as Signal Desktop's migration tests do: up to
 * migration N, then old-shape rows in with raw SQL, then N+1, then the rows checked. PGlite
 * in memory always; PostgreSQL (a fresh database) when DATABASE_URL is set.
 */
import {
  copyFileSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsFolder } from '../../../src/server/db/connect.js';
import * as schema from '../../../src/server/db/schema.js';
import type { Db } from '../../../src/server/db/types.js';
import { queryRows } from '../../../src/server/db/types.js';
import type { Backend } from '../harness.js';

interface JournalEntry {
  idx: number;
  tag: string;
}
interface Journal {
  entries: JournalEntry[];
}

const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as Journal;

/** Every committed migration's tag, in order (`0006_order_taking`, …). */
export const migrationTags: readonly string[] = journal.entries.map((e) => e.tag);

/** A copy of the migrations folder whose journal stops at `tag` (included). */
function folderUpTo(tag: string): string {
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new RangeError(`No migration ${tag}`);
  const dir = mkdtempSync(join(tmpdir(), 'tournee-migrations-'));
  mkdirSync(join(dir, 'meta'));
  for (const file of readdirSync(migrationsFolder)) {
    if (file.endsWith('.sql')) copyFileSync(join(migrationsFolder, file), join(dir, file));
  }
  writeFileSync(
    join(dir, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: journal.entries.slice(0, last + 1) }),
  );
  return dir;
}

export interface MigrationStepper {
  db: Db;
  /** Applies the migrations after the current one, up to `tag` (included). */
  migrateTo(tag: string): Promise<void>;
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh database on `backend`, migrated up to `tag`. */
export async function openAt(backend: Backend, tag: string): Promise<MigrationStepper> {
  const migrateWith = async (run: (folder: string) => Promise<void>, to: string) => {
    const folder = folderUpTo(to);
    try {
      await run(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  const created = await backend.create();
  let db: Db;
  let run: (folder: string) => Promise<void>;
  let close: () => Promise<void>;
  if (created.options.url !== undefined) {
    const pool = new pg.Pool({ connectionString: created.options.url, max: 2 });
    const pgDb = drizzlePg({ client: pool, schema });
    db = pgDb;
    run = (folder) => migratePg(pgDb, { migrationsFolder: folder });
    close = async () => {
      await pool.end();
      await created.drop();
    };
  } else {
    const client = new PGlite();
    const liteDb = drizzlePglite({ client, schema });
    db = liteDb;
    run = (folder) => migratePglite(liteDb, { migrationsFolder: folder });
    close = async () => {
      await client.close();
      await created.drop();
    };
  }
  await migrateWith(run, tag);
  return {
    db,
    migrateTo: (to) => migrateWith(run, to),
    rows: (query) => queryRows(db, query),
    close,
  };
}

/**
 * The plan of a query with sequential scans off: does an index serve it at all? With `bitmap:
 * false`, bitmap scans off too: an index that covers the query then gives an index-only scan.
 */
export async function planWithoutSeqScan(db: Db, query: SQL, options = { bitmap: true }): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    if (!options.bitmap) await tx.execute(sql`set local enable_bitmapscan = off`);
    const plan = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
    return plan.map((r) => r['QUERY PLAN']).join('\n');
  });
}
