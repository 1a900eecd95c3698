/**
 * The messages between the app and the portfolio worker. Both ends are built from this source
 * in one bundle, so the shapes are checked by the compiler rather than by a schema at run time:
 * the answers are Maps of a whole portfolio, which a schema would walk again on the main thread,
 * the very work the worker is there to take off it.
 */
import type { PortfolioPenetration } from '../features/brief/penetrationCompute.js';
import type { PortfolioRfm } from '../features/customers/rfmCompute.js';

export interface PortfolioResults {
  rfm: PortfolioRfm;
  penetration: PortfolioPenetration;
}
export type PortfolioKind = keyof PortfolioResults;

export interface PortfolioRequest {
  id: number;
  kind: PortfolioKind;
  /** The IndexedDB database of the signed-in user (the worker opens its own connection). */
  dbName: string;
  /** The data version the result is for (see `rfmVersionKey`). */
  key: string;
  /** The reference instant, in ms. */
  at: number;
}

export type PortfolioAnswer =
  | { id: number; ok: true; value: PortfolioResults[PortfolioKind] }
  | { id: number; ok: false; message: string };
