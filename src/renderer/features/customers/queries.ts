/** Live reads of the local database for the customer screens (`undefined` = loading). */
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type {
  ActionRow,
  ComplaintRow,
  ConsentRow,
  ContactRow,
  CustomerRow,
  NoteRow,
  OrderRow,
  VisitRow,
} from '../../db/schema.js';

export function useCustomers(db: AppDB): CustomerRow[] | undefined {
  return useLiveQuery(() => db.customers.toArray(), [db]);
}

/**
 * Each customer's next planned visit from `fromIso` on (its start, ISO), for the whole
 * portfolio in one range read of the appointments' `startAt` index: only the days ahead are
 * read, never each customer's appointments one by one. Calls are not visits.
 */
export function useNextVisits(db: AppDB, fromIso: string): ReadonlyMap<string, string> | undefined {
  return useLiveQuery(async () => {
    const next = new Map<string, string>();
    // In startAt order: the first planned visit seen for a customer is its next one.
    await db.appointments
      .where('startAt')
      .aboveOrEqual(fromIso)
      .each((a) => {
        if (a.status === 'planned' && a.kind === 'visit' && !next.has(a.customerId))
          next.set(a.customerId, a.startAt);
      });
    return next;
  }, [db, fromIso]);
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

// ---- the customer 360: every read goes through an index on customerId ----------------------

/** Newest first, through [customerId+orderedAt]. */
export function useCustomerOrders(db: AppDB, customerId: string): OrderRow[] | undefined {
  return useLiveQuery(
    () =>
      db.orders
        .where('[customerId+orderedAt]')
        .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [db, customerId],
  );
}

export function useContacts(db: AppDB, customerId: string): ContactRow[] | undefined {
  return useLiveQuery(
    () =>
      db.contacts
        .where('[customerId+lastName]')
        .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
        .toArray(),
    [db, customerId],
  );
}

export function useConsents(db: AppDB, customerId: string): ConsentRow[] | undefined {
  return useLiveQuery(() => db.consents.where('customerId').equals(customerId).toArray(), [db, customerId]);
}

export function useVisits(db: AppDB, customerId: string): VisitRow[] | undefined {
  return useLiveQuery(
    () =>
      db.visits
        .where('[customerId+at]')
        .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [db, customerId],
  );
}

export function useActions(db: AppDB, customerId: string): ActionRow[] | undefined {
  return useLiveQuery(
    () =>
      db.actions
        .where('[customerId+at]')
        .between([customerId, Dexie.minKey], [customerId, Dexie.maxKey])
        .reverse()
        .toArray(),
    [db, customerId],
  );
}

/** Newest first. */
export function useComplaints(db: AppDB, customerId: string): ComplaintRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.complaints.where('customerId').equals(customerId).toArray()).sort((a, b) =>
        b.createdAt.localeCompare(a.createdAt),
      ),
    [db, customerId],
  );
}
