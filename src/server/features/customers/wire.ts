/** Customers and their notes as they go on the wire. */
import { eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Customer, CustomerEditable } from '../../../shared/domain/customer/customer.js';
import type { Note } from '../../../shared/domain/note/note.js';
import { customers, notes, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso, toIsoOrNull } from '../../lib/time.js';

export type CustomerRow = typeof customers.$inferSelect;

export function toCustomerWire(row: CustomerRow, ownerName: string | null): Customer {
  return {
    id: row.id,
    ...editableOf(row),
    ownerId: row.ownerId,
    ownerName,
    externalRef: row.externalRef,
    version: row.version,
    updatedAt: toIso(row.updatedAt),
  };
}

const owners = alias(users, 'owners');

export async function selectCustomers(
  db: DbOrTx,
  where: SQL | undefined,
  limit?: number,
): Promise<Customer[]> {
  const query = db
    .select({ customer: customers, ownerName: owners.name })
    .from(customers)
    .leftJoin(owners, eq(owners.id, customers.ownerId))
    .where(where)
    .orderBy(customers.name, customers.id);
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map((r) => toCustomerWire(r.customer, r.ownerName));
}

export async function selectNotes(db: DbOrTx, where: SQL | undefined): Promise<Note[]> {
  const rows = await db
    .select({ note: notes, authorName: users.name })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(where)
    .orderBy(notes.createdAt, notes.id);
  return rows.map((r) => ({
    id: r.note.id,
    customerId: r.note.customerId,
    authorId: r.note.authorId,
    authorName: r.authorName,
    body: r.note.body,
    createdAt: toIso(r.note.createdAt),
    receivedAt: toIsoOrNull(r.note.receivedAt),
  }));
}

/** The editable fields of a row, listed one by one: a new column is a compile error here. */
export function editableOf(row: CustomerRow): CustomerEditable {
  return {
    name: row.name,
    siret: row.siret,
    nafCode: row.nafCode,
    legalForm: row.legalForm,
    address: row.address,
    postcode: row.postcode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    size: row.size,
    sector: row.sector,
    firstContactDate: row.firstContactDate,
    phone: row.phone,
    email: row.email,
    needs: row.needs,
    preferredVisitDays: row.preferredVisitDays,
    preferredVisitHours: row.preferredVisitHours,
    openingHours: row.openingHours,
    competitors: row.competitors,
    budgetCycle: row.budgetCycle,
    declarativeNotes: row.declarativeNotes,
    status: row.status,
    priceGroup: row.priceGroup,
  };
}
