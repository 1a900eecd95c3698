/**
 * Writes validated import records at head office. Call inside ONE transaction (`runImport`
 * does): an import is all or nothing. Idempotent by external reference: a record equal to
 * the stored row changes nothing (no version bump); a changed row gets `version + 1` and
 * `updated_at`, so the next sync pull sends it (rules in ../portfolio/write.ts).
 *
 *   customers  by `externalRef` (insert, or update only the fields present in the file)
 *   contacts   by `externalRef`, else by customer + last name + first name
 *   products   by `reference`;  prices  by (price list, product): the breaks are replaced
 *   orders     by `number`: a changed order gets its lines replaced and its version bumped
 *   cdnow      the CD product and the missing customers first, then the orders
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ContactEditable } from '../../../shared/domain/contact/contact.js';
import type { ImportCounts } from '../../../shared/contract/imports.js';
import type { Uuid } from '../../../shared/lib/ids.js';
import { contacts, customers, orderLines, orders, prices, products } from '../../db/schema.js';
import { bulkInsert } from '../../db/bulk.js';
import type { DbOrTx } from '../../db/types.js';
import { anyId, insertContacts, insertPrices, insertProducts } from '../portfolio/index.js';
import type { NewContact, NewCustomer, NewOrder, NewPrice, NewProduct } from '../portfolio/index.js';
import type { CdnowRecords } from './cdnow.js';
import { handOverPlannedAppointments } from '../appointments/index.js';
import { cdnowProduct } from './cdnow.js';
import { inTextKeys } from './dbLookups.js';
import type {
  ContactImportRecord,
  CustomerImportFields,
  CustomerImportRecord,
  OrderImportRecord,
  PriceImportRecord,
  ProductImportRecord,
} from './importers.js';

export type ImportRecords =
  | { kind: 'customers'; records: CustomerImportRecord[] }
  | { kind: 'contacts'; records: ContactImportRecord[] }
  | { kind: 'products'; records: ProductImportRecord[] }
  | { kind: 'prices'; records: PriceImportRecord[] }
  | { kind: 'orders'; records: OrderImportRecord[] }
  | { kind: 'cdnow'; records: CdnowRecords };

export interface WriteOptions {
  now: Date;
  /** Owner of created customers the file gives none (CDNOW `--owner`); null = nobody. */
  defaultOwnerId?: Uuid | null;
  /** (records written, records to write): after each chunk, and at the end. */
  onProgress?: (done: number, total: number) => void;
}

/** Records per statement batch (also the progress step). */
const CHUNK = 5_000;

/** Orders and their lines (lines only for orders actually inserted). Returns orders inserted. */
async function insertOrdersWithLines(db: DbOrTx, rows: readonly NewOrder[]): Promise<number> {
  const created = new Set(
    await bulkInsert(
      db,
      orders,
      rows.map(({ lines: _lines, ...order }) => order),
      { chunkSize: rows.length || 1 },
    ),
  );
  const lines = rows.flatMap((order) =>
    created.has(order.id)
      ? order.lines.map((line, position) => ({ ...line, orderId: order.id, position }))
      : [],
  );
  await bulkInsert(db, orderLines, lines, { chunkSize: 10_000 });
  return created.size;
}

type Counts = Omit<ImportCounts, 'entity'>;
const zero = (): Counts => ({ created: 0, updated: 0, unchanged: 0 });

interface ProgressSink {
  add(n: number): void;
}

class WriteProgress implements ProgressSink {
  private done = 0;
  constructor(
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}
  add(n: number): void {
    this.done += n;
    this.onProgress?.(Math.min(this.done, this.total), this.total);
  }
}

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Equality of imported values: primitives, and arrays of them (order lines, price breaks). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

function sameBreaks(
  a: readonly { minQuantity: number; unitPriceCents: number }[],
  b: readonly { minQuantity: number; unitPriceCents: number }[],
): boolean {
  return same(
    a.map((x) => [x.minQuantity, x.unitPriceCents]),
    b.map((x) => [x.minQuantity, x.unitPriceCents]),
  );
}

/** The rows one chunk of records may update, locked, and how a record finds its row. */
interface ChunkLookup<R, Row, New> {
  find(record: R): Row | undefined;
  /** A row this chunk inserts, so a later record of the same chunk updates it. */
  inserted?(record: R, row: New): void;
}

/**
 * The skeleton every keyed import shares: per chunk, lock the existing rows, then for each
 * record insert it (batched at the end of the chunk) or update its row (`update` answers
 * false when nothing changed).
 */
async function upsertByKey<R, Row, New>(
  records: readonly R[],
  progress: ProgressSink,
  step: {
    lock(chunk: readonly R[]): Promise<ChunkLookup<R, Row, New>>;
    insert(record: R): New;
    update(row: Row, record: R): Promise<boolean>;
    flush(rows: readonly New[]): Promise<number>;
  },
): Promise<Counts> {
  const counts = zero();
  for (const chunk of chunks(records)) {
    const lookup = await step.lock(chunk);
    const inserts: New[] = [];
    for (const record of chunk) {
      const row = lookup.find(record);
      if (row === undefined) {
        const created = step.insert(record);
        inserts.push(created);
        lookup.inserted?.(record, created);
      } else if (await step.update(row, record)) counts.updated += 1;
      else counts.unchanged += 1;
    }
    counts.created += await step.flush(inserts);
    progress.add(chunk.length);
  }
  return counts;
}

/** Writes the records; returns counts per entity. Run inside a transaction. */
export async function writeImport(
  db: DbOrTx,
  input: ImportRecords,
  options: WriteOptions,
): Promise<ImportCounts[]> {
  switch (input.kind) {
    case 'customers': {
      const progress = new WriteProgress(input.records.length, options.onProgress);
      const counts = await writeCustomers(db, input.records, options, progress);
      return [{ entity: 'customers', ...counts }];
    }
    case 'contacts': {
      const progress = new WriteProgress(input.records.length, options.onProgress);
      return [{ entity: 'contacts', ...(await writeContacts(db, input.records, options, progress)) }];
    }
    case 'products': {
      const progress = new WriteProgress(input.records.length, options.onProgress);
      return [{ entity: 'products', ...(await writeProducts(db, input.records, options, progress)) }];
    }
    case 'prices': {
      const progress = new WriteProgress(input.records.length, options.onProgress);
      return [{ entity: 'prices', ...(await writePrices(db, input.records, options, progress)) }];
    }
    case 'orders': {
      const progress = new WriteProgress(input.records.length, options.onProgress);
      return [{ entity: 'orders', ...(await writeOrders(db, input.records, options, progress)) }];
    }
    case 'cdnow':
      return writeCdnow(db, input.records, options);
  }
}

// ---------------------------------------------------------------------------------------------
// Customers

type CustomerRow = typeof customers.$inferSelect;

export async function writeCustomers(
  db: DbOrTx,
  records: readonly CustomerImportRecord[],
  options: WriteOptions,
  progress: ProgressSink = new WriteProgress(records.length, options.onProgress),
): Promise<Counts> {
  const counts = zero();
  const toInsert = records.filter((r) => r.existingId === null);
  const toUpdate = records.filter((r) => r.existingId !== null);
  for (const chunk of chunks(toInsert)) {
    const rows: NewCustomer[] = chunk.map((r) => ({
      id: uuidv7(),
      ...r.fields,
      status: r.fields.status ?? 'customer',
      externalRef: r.externalRef,
      ownerId: r.ownerId ?? options.defaultOwnerId ?? null,
      createdAt: options.now,
      updatedAt: options.now,
    }));
    counts.created += (await bulkInsert(db, customers, rows, { chunkSize: rows.length || 1 })).length;
    progress.add(chunk.length);
  }
  for (const chunk of chunks(toUpdate)) {
    const current = await db
      .select()
      .from(customers)
      .where(
        anyId(
          customers.id,
          chunk.map((r) => r.existingId!),
        ),
      )
      .for('update');
    const byId = new Map(current.map((row) => [row.id, row]));
    for (const record of chunk) {
      const row = byId.get(record.existingId!);
      if (row === undefined) continue;
      if (await updateCustomerFromImport(db, row, record, options.now)) counts.updated += 1;
      else counts.unchanged += 1;
    }
    progress.add(chunk.length);
  }
  return counts;
}

async function updateCustomerFromImport(
  db: DbOrTx,
  row: CustomerRow,
  record: CustomerImportRecord,
  now: Date,
): Promise<boolean> {
  const changes: Partial<CustomerImportFields> = {};
  for (const [key, value] of Object.entries(record.fields) as [keyof CustomerImportFields, unknown][]) {
    if (!same(row[key], value)) (changes as Record<string, unknown>)[key] = value;
  }
  const ownerChanged = record.ownerId !== null && record.ownerId !== row.ownerId;
  const fields = Object.keys(changes);
  if (fields.length === 0 && !ownerChanged) return false;
  const version = row.version + 1;
  const fieldVersions = { ...row.fieldVersions };
  for (const f of fields) fieldVersions[f] = version;
  // An import has no author a rep's later edit could conflict with.
  const fieldAuthors = Object.fromEntries(
    Object.entries(row.fieldAuthors).filter(([field]) => !fields.includes(field)),
  );
  await db
    .update(customers)
    .set({
      ...changes,
      ...(ownerChanged ? { ownerId: record.ownerId } : {}),
      version: sql`${customers.version} + 1`,
      fieldVersions,
      fieldAuthors,
      updatedAt: now,
    })
    .where(eq(customers.id, row.id));
  if (ownerChanged) await handOverPlannedAppointments(db, row.id, record.ownerId, now);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Contacts

type ContactRow = typeof contacts.$inferSelect;

function contactKey(customerId: string, c: Pick<ContactEditable, 'lastName' | 'firstName'>): string {
  return `${customerId}\u0000${c.lastName.trim().toLowerCase()}\u0000${c.firstName.trim().toLowerCase()}`;
}

const contactFields = [
  'firstName',
  'lastName',
  'role',
  'phone',
  'mobile',
  'email',
  'decisionMaker',
  'preferredChannel',
] as const satisfies readonly (keyof ContactEditable)[];

export async function writeContacts(
  db: DbOrTx,
  records: readonly ContactImportRecord[],
  options: WriteOptions,
  progress: ProgressSink = new WriteProgress(records.length, options.onProgress),
): Promise<Counts> {
  return upsertByKey<ContactImportRecord, ContactRow, NewContact>(records, progress, {
    async lock(chunk) {
      const refs = chunk.flatMap((r) => (r.externalRef === null ? [] : [r.externalRef]));
      const byRef = new Map<string, ContactRow>();
      if (refs.length > 0) {
        const rows = await db
          .select()
          .from(contacts)
          .where(inTextKeys(contacts.externalRef, refs))
          .for('update');
        for (const row of rows) if (row.externalRef !== null) byRef.set(row.externalRef, row);
      }
      const unreferenced = chunk.filter((r) => r.externalRef === null);
      const byName = new Map<string, ContactRow>();
      if (unreferenced.length > 0) {
        const rows = await db
          .select()
          .from(contacts)
          .where(
            and(
              anyId(contacts.customerId, [...new Set(unreferenced.map((r) => r.customerId))]),
              isNull(contacts.deletedAt),
            ),
          )
          .for('update');
        for (const row of rows) byName.set(contactKey(row.customerId, row), row);
      }
      return {
        find: (record) =>
          record.externalRef === null
            ? byName.get(contactKey(record.customerId, record.contact))
            : byRef.get(record.externalRef),
        // A second line for the same person in this file updates the row inserted here.
        inserted(record, row) {
          if (record.externalRef === null) {
            byName.set(contactKey(record.customerId, record.contact), row as ContactRow);
          }
        },
      };
    },
    insert: (record) => ({
      id: uuidv7(),
      customerId: record.customerId,
      ...record.contact,
      externalRef: record.externalRef,
      createdAt: options.now,
      updatedAt: options.now,
    }),
    async update(existing, record) {
      const changes: Partial<ContactEditable> = {};
      for (const f of contactFields) {
        if (!same(existing[f], record.contact[f]))
          (changes as Record<string, unknown>)[f] = record.contact[f];
      }
      const moved = existing.customerId !== record.customerId;
      if (Object.keys(changes).length === 0 && !moved && existing.deletedAt === null) return false;
      await db
        .update(contacts)
        .set({
          ...changes,
          customerId: record.customerId,
          deletedAt: null,
          version: sql`${contacts.version} + 1`,
          updatedAt: options.now,
        })
        .where(eq(contacts.id, existing.id));
      return true;
    },
    flush: (rows) => insertContacts(db, rows),
  });
}

// ---------------------------------------------------------------------------------------------
// Products and prices

export async function writeProducts(
  db: DbOrTx,
  records: readonly ProductImportRecord[],
  options: WriteOptions,
  progress: ProgressSink = new WriteProgress(records.length, options.onProgress),
): Promise<Counts> {
  return upsertByKey<ProductImportRecord, typeof products.$inferSelect, NewProduct>(records, progress, {
    async lock(chunk) {
      const existingIds = chunk.flatMap((r) => (r.existingId === null ? [] : [r.existingId]));
      const current =
        existingIds.length === 0
          ? []
          : await db.select().from(products).where(anyId(products.id, existingIds)).for('update');
      const byId = new Map(current.map((row) => [row.id, row]));
      return { find: (record) => (record.existingId === null ? undefined : byId.get(record.existingId)) };
    },
    insert: (record) => ({ id: uuidv7(), ...record.product, createdAt: options.now, updatedAt: options.now }),
    async update(row, record) {
      const p = record.product;
      if (
        row.name === p.name &&
        row.family === p.family &&
        row.unit === p.unit &&
        row.vatRate === p.vatRate &&
        row.active === p.active
      ) {
        return false;
      }
      await db
        .update(products)
        .set({ ...p, version: sql`${products.version} + 1`, updatedAt: options.now })
        .where(eq(products.id, row.id));
      return true;
    },
    flush: (rows) => insertProducts(db, rows),
  });
}

export async function writePrices(
  db: DbOrTx,
  records: readonly PriceImportRecord[],
  options: WriteOptions,
  progress: ProgressSink = new WriteProgress(records.length, options.onProgress),
): Promise<Counts> {
  const pair = (r: { priceListId: string; productId: string }) => `${r.priceListId}\u0000${r.productId}`;
  return upsertByKey<PriceImportRecord, typeof prices.$inferSelect, NewPrice>(records, progress, {
    async lock(chunk) {
      const current = await db
        .select()
        .from(prices)
        .where(
          and(
            anyId(prices.priceListId, [...new Set(chunk.map((r) => r.priceListId))]),
            anyId(prices.productId, [...new Set(chunk.map((r) => r.productId))]),
          ),
        )
        .for('update');
      const byPair = new Map(current.map((row) => [pair(row), row]));
      return { find: (record) => byPair.get(pair(record)) };
    },
    insert: (record) => ({
      id: uuidv7(),
      priceListId: record.priceListId,
      productId: record.productId,
      breaks: record.breaks,
      createdAt: options.now,
      updatedAt: options.now,
    }),
    async update(row, record) {
      if (sameBreaks(row.breaks, record.breaks) && row.deletedAt === null) return false;
      await db
        .update(prices)
        .set({
          breaks: record.breaks,
          deletedAt: null,
          version: sql`${prices.version} + 1`,
          updatedAt: options.now,
        })
        .where(eq(prices.id, row.id));
      return true;
    },
    flush: (rows) => insertPrices(db, rows),
  });
}

// ---------------------------------------------------------------------------------------------
// Orders

type OrderRow = typeof orders.$inferSelect;
type OrderLineRow = typeof orderLines.$inferSelect;

function lineShape(l: {
  productId: string | null;
  productReference: string;
  productName: string;
  quantity: number;
  unitPriceCents: number;
  discountBp: number;
  vatRate: number;
  totalExclCents: number;
}) {
  return [
    l.productId,
    l.productReference,
    l.productName,
    l.quantity,
    l.unitPriceCents,
    l.discountBp,
    l.vatRate,
    l.totalExclCents,
  ];
}

function orderUnchanged(row: OrderRow, lines: readonly OrderLineRow[], record: OrderImportRecord): boolean {
  return (
    row.deletedAt === null &&
    row.customerId === record.customerId &&
    row.orderedAt.getTime() === Date.parse(record.orderedAt) &&
    row.status === record.status &&
    row.totalExclCents === record.totalExclCents &&
    row.totalVatCents === record.totalVatCents &&
    row.totalInclCents === record.totalInclCents &&
    same([...lines].sort((a, b) => a.position - b.position).map(lineShape), record.lines.map(lineShape))
  );
}

function orderLineRows(record: OrderImportRecord) {
  return record.lines.map((l) => {
    if (l.productId === null) throw new UnresolvedImportReferenceError(`product of order ${record.number}`);
    return {
      id: uuidv7(),
      productId: l.productId,
      productReference: l.productReference,
      productName: l.productName,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      discountBp: l.discountBp,
      vatRate: l.vatRate,
      totalExclCents: l.totalExclCents,
    };
  });
}

/** A record still pointing at a row "created by this import" that was not: a bug. */
export class UnresolvedImportReferenceError extends Error {
  constructor(what: string) {
    super(`Import record refers to an unresolved ${what}`);
    this.name = 'UnresolvedImportReferenceError';
  }
}

export async function writeOrders(
  db: DbOrTx,
  records: readonly OrderImportRecord[],
  options: WriteOptions,
  progress: ProgressSink = new WriteProgress(records.length, options.onProgress),
): Promise<Counts> {
  const linesByOrder = new Map<string, OrderLineRow[]>();
  return upsertByKey<OrderImportRecord, OrderRow, NewOrder>(records, progress, {
    async lock(chunk) {
      const current = await db
        .select()
        .from(orders)
        .where(
          inTextKeys(
            orders.number,
            chunk.map((o) => o.number),
          ),
        )
        .for('update');
      const byNumber = new Map(current.map((row) => [row.number, row]));
      linesByOrder.clear();
      if (current.length > 0) {
        const lines = await db
          .select()
          .from(orderLines)
          .where(
            anyId(
              orderLines.orderId,
              current.map((o) => o.id),
            ),
          );
        for (const line of lines) {
          const list = linesByOrder.get(line.orderId);
          if (list) list.push(line);
          else linesByOrder.set(line.orderId, [line]);
        }
      }
      return {
        find(record) {
          if (record.customerId === null)
            throw new UnresolvedImportReferenceError(`customer of order ${record.number}`);
          return byNumber.get(record.number);
        },
      };
    },
    insert: (record) => ({
      id: uuidv7(),
      customerId: record.customerId!,
      repId: null,
      number: record.number,
      orderedAt: new Date(record.orderedAt),
      status: record.status,
      totalExclCents: record.totalExclCents,
      totalVatCents: record.totalVatCents,
      totalInclCents: record.totalInclCents,
      createdAt: options.now,
      updatedAt: options.now,
      lines: orderLineRows(record),
    }),
    async update(row, record) {
      if (orderUnchanged(row, linesByOrder.get(row.id) ?? [], record)) return false;
      // The lines are part of the order: replace them, and bump the order's version.
      await db.delete(orderLines).where(eq(orderLines.orderId, row.id));
      const lines = orderLineRows(record).map((l, position) => ({ ...l, orderId: row.id, position }));
      if (lines.length > 0) await db.insert(orderLines).values(lines);
      await db
        .update(orders)
        .set({
          customerId: record.customerId!,
          orderedAt: new Date(record.orderedAt),
          status: record.status,
          totalExclCents: record.totalExclCents,
          totalVatCents: record.totalVatCents,
          totalInclCents: record.totalInclCents,
          deletedAt: null,
          version: sql`${orders.version} + 1`,
          updatedAt: options.now,
        })
        .where(eq(orders.id, row.id));
      return true;
    },
    flush: (rows) => insertOrdersWithLines(db, rows),
  });
}

// ---------------------------------------------------------------------------------------------
// CDNOW

export async function writeCdnow(
  db: DbOrTx,
  records: CdnowRecords,
  options: WriteOptions,
): Promise<ImportCounts[]> {
  const newCustomers = records.customers.filter((c) => c.existingId === null);
  const progress = new WriteProgress(newCustomers.length + records.orders.length + 1, options.onProgress);
  // 1. The CD product.
  const productCounts = zero();
  let productId = records.product.existingId;
  if (productId === null) {
    productId = uuidv7();
    productCounts.created += await insertProducts(db, [
      { id: productId, ...cdnowProduct, createdAt: options.now, updatedAt: options.now },
    ]);
  } else {
    productCounts.unchanged += 1;
  }
  progress.add(1);
  // 2. The customers not yet at head office (existing ones are left as they are).
  const ids = new Map<string, Uuid>();
  for (const c of records.customers) if (c.existingId !== null) ids.set(c.externalRef!, c.existingId);
  const customerCounts = zero();
  customerCounts.unchanged = records.customers.length - newCustomers.length;
  for (const chunk of chunks(newCustomers)) {
    const rows: NewCustomer[] = chunk.map((c) => {
      const id = uuidv7();
      ids.set(c.externalRef!, id);
      return {
        id,
        ...c.fields,
        status: c.fields.status ?? 'customer',
        externalRef: c.externalRef,
        ownerId: options.defaultOwnerId ?? null,
        createdAt: options.now,
        updatedAt: options.now,
      };
    });
    customerCounts.created += (await bulkInsert(db, customers, rows, { chunkSize: rows.length || 1 })).length;
    progress.add(chunk.length);
  }
  // 3. The orders, their customer and product ids filled in.
  const finalProductId = productId;
  const orderRecords = records.orders.map((o) => ({
    ...o,
    customerId: o.customerId ?? ids.get(o.customerRef) ?? null,
    lines: o.lines.map((l) => ({ ...l, productId: l.productId ?? finalProductId })),
  }));
  const orderCounts = await writeOrders(db, orderRecords, options, progress);
  return [
    { entity: 'customers', ...customerCounts },
    { entity: 'products', ...productCounts },
    { entity: 'orders', ...orderCounts },
  ];
}
