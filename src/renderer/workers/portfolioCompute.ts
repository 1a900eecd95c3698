/**
 * What the portfolio worker does with a request, apart from the worker's wiring so that it can be
 * tested under fake-indexeddb: open the user's database (once), compute the portfolio RFM (kept
 * per data version: the cross-sell needs it too) and the cross-sell penetration.
 */
import { AppDB } from '../db/AppDB.js';
import { computePenetration } from '../features/brief/penetrationCompute.js';
import { computePortfolioRfm, type PortfolioRfm } from '../features/customers/rfmCompute.js';
import type { PortfolioAnswer, PortfolioRequest } from './portfolioProtocol.js';

export interface PortfolioComputer {
  handle(request: PortfolioRequest): Promise<PortfolioAnswer>;
  close(): void;
}

export function portfolioComputer(
  open: (name: string) => AppDB = (name) => new AppDB(name),
): PortfolioComputer {
  const dbs = new Map<string, AppDB>();
  const rfms = new Map<string, { key: string; promise: Promise<PortfolioRfm> }>();

  const dbFor = (name: string): AppDB => {
    let db = dbs.get(name);
    if (db === undefined) {
      db = open(name);
      dbs.set(name, db);
    }
    return db;
  };

  const rfmFor = (db: AppDB, key: string, at: Date): Promise<PortfolioRfm> => {
    const hit = rfms.get(db.name);
    if (hit !== undefined && hit.key === key) return hit.promise;
    const promise = computePortfolioRfm(db, key, at);
    rfms.set(db.name, { key, promise });
    promise.catch(() => {
      if (rfms.get(db.name)?.promise === promise) rfms.delete(db.name);
    });
    return promise;
  };

  return {
    async handle(request) {
      try {
        const db = dbFor(request.dbName);
        const at = new Date(request.at);
        const rfm = await rfmFor(db, request.key, at);
        const value = request.kind === 'rfm' ? rfm : await computePenetration(db, rfm);
        return { id: request.id, ok: true, value };
      } catch (error) {
        return { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    close() {
      for (const db of dbs.values()) db.close();
      dbs.clear();
      rfms.clear();
    },
  };
}
