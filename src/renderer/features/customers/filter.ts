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
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.map((s) => s.customer);
  return index.filter((s) => words.every((w) => s.key.includes(w))).map((s) => s.customer);
}
