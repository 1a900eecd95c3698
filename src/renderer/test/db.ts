/** One fresh local database per test, for renderer unit tests. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { AppDB } from '../db/AppDB.js';

let count = 0;

/**
 * Registers a fresh, open AppDB (named `name-<n>`) for each test of the file: `use` gets it
 * (to keep it and seed it) before the test; after it, `beforeClose` runs (unmounting screens
 * that still read it), then the database is closed and deleted.
 */
export function eachTestDb(
  name: string,
  use: (db: AppDB) => unknown,
  options: { beforeClose?: () => void } = {},
): void {
  let db: AppDB | null = null;
  beforeEach(async () => {
    count += 1;
    db = new AppDB(`${name}-${String(count)}`);
    await db.open();
    await use(db);
  });
  afterEach(async () => {
    options.beforeClose?.();
    if (!db) return;
    db.close();
    await db.delete();
    db = null;
  });
}
