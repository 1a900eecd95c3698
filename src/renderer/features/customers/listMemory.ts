/**
 * What the customer list remembers while the rep moves to a customer and back (or to another
 * screen and back), for this database and this run of the app: the search, the filters, the row
 * that had the focus and whether the rep was typing in the search when leaving.
 */
import type { AppDB } from '../../db/AppDB.js';
import { noFilters, type CustomerFilters } from './filter.js';

export interface CustomerListMemory {
  query: string;
  filters: CustomerFilters;
  /** The row holding the grid's tab stop; `undefined` = the first. */
  activeRowId: string | undefined;
  /** Where the focus was when the list was left: the search field or the grid. */
  focus: 'search' | 'grid';
}

const memories = new WeakMap<AppDB, CustomerListMemory>();

export function recallCustomerList(db: AppDB): CustomerListMemory {
  return memories.get(db) ?? { query: '', filters: noFilters, activeRowId: undefined, focus: 'grid' };
}

export function rememberCustomerList(db: AppDB, memory: Partial<CustomerListMemory>): void {
  memories.set(db, { ...recallCustomerList(db), ...memory });
}
