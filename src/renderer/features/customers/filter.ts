import type { CustomerStatus } from '../../../shared/domain/customer/customer.js';
import type { CustomerRfm, RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import type { CustomerRow } from '../../db/schema.js';
import { normalizeForSearch } from '../../ui/normalize.js';

export interface SearchableCustomer {
  customer: CustomerRow;
  key: string;
}

export function indexCustomers(customers: readonly CustomerRow[]): SearchableCustomer[] {
  return customers.map((customer) => ({
    customer,
    key: normalizeForSearch(`${customer.name} ${customer.city} ${customer.postcode}`),
  }));
}

/** Every word of the query must appear in name, city or postcode (accents and case ignored). */
export function filterCustomers(index: readonly SearchableCustomer[], query: string): CustomerRow[] {
  return searchIndex(index, query).map((s) => s.customer);
}

function searchIndex(index: readonly SearchableCustomer[], query: string): readonly SearchableCustomer[] {
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index;
  return index.filter((s) => words.every((w) => s.key.includes(w)));
}

// ---- the list's filters (segment, status, last order, next visit, town) -----------------------

/** Days since the last order, in the bands a rep thinks in. */
export const lastOrderBands = ['within30', 'from30to90', 'over90', 'never'] as const;
export type LastOrderBand = (typeof lastOrderBands)[number];

/** A planned visit from today to the end of the week, or none planned from today on. */
export const nextVisitOptions = ['thisWeek', 'none'] as const;
export type NextVisitOption = (typeof nextVisitOptions)[number];

/** `none`: customers without a segment (never ordered). */
export type SegmentFilter = RfmSegment | 'none';

/** One value per filter; `null` = not filtering on it. */
export interface CustomerFilters {
  segment: SegmentFilter | null;
  status: CustomerStatus | null;
  lastOrder: LastOrderBand | null;
  nextVisit: NextVisitOption | null;
  /** The town exactly as stored (the list of towns is built from the customers). */
  town: string | null;
}

export const noFilters: CustomerFilters = {
  segment: null,
  status: null,
  lastOrder: null,
  nextVisit: null,
  town: null,
};

export type FilterName = keyof CustomerFilters;

export function activeFilters(filters: CustomerFilters): FilterName[] {
  return (Object.keys(filters) as FilterName[]).filter((name) => filters[name] !== null);
}

/** What the filters read besides the customer row, each built once for the whole portfolio. */
export interface CustomerFacts {
  /** The portfolio RFM (segment, last order); `undefined` while it is computed. */
  rfm: ReadonlyMap<string, CustomerRfm> | undefined;
  /** Next planned visit per customer, from today on; `undefined` while read. */
  nextVisits: ReadonlyMap<string, string> | undefined;
  /** End of the current week (exclusive), ISO. */
  weekEndIso: string;
}

export function lastOrderBandOf(rfm: CustomerRfm | undefined): LastOrderBand {
  const days = rfm?.recencyDays ?? null;
  if (days === null) return 'never';
  if (days <= 30) return 'within30';
  if (days <= 90) return 'from30to90';
  return 'over90';
}

/**
 * The customers matching the search and every active filter. A filter whose facts are still
 * being read lets nobody through (the count then says so rather than showing a wrong list).
 */
export function applyCustomerFilters(
  index: readonly SearchableCustomer[],
  query: string,
  filters: CustomerFilters,
  facts: CustomerFacts,
): CustomerRow[] {
  const { segment, status, lastOrder, nextVisit, town } = filters;
  const { rfm, nextVisits, weekEndIso } = facts;
  const needsRfm = segment !== null || lastOrder !== null;
  const needsVisits = nextVisit !== null;
  if ((needsRfm && rfm === undefined) || (needsVisits && nextVisits === undefined)) return [];
  const out: CustomerRow[] = [];
  for (const { customer } of searchIndex(index, query)) {
    if (status !== null && customer.status !== status) continue;
    if (town !== null && customer.city !== town) continue;
    if (needsRfm) {
      const r = rfm?.get(customer.id);
      if (segment !== null && (r?.segment ?? 'none') !== segment) continue;
      if (lastOrder !== null && lastOrderBandOf(r) !== lastOrder) continue;
    }
    if (nextVisit !== null) {
      const next = nextVisits?.get(customer.id);
      if (nextVisit === 'none' ? next !== undefined : next === undefined || next >= weekEndIso) continue;
    }
    out.push(customer);
  }
  return out;
}

/** The towns of the portfolio, once each, in the locale's order. */
export function townsOf(customers: readonly CustomerRow[], collator: Intl.Collator): string[] {
  const towns = new Set<string>();
  for (const c of customers) if (c.city.trim() !== '') towns.add(c.city);
  return [...towns].sort(collator.compare);
}
