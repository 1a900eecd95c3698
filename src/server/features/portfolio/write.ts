/**
 * Bulk writers for the customer file, for the demo-company generator, imports and tests.
 * Rows are inserted in chunks that stay under PostgreSQL's 65,535 bound parameters, and a
 * row whose id (or unique key) already exists is skipped, so seeding twice is harmless.
 *
 * Rules every writer of these tables must keep (the pull depends on them):
 * - ids are UUIDs made by the caller (uuid v7, or a deterministic one for seeds);
 * - any UPDATE sets `version = version + 1` and `updated_at`; a delete is a tombstone
 *   (`deleted_at`, and a version bump), never a DELETE;
 * - an order's lines are part of the order: changing, adding or removing a line bumps the
 *   order's version (the laptop receives the order again with all its lines).
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import { getTableColumns, sql } from 'drizzle-orm';
import {
  appointments,
  complaints,
  consents,
  contacts,
  customers,
  marketingActions,
  orderLines,
  orders,
  priceLists,
  prices,
  products,
  visits,
} from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';

/** Bound parameters per INSERT statement (PostgreSQL's limit is 65,535). */
const MAX_PARAMETERS = 30_000;

/** Inserts rows in chunks, skipping rows that conflict with an existing one. Returns rows inserted. */
export async function insertInChunks<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += size) {
    const result = await db
      .insert(table)
      .values(rows.slice(i, i + size) as T['$inferInsert'][])
      .onConflictDoNothing()
      .returning({ one: sql<number>`1` });
    inserted += result.length;
  }
  return inserted;
}

export type NewCustomer = typeof customers.$inferInsert;
export type NewContact = typeof contacts.$inferInsert;
export type NewConsent = typeof consents.$inferInsert;
export type NewProduct = typeof products.$inferInsert;
export type NewPriceList = typeof priceLists.$inferInsert;
export type NewPrice = typeof prices.$inferInsert;
export type NewOrderLine = Omit<typeof orderLines.$inferInsert, 'orderId' | 'position'>;
/** An order with its lines; lines get `order_id` and `position` (0, 1, 2…) from here. */
export type NewOrder = typeof orders.$inferInsert & { lines: readonly NewOrderLine[] };
export type NewAppointment = typeof appointments.$inferInsert;
export type NewMarketingAction = typeof marketingActions.$inferInsert;
export type NewVisit = typeof visits.$inferInsert;
export type NewComplaint = typeof complaints.$inferInsert;

export const insertCustomers = (db: DbOrTx, rows: readonly NewCustomer[]) =>
  insertInChunks(db, customers, rows);
export const insertContacts = (db: DbOrTx, rows: readonly NewContact[]) => insertInChunks(db, contacts, rows);
export const insertConsents = (db: DbOrTx, rows: readonly NewConsent[]) => insertInChunks(db, consents, rows);
export const insertProducts = (db: DbOrTx, rows: readonly NewProduct[]) => insertInChunks(db, products, rows);
export const insertPriceLists = (db: DbOrTx, rows: readonly NewPriceList[]) =>
  insertInChunks(db, priceLists, rows);
export const insertPrices = (db: DbOrTx, rows: readonly NewPrice[]) => insertInChunks(db, prices, rows);
export const insertAppointments = (db: DbOrTx, rows: readonly NewAppointment[]) =>
  insertInChunks(db, appointments, rows);
export const insertMarketingActions = (db: DbOrTx, rows: readonly NewMarketingAction[]) =>
  insertInChunks(db, marketingActions, rows);
export const insertVisits = (db: DbOrTx, rows: readonly NewVisit[]) => insertInChunks(db, visits, rows);
export const insertComplaints = (db: DbOrTx, rows: readonly NewComplaint[]) =>
  insertInChunks(db, complaints, rows);

/**
 * Orders and their lines, in chunks. Lines of an order that already existed are not
 * inserted again (the order is skipped as a whole). Totals are stored as given: compute them
 * with `lineTotalExclCents` / `orderTotals` from src/shared/lib/money.ts.
 */
export async function insertOrders(db: DbOrTx, rows: readonly NewOrder[]): Promise<number> {
  let inserted = 0;
  const size = 2_000;
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const created = await db
      .insert(orders)
      .values(chunk.map(({ lines: _lines, ...order }) => order))
      .onConflictDoNothing()
      .returning({ id: orders.id });
    const createdIds = new Set(created.map((r) => r.id));
    const lines = chunk.flatMap((order) =>
      createdIds.has(order.id)
        ? order.lines.map((line, position) => ({ ...line, orderId: order.id, position }))
        : [],
    );
    await insertInChunks(db, orderLines, lines);
    inserted += created.length;
  }
  return inserted;
}
