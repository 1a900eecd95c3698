/** Live reads of the order screen; `undefined` means loading, `null` not on this laptop. */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../../db/AppDB.js';
import type { CustomerRow, OrderRow, PriceListRow, PriceRow, ProductRow } from '../../../db/schema.js';

export function useOrder(db: AppDB, id: string | null): OrderRow | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.orders.get(id)) ?? null) : null), [db, id]);
}

export function useOrderCustomer(db: AppDB, id: string | null): CustomerRow | null | undefined {
  return useLiveQuery(async () => (id ? ((await db.customers.get(id)) ?? null) : null), [db, id]);
}

export interface CatalogueRows {
  products: ProductRow[];
  priceLists: PriceListRow[];
  prices: PriceRow[];
}

export function useCatalogueRows(db: AppDB): CatalogueRows | undefined {
  return useLiveQuery(
    async () => ({
      products: await db.products.toArray(),
      priceLists: await db.priceLists.toArray(),
      prices: await db.prices.toArray(),
    }),
    [db],
  );
}

/** The customer's last order that was not cancelled (any rep's), to renew; null when none. */
export function useLastOrder(db: AppDB, customerId: string | null): OrderRow | null | undefined {
  return useLiveQuery(
    async () =>
      customerId
        ? ((await db.orders
            .where('[customerId+orderedAt]')
            .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
            .reverse()
            .filter((o) => o.status !== 'cancelled' && o.lines.length > 0)
            .first()) ?? null)
        : null,
    [db, customerId],
  );
}
