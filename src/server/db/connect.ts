/**
 * Opens the head-office database and applies the committed migrations: PGlite (embedded,
 * at `dataDir`, or in memory when no dir is given) or PostgreSQL through a node-postgres Pool.
 */
import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';
import type { Db } from './types.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabaseOptions {
  /** PGlite data directory; in-memory PGlite when undefined (and no url). */
  dataDir?: string;
  /** PostgreSQL connection string; takes precedence over dataDir. */
  url?: string;
}

export interface Database {
  db: Db;
  kind: DatabaseKind;
  /**
   * PGlite in a data folder only: a consistent copy of the whole folder as a gzipped tarball
   * (what `npm run admin -- backup` writes), taken between transactions while head office runs.
   */
  backup?: () => Promise<Blob>;
  close(): Promise<void>;
}

/**
 * Runs the migrations while holding a PostgreSQL advisory lock: instances of head office started
 * together on one database wait for each other, and the later ones find nothing left to do
 * (Drizzle's migrator takes no lock of its own).
 */
async function migrateOnce(pool: pg.Pool, migrate: () => Promise<void>): Promise<void> {
  const lock = await pool.connect();
  try {
    await lock.query(`select pg_advisory_lock(hashtext('tournee:migrations'))`);
    await migrate();
  } finally {
    await lock.query(`select pg_advisory_unlock(hashtext('tournee:migrations'))`).catch(() => undefined);
    lock.release();
  }
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  if (options.url !== undefined && options.url !== '') {
    // JIT compilation is off for head office's sessions: its queries are short, and on the team
    // figures the planner's cost estimates set off a compile of about a second for a query that
    // runs in a fifth of that (measured at scale 3, docs/benchmarks.md).
    const pool = new pg.Pool({ connectionString: options.url, max: 10, options: '-c jit=off' });
    // An idle connection closed by the server (restart, failover, a dropped database) must not
    // crash head office: the pool discards it and opens a new one for the next query.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL: an idle connection was closed (${error.message}); it will be replaced.`);
    });
    const db = drizzlePg({ client: pool, schema });
    try {
      await migrateOnce(pool, () => migratePg(db, { migrationsFolder }));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir !== undefined) keepPrivate(options.dataDir);
  const client = options.dataDir === undefined ? new PGlite() : new PGlite(options.dataDir);
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return {
    db,
    kind: 'pglite',
    ...(options.dataDir === undefined ? {} : { backup: () => dumpPglite(client) }),
    close: () => client.close(),
  };
}

/**
 * The data folder as a gzipped tar, consistent: PGlite runs one statement at a time, and the
 * copy is made holding its transaction lock, so no transaction is half done in it (a checkpoint
 * first, so the restored folder needs no crash recovery either).
 */
export async function dumpPglite(client: PGlite): Promise<Blob> {
  await client.exec('checkpoint');
  return client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
}

/**
 * The data folder holds password hashes, sessions and every customer: only the account that runs
 * head office may enter it (0700), whatever the umask, including a folder made by an earlier
 * version; what is already inside is tightened too (folders 0700, files 0600).
 */
export function keepPrivate(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tighten = (dir: string) => {
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) tighten(path);
      else if (entry.isFile()) chmodSync(path, 0o600);
    }
  };
  tighten(dataDir);
}
