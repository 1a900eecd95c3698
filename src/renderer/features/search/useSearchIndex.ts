/** The search index of the local portfolio, rebuilt once per data version (never per keystroke). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { AppDB } from '../../db/AppDB.js';
import type { SearchIndex } from './index.js';
import { buildSearchIndex } from './index.js';

const cache = new WeakMap<AppDB, { key: string; promise: Promise<SearchIndex> }>();

/** Pull cookie, row counts and the next local mutation number: any change a search can see. */
async function versionKey(db: AppDB): Promise<string> {
  const [cookie, nextMid, customers, contacts] = await Promise.all([
    db.getMeta('cookie'),
    db.getMeta('nextMid'),
    db.customers.count(),
    db.contacts.count(),
  ]);
  return `${cookie ?? 'none'}:${nextMid ?? 0}:${customers}:${contacts}`;
}

export function searchIndexFor(db: AppDB, key: string): Promise<SearchIndex> {
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.promise;
  const promise = Promise.all([db.customers.toArray(), db.contacts.toArray()]).then(([customers, contacts]) =>
    buildSearchIndex(
      customers,
      contacts.filter((c) => c.anonymisedAt === null),
    ),
  );
  cache.set(db, { key, promise });
  return promise;
}

export function useSearchIndex(db: AppDB): SearchIndex | undefined {
  const key = useLiveQuery(() => versionKey(db), [db]);
  const [index, setIndex] = useState<SearchIndex | undefined>(undefined);
  useEffect(() => {
    if (key === undefined) return;
    let live = true;
    searchIndexFor(db, key)
      .then((value) => {
        if (live) setIndex(value);
      })
      .catch((e: unknown) => console.error('Search index failed', e));
    return () => {
      live = false;
    };
  }, [db, key]);
  return index;
}
