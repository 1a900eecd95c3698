/**
 * Bulk writers for the customer file, for the demo-company generator, imports and tests.
 * Rows go through the one bulk insert (src/server/db/bulk.ts): a row whose id (or unique key)
 * already exists is skipped, so seeding twice is harmless.
 *
 * Rules every writer of these tables must keep (the pull depends on them):
 * - ids are UUIDs made by the caller (uuid v7, or a deterministic one for seeds);
 * - any UPDATE sets `version = version + 1` and `updated_at`; a delete is a tombstone
 *   (`deleted_at`, and a version bump), never a DELETE;
 * - an order's lines are part of the order: changing, adding or removing a line bumps the
 *   order's version (the laptop receives the order again with all its lines).
 */
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
import { bulkInsert } from '../../db/bulk.js';
import type { DbOrTx } from '../../db/types.js';

/** Inserts rows in chunks (src/server/db/bulk.ts), skipping rows that conflict with an existing one. Returns rows inserted. */
export async function insertInChunks<T extends Parameters<typeof bulkInsert>[1]>(
  db: DbOrTx,
  table: T,
  rows: readonly T['$inferInsert'][],
): Promise<number> {
  return (await bulkInsert(db, table, rows)).length;
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
    const created = new Set(
      await bulkInsert(
        db,
        orders,
        chunk.map(({ lines: _lines, ...order }) => order),
      ),
    );
    const lines = chunk.flatMap((order) =>
      created.has(order.id)
        ? order.lines.map((line, position) => ({ ...line, orderId: order.id, position }))
        : [],
    );
    await bulkInsert(db, orderLines, lines);
    inserted += created.size;
  }
  return inserted;
}
