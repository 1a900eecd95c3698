/** Live reads of the orders list; `undefined` means loading. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type { OrderRow } from '../../db/schema.js';

/** At most this many orders are read for one period (newest first). */
export const ORDERS_READ_LIMIT = 2000;

export interface RepOrders {
  orders: OrderRow[];
  /** Customer names by id. */
  names: Map<string, string>;
}

/** The rep's orders taken on or after `since` (a day, `YYYY-MM-DD`; '' for all), newest first. */
export function useRepOrders(db: AppDB, repId: string, since: string): RepOrders | undefined {
  return useLiveQuery(async () => {
    const orders = await db.orders
      .where('orderedAt')
      .aboveOrEqual(since)
      .reverse()
      .filter((o) => o.repId === repId)
      .limit(ORDERS_READ_LIMIT)
      .toArray();
    const customers = await db.customers.bulkGet([...new Set(orders.map((o) => o.customerId))]);
    const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    return { orders, names };
  }, [db, repId, since]);
}
