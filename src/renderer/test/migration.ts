/** Dexie upgrade tests: rows stored under an older schema, then opened by today's AppDB. */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { AppDB } from '../db/AppDB.js';
import { declareVersions } from '../db/versions.js';

/**
 * Creates database `name` at schema `version`, lets `seed` write into it, closes it, and
 * returns it opened (so upgraded) as an AppDB.
 */
export async function upgradeFrom(
  name: string,
  version: number,
  seed: (old: Dexie) => Promise<unknown>,
): Promise<AppDB> {
  const old = new Dexie(name);
  declareVersions(old, version);
  await old.open();
  await seed(old);
  old.close();
  const db = new AppDB(name);
  await db.open();
  return db;
}
