/**
 * Per-segment product penetration for the cross-sell list, computed once per portfolio data
 * version (the same key as the portfolio RFM: pull cookie, counts, day) and cached per database,
 * so opening a brief only looks up this customer's segment. Reads the last 365 days of orders
 * through the orderedAt index, the catalogue for product names, families and the active flag, and
 * the customers' types (a customer is offered only families its type buys).
 */
import { useEffect, useState } from 'react';
import type { AppDB } from '../../db/AppDB.js';
import { offThread } from '../../workers/portfolioClient.js';
import { portfolioRfm, rfmVersionKey, type PortfolioRfm } from '../customers/index.js';
import { computePenetration, type PortfolioPenetration } from './penetrationCompute.js';

export type { PortfolioPenetration } from './penetrationCompute.js';

const cache = new WeakMap<AppDB, { key: string; promise: Promise<PortfolioPenetration> }>();

/** Off the main thread where a worker can run (the browser, Electron), here otherwise (tests). */
function compute(db: AppDB, rfm: PortfolioRfm): Promise<PortfolioPenetration> {
  return offThread('penetration', db.name, rfm.key, rfm.at, () => computePenetration(db, rfm));
}

/** The cached penetration for this RFM version (computed at most once per version). */
export function portfolioPenetration(db: AppDB, rfm: PortfolioRfm): Promise<PortfolioPenetration> {
  const hit = cache.get(db);
  if (hit && hit.key === rfm.key) return hit.promise;
  const promise = compute(db, rfm);
  cache.set(db, { key: rfm.key, promise });
  promise.catch(() => {
    if (cache.get(db)?.promise === promise) cache.delete(db);
  });
  return promise;
}

/** `undefined` until the first computation ends; the previous result stays during a recompute. */
export function usePortfolioPenetration(
  db: AppDB,
  rfm: PortfolioRfm | undefined,
): PortfolioPenetration | undefined {
  const [result, setResult] = useState<PortfolioPenetration | undefined>(undefined);
  useEffect(() => {
    if (rfm === undefined) return;
    let live = true;
    // Let the brief paint first: the cross-sell list fills in right after.
    const timer = setTimeout(() => {
      portfolioPenetration(db, rfm)
        .then((value) => {
          if (live) setResult(value);
        })
        .catch((e: unknown) => console.error('Cross-sell computation failed', e));
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [db, rfm]);
  return result;
}

/**
 * Computes the cross-sell penetration in idle time after each sync (after the portfolio RFM it
 * depends on), so the first brief opened afterwards finds it ready. For the shell, next to
 * `usePrewarmPortfolioRfm`.
 */
export function usePrewarmCrossSell(db: AppDB, onSynced: (listener: () => void) => () => void): void {
  useEffect(() => {
    const run = () => {
      void rfmVersionKey(db)
        .then((key) => portfolioRfm(db, key))
        .then((rfm) => portfolioPenetration(db, rfm))
        .catch(() => undefined);
    };
    const soon = () => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
      else setTimeout(run, 300);
    };
    // Once when the app opens (a rep may start offline, with no sync to trigger it), then after
    // every sync; the caches key on the data version, so an unchanged portfolio costs nothing.
    soon();
    return onSynced(soon);
  }, [db, onSynced]);
}
