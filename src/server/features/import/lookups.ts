/**
 * The seam to the database: importers resolve references through this interface, in batches
 * (one call per kind of reference per file, e.g. one `WHERE reference IN (…)` query), so they
 * stay pure and testable. `lookupsFromSingle` adapts per-item async functions;
 * `memoryLookups` serves tests, previews and the CDNOW import.
 */
import type { VatRate } from '../../../shared/domain/catalog/catalog.js';
import type { Uuid } from '../../../shared/lib/ids.js';

export interface ProductMatch {
  id: Uuid;
  reference: string;
  name: string;
  vatRate: VatRate;
}
export interface CustomerMatch {
  id: Uuid;
  externalRef: string;
}
export interface RepMatch {
  id: Uuid;
  email: string;
}
export interface PriceListMatch {
  id: Uuid;
  code: string;
}

/** Each method receives distinct keys and returns the ones it knows (absent = unknown). */
export interface ImportLookups {
  productByReference(references: readonly string[]): Promise<ReadonlyMap<string, ProductMatch>>;
  customerByRef(refs: readonly string[]): Promise<ReadonlyMap<string, CustomerMatch>>;
  /** Keys are e-mails lower-cased. */
  repByEmail(emails: readonly string[]): Promise<ReadonlyMap<string, RepMatch>>;
  priceListByCode(codes: readonly string[]): Promise<ReadonlyMap<string, PriceListMatch>>;
}

type Single<T> = (key: string) => Promise<T | null> | T | null;

export interface SingleLookups {
  productByReference: Single<ProductMatch>;
  customerByRef: Single<CustomerMatch>;
  repByEmail: Single<RepMatch>;
  priceListByCode: Single<PriceListMatch>;
}

function batched<T>(single: Single<T>): (keys: readonly string[]) => Promise<ReadonlyMap<string, T>> {
  return async (keys) => {
    const found = new Map<string, T>();
    const values = await Promise.all(keys.map(async (k) => [k, await single(k)] as const));
    for (const [k, v] of values) if (v !== null) found.set(k, v);
    return found;
  };
}

export function lookupsFromSingle(single: SingleLookups): ImportLookups {
  return {
    productByReference: batched(single.productByReference),
    customerByRef: batched(single.customerByRef),
    repByEmail: batched(single.repByEmail),
    priceListByCode: batched(single.priceListByCode),
  };
}

export interface MemoryData {
  products?: readonly ProductMatch[];
  customers?: readonly CustomerMatch[];
  reps?: readonly RepMatch[];
  priceLists?: readonly PriceListMatch[];
}

function pick<T>(index: Map<string, T>, keys: readonly string[]): ReadonlyMap<string, T> {
  const found = new Map<string, T>();
  for (const k of keys) {
    const v = index.get(k);
    if (v !== undefined) found.set(k, v);
  }
  return found;
}

export function memoryLookups(data: MemoryData = {}): ImportLookups {
  const products = new Map((data.products ?? []).map((p) => [p.reference, p]));
  const customers = new Map((data.customers ?? []).map((c) => [c.externalRef, c]));
  const reps = new Map((data.reps ?? []).map((r) => [r.email.toLowerCase(), r]));
  const priceLists = new Map((data.priceLists ?? []).map((p) => [p.code, p]));
  return {
    productByReference: (keys) => Promise.resolve(pick(products, keys)),
    customerByRef: (keys) => Promise.resolve(pick(customers, keys)),
    repByEmail: (keys) => Promise.resolve(pick(reps, keys)),
    priceListByCode: (keys) => Promise.resolve(pick(priceLists, keys)),
  };
}
