/** Live reads of the local database for the customer screens (`undefined` = loading). */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type { CustomerRow, NoteRow } from '../../db/schema.js';

export function useCustomers(db: AppDB): CustomerRow[] | undefined {
  return useLiveQuery(() => db.customers.toArray(), [db]);
}

/** `null` when the customer is not on this laptop. */
export function useCustomer(db: AppDB, id: string): CustomerRow | null | undefined {
  return useLiveQuery(async () => (await db.customers.get(id)) ?? null, [db, id]);
}

/** Newest first. */
export function useNotes(db: AppDB, customerId: string): NoteRow[] | undefined {
  return useLiveQuery(
    () =>
      db.notes
        .where('[customerId+createdAt]')
        .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [db, customerId],
  );
}

/** Edits of this customer still waiting for head office. */
export function usePendingEdits(db: AppDB, customerId: string): number | undefined {
  return useLiveQuery(
    () => db.outbox.filter((e) => e.name === 'customer-update' && e.args.id === customerId).count(),
    [db, customerId],
  );
}
