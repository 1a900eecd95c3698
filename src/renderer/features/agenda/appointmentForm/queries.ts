/** The appointment form's reads from this laptop's database. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../app/context.js';
import type { AppDB } from '../../../db/AppDB.js';
import { buildSearchIndex, normaliseText } from '../../search/index.js';

/** The customer's contacts by last name (none chosen: none). */
export function useContactsOf(customerId: string) {
  const { db } = useApp();
  return useLiveQuery(
    () => (customerId ? db.contacts.where('customerId').equals(customerId).sortBy('lastName') : []),
    [db, customerId],
  );
}

export function useCustomer(customerId: string) {
  const { db } = useApp();
  return useLiveQuery(() => (customerId ? db.customers.get(customerId) : undefined), [db, customerId]);
}

/** The search index over the whole local portfolio. */
export function useCustomerSearchIndex() {
  const { db } = useApp();
  return useLiveQuery(async () => {
    const [customers, contacts] = await Promise.all([db.customers.toArray(), db.contacts.toArray()]);
    return buildSearchIndex(customers, contacts);
  }, [db]);
}

/** The appointment an overlap runs into, and its customer. */
export async function overlapped(db: AppDB, appointmentId: string) {
  const other = await db.appointments.get(appointmentId);
  const customer = other ? await db.customers.get(other.customerId) : undefined;
  return { other, customer };
}

/** The customers whose name is exactly `name`, ignoring case, accents and punctuation. */
export async function customersNamed(db: AppDB, name: string) {
  const wanted = normaliseText(name);
  if (wanted === '') return [];
  return db.customers.filter((c) => normaliseText(c.name) === wanted).toArray();
}
