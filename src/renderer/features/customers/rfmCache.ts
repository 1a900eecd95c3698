/**
 * The portfolio's RFM, computed once per data version and shared by every screen that shows a
 * segment. The version is the pull cookie, the orders and customers counts and the day: a new
 * pull, a new order or a new day recomputes; opening a customer page never does.
 *
 * Reading is cheap: the orders come from the order facts (db/orderFacts.ts: customer, instant,
 * total excluding tax and whether the order counts, for every order, in a few dozen records kept
 * in step with `orders` in each write's transaction), never from the order rows or their index
 * keys, which IndexedDB reads one by one; the customer ids are the customers' primary keys.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useApp } from '../../app/context.js';
import type { AppDB } from '../../db/AppDB.js';
import { useSyncStatus } from '../sync/index.js';
import { offThread } from '../../workers/portfolioClient.js';
import { computePortfolioRfm, type PortfolioRfm } from './rfmCompute.js';

export { TREND_MONTHS, type PortfolioRfm } from './rfmCompute.js';

const cache = new WeakMap<AppDB, { key: string; promise: Promise<PortfolioRfm> }>();

/** Start of the current UTC day: the reference date stays stable all day. */
export function referenceDate(now = Date.now()): Date {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999));
}

export async function rfmVersionKey(db: AppDB, now = Date.now()): Promise<string> {
  const [cookie, orders, customers] = await Promise.all([
    db.getMeta('cookie'),
    db.orders.count(),
    db.customers.count(),
  ]);
  return `${cookie ?? 'none'}:${orders}:${customers}:${referenceDate(now).toISOString().slice(0, 10)}`;
}

/** Off the main thread where a worker can run (the browser, Electron), here otherwise (tests). */
function compute(db: AppDB, key: string, at: Date): Promise<PortfolioRfm> {
  return offThread('rfm', db.name, key, at, () => computePortfolioRfm(db, key, at));
}

/** The cached RFM for this data version (computed at most once per version). */
export function portfolioRfm(db: AppDB, key: string, at: Date = referenceDate()): Promise<PortfolioRfm> {
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit.promise;
  const promise = compute(db, key, at);
  cache.set(db, { key, promise });
  promise.catch(() => {
    if (cache.get(db)?.promise === promise) cache.delete(db);
  });
  return promise;
}

/**
 * `undefined` while the first computation runs; the previous result stays during a recompute.
 * Nothing is computed while a sync runs (a download brings page after page of orders, each a new
 * data version: computing each would read the growing portfolio again and again, and hold its
 * stores against the download's writes): the previous result stays until the data settles.
 * `paused` pauses it for other reasons too.
 */
export function usePortfolioRfm(
  db: AppDB,
  { paused = false }: { paused?: boolean } = {},
): PortfolioRfm | undefined {
  const { engine } = useApp();
  const syncing = useSyncStatus(engine).state === 'syncing';
  return usePortfolioRfmWhen(db, paused || syncing);
}

function usePortfolioRfmWhen(db: AppDB, paused: boolean): PortfolioRfm | undefined {
  const key = useLiveQuery(() => rfmVersionKey(db), [db]);
  const [result, setResult] = useState<PortfolioRfm | undefined>(undefined);
  useEffect(() => {
    if (key === undefined || paused) return;
    let live = true;
    portfolioRfm(db, key)
      .then((value) => {
        if (live) setResult(value);
      })
      .catch((e: unknown) => console.error('RFM computation failed', e));
    return () => {
      live = false;
    };
  }, [db, key, paused]);
  return result;
}

/**
 * Computes the portfolio's RFM in the background after a sync, in idle time, so the first 360
 * opened afterwards finds it ready instead of computing it while the rep waits.
 */
export function usePrewarmPortfolioRfm(db: AppDB, onSynced: (listener: () => void) => () => void): void {
  useEffect(
    () =>
      onSynced(() => {
        const run = () => {
          void rfmVersionKey(db)
            .then((key) => portfolioRfm(db, key))
            .catch(() => undefined);
        };
        if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 });
        else setTimeout(run, 200);
      }),
    [db, onSynced],
  );
}
