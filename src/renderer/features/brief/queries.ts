/** Live reads of the local database for the brief (`undefined` = loading). */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type {
  AppointmentRow,
  ComplaintRow,
  ContactRow,
  CustomerRow,
  OrderRow,
  PriceListRow,
  VisitRow,
} from '../../db/schema.js';

/** `null` when the appointment is not on this laptop. */
export function useAppointment(db: AppDB, id: string): AppointmentRow | null | undefined {
  return useLiveQuery(async () => (await db.appointments.get(id)) ?? null, [db, id]);
}

export interface BriefRows {
  /** `null` when the customer left the portfolio (no longer on this laptop). */
  customer: CustomerRow | null;
  contacts: ContactRow[];
  /** Oldest first. */
  orders: OrderRow[];
  visits: VisitRow[];
  complaints: ComplaintRow[];
  priceLists: PriceListRow[];
  lastSyncAt: string | null;
  lastPullAt: string | null;
}

/** Everything one brief shows, in one read through the customerId indexes. */
export async function readBriefRows(db: AppDB, customerId: string): Promise<BriefRows> {
  const lo = [customerId, Dexie.minKey];
  const hi = [customerId, Dexie.maxKey];
  const customer = (await db.customers.get(customerId)) ?? null;
  const [contacts, orders, visits, complaints, priceLists, lastSyncAt, lastPullAt] = await Promise.all([
    db.contacts.where('[customerId+lastName]').between(lo, hi).toArray(),
    db.orders.where('[customerId+orderedAt]').between(lo, hi).toArray(),
    db.visits.where('[customerId+at]').between(lo, hi).toArray(),
    db.complaints.where('customerId').equals(customerId).toArray(),
    customer?.priceGroup ? db.priceLists.where('customerGroup').equals(customer.priceGroup).toArray() : [],
    db.getMeta('lastSyncAt'),
    db.getMeta('lastPullAt'),
  ]);
  return {
    customer,
    contacts,
    orders,
    visits,
    complaints,
    priceLists,
    lastSyncAt: lastSyncAt ?? null,
    lastPullAt: lastPullAt ?? null,
  };
}

export function useBriefRows(db: AppDB, customerId: string): BriefRows | undefined {
  return useLiveQuery(() => readBriefRows(db, customerId), [db, customerId]);
}
