/**
 * CSV bytes → validated import records, per kind. Pure (no database): references are resolved
 * through `ImportLookups`; writing the records is the integrator's job (see README.md here).
 *
 * Pipeline: decode → CSV → header mapping → per-row parsing (every cell error collected) →
 * batched lookups → cross-row checks (duplicates, order grouping) → records or all errors.
 */
import { z } from 'zod';
import { productSchema } from '../../../shared/domain/catalog/catalog.js';
import type { VatRate } from '../../../shared/domain/catalog/catalog.js';
import { contactEditableSchema } from '../../../shared/domain/contact/contact.js';
import type { Channel, ContactEditable } from '../../../shared/domain/contact/contact.js';
import { customerEditableSchema } from '../../../shared/domain/customer/customer.js';
import type { CustomerStatus } from '../../../shared/domain/customer/customer.js';
import { MAX_LINE_QUANTITY, type OrderStatus } from '../../../shared/domain/order/order.js';
import type { IsoDate, IsoDateTime, Uuid } from '../../../shared/lib/ids.js';
import { isoDateSchema } from '../../../shared/lib/ids.js';
import type { Delimiter } from './csv.js';
import { parseCsv } from './csv.js';
import type { TextEncodingName } from './decode.js';
import { decodeBytes } from './decode.js';
import type { ImportError, ImportWarning, ValueResult } from './errors.js';
import { valueFail, valueOk } from './errors.js';
import type { ColumnMapping, ImportField, ImportKind } from './headers.js';
import { checkMapping, normaliseHeader, suggestMapping } from './headers.js';
import type { ImportLookups, ProductMatch } from './lookups.js';
import { lineTotalExclCents, orderTotals, unitPriceFromAmount } from '../../../shared/lib/money.js';
import { instantOn } from '../../../shared/lib/calendar.js';
import { Progress, RowReader, columnsByField } from './validate.js';
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseInteger,
  parseMoneyCents,
  parseNumber,
  parsePercentBp,
  parseSiret,
  parseVatRate,
} from './values.js';

// ---------------------------------------------------------------------------------------------
// Result types

export interface ImportReport<K extends ImportKind = ImportKind> {
  kind: K;
  /** Data rows read (empty lines excluded). */
  rows: number;
  encoding: TextEncodingName | null;
  bom: boolean;
  delimiter: Delimiter | null;
  /** The mapping used: show it to the admin, who may edit it and import again. */
  mapping: ColumnMapping<ImportField<K>> | null;
  warnings: ImportWarning[];
}

export type ImportResult<R, K extends ImportKind = ImportKind> =
  | { ok: true; records: R[]; report: ImportReport<K> }
  | { ok: false; errors: ImportError[]; report: ImportReport<K> };

export interface ImportOptions<K extends ImportKind> {
  lookups: ImportLookups;
  /** The admin's mapping; `suggestMapping` when absent. */
  mapping?: ColumnMapping<ImportField<K>>;
  /** Called with (rows done, rows total) about every 1 % and at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Time zone of dates without time (orders): default Europe/Paris. */
  timeZone?: string;
}

// ---------------------------------------------------------------------------------------------
// Records

export const customerImportFieldsSchema = customerEditableSchema
  .pick({ name: true, address: true, postcode: true, city: true, phone: true, email: true, status: true })
  .extend({
    // Same rules as the customer fields being added to the shared schema (customer-next).
    siret: z.string(),
    nafCode: z.string().regex(/^(\d{2}\.\d{2}[A-Z])?$/, 'NAF code looks like 56.10A'),
    legalForm: z.string().trim().max(60),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
    sector: z.string().trim().max(100),
    firstContactDate: isoDateSchema.nullable(),
    priceGroup: z.string().trim().max(40),
  })
  .partial()
  .required({ name: true });
export type CustomerImportFields = z.infer<typeof customerImportFieldsSchema>;

export interface CustomerImportRecord {
  line: number;
  /** `Référence` column: the key for idempotent re-imports. */
  externalRef: string | null;
  /** Head office's customer with this externalRef (update it), or null (create one). */
  existingId: Uuid | null;
  /** The rep given by e-mail, resolved. */
  ownerId: Uuid | null;
  ownerEmail: string | null;
  /** Only the fields whose column is in the file: on update, the others keep their values. */
  fields: CustomerImportFields;
}

export interface ContactImportRecord {
  line: number;
  customerRef: string;
  customerId: Uuid;
  externalRef: string | null;
  contact: ContactEditable;
}

export const productImportSchema = productSchema.pick({
  reference: true,
  name: true,
  family: true,
  unit: true,
  vatRate: true,
  active: true,
});
export type ProductImportFields = z.infer<typeof productImportSchema>;

export interface ProductImportRecord {
  line: number;
  /** Head office's product with this reference (update it), or null (create one). */
  existingId: Uuid | null;
  product: ProductImportFields;
}

export interface PriceImportRecord {
  /** Lines of the breaks, in break order. */
  lines: number[];
  priceListCode: string;
  priceListId: Uuid;
  productReference: string;
  productId: Uuid;
  breaks: { minQuantity: number; unitPriceCents: number }[];
}

export interface OrderLineImport {
  line: number;
  /** Null only for a product created by the same import (CDNOW). */
  productId: Uuid | null;
  productReference: string;
  productName: string;
  quantity: number;
  unitPriceCents: number;
  discountBp: number;
  vatRate: VatRate;
  totalExclCents: number;
}

export interface OrderImportRecord {
  /** First line of the order in the file. */
  line: number;
  number: string;
  customerRef: string;
  /** Null only for a customer created by the same import (CDNOW). */
  customerId: Uuid | null;
  date: IsoDate;
  /** The datetime's instant if the file had one, else midnight of `date` in the time zone. */
  orderedAt: IsoDateTime;
  status: OrderStatus;
  lines: OrderLineImport[];
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
}

// ---------------------------------------------------------------------------------------------
// Shared pipeline

interface Prepared<K extends ImportKind> {
  report: ImportReport<K>;
  errors: ImportError[];
  reader: RowReader<ImportField<K>>;
  records: { line: number; cells: string[] }[];
  width: number;
  fields: ReadonlySet<string>;
}

function emptyReport<K extends ImportKind>(kind: K): ImportReport<K> {
  return { kind, rows: 0, encoding: null, bom: false, delimiter: null, mapping: null, warnings: [] };
}

/** Decode, parse and map; a file-level problem gives `{ ok: false }` at once. */
export function prepare<K extends ImportKind>(
  kind: K,
  bytes: Uint8Array,
  mapping?: ColumnMapping<ImportField<K>> | ((header: readonly string[]) => ColumnMapping<ImportField<K>>),
  required?: readonly ImportField<K>[],
): { ok: true; prepared: Prepared<K> } | { ok: false; errors: ImportError[]; report: ImportReport<K> } {
  const report = emptyReport(kind);
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [decoded.error], report };
  report.encoding = decoded.encoding;
  report.bom = decoded.bom;
  if (decoded.encoding === 'windows-1252') {
    report.warnings.push({
      code: 'windows-1252',
      line: null,
      column: null,
      reason: 'the file is not UTF-8: it was read as Windows-1252 (Western European)',
    });
  }
  const table = parseCsv(decoded.text);
  report.delimiter = table.delimiter;
  report.rows = table.records.length;
  if (table.header.length === 0) {
    return {
      ok: false,
      errors: [
        {
          line: null,
          column: null,
          field: null,
          value: null,
          code: 'empty-file',
          reason: 'the file is empty',
        },
      ],
      report,
    };
  }
  const used =
    typeof mapping === 'function' ? mapping(table.header) : (mapping ?? suggestMapping(kind, table.header));
  report.mapping = used;
  const check = checkMapping(used, required);
  report.warnings.push(...check.warnings);
  if (table.records.length === 0) {
    report.warnings.push({
      code: 'no-rows',
      line: null,
      column: null,
      reason: 'the file has a header but no rows',
    });
  }
  const errors = [...table.errors, ...check.errors];
  if (check.errors.length > 0) return { ok: false, errors, report };
  const columns = columnsByField(used);
  return {
    ok: true,
    prepared: {
      report,
      errors,
      reader: new RowReader(columns, errors),
      records: table.records,
      width: table.header.length,
      fields: new Set(columns.keys()),
    },
  };
}

function byLine(a: ImportError, b: ImportError): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

function finish<R, K extends ImportKind>(prepared: Prepared<K>, records: R[]): ImportResult<R, K> {
  const { errors, report } = prepared;
  if (errors.length > 0) return { ok: false, errors: errors.sort(byLine), report };
  return { ok: true, records, report };
}

/** Runs `each` over the rows with progress; the reader is positioned on the row. */
async function eachRow<K extends ImportKind>(
  prepared: Prepared<K>,
  onProgress: ((done: number, total: number) => void) | undefined,
  each: (reader: RowReader<ImportField<K>>) => void,
): Promise<void> {
  const progress = new Progress(prepared.records.length, onProgress);
  const { reader, records, width } = prepared;
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i]!;
    reader.reset(r.line, r.cells);
    reader.checkWidth(width);
    each(reader);
    const pause = progress.tick(i + 1);
    if (pause) await pause;
  }
  progress.finish();
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Enum values by their French or English label (normalised like headers). */
function enumParser<T extends string>(
  labels: Record<string, T>,
  what: string,
): (raw: string) => ValueResult<T> {
  const index = new Map(Object.entries(labels).map(([k, v]) => [normaliseHeader(k), v]));
  const accepted = Object.keys(labels).join(', ');
  return (raw) => {
    const v = index.get(normaliseHeader(raw));
    return v === undefined ? valueFail('bad-value', `"${raw}" is not a ${what} (${accepted})`) : valueOk(v);
  };
}

const customerStatusLabels: Record<string, CustomerStatus> = {
  prospect: 'prospect',
  client: 'customer',
  customer: 'customer',
  perdu: 'lost',
  lost: 'lost',
  'client perdu': 'lost',
};
export const parseCustomerStatus = enumParser(customerStatusLabels, 'customer status');

const channelLabels: Record<string, Channel> = {
  visite: 'visit',
  visit: 'visit',
  téléphone: 'phone',
  tél: 'phone',
  phone: 'phone',
  'e-mail': 'email',
  email: 'email',
  courriel: 'email',
  sms: 'sms',
  texto: 'sms',
};
export const parseChannel = enumParser(channelLabels, 'channel');

const orderStatusLabels: Record<string, OrderStatus> = {
  brouillon: 'draft',
  draft: 'draft',
  reçue: 'received',
  received: 'received',
  confirmée: 'confirmed',
  confirmed: 'confirmed',
  expédiée: 'shipped',
  shipped: 'shipped',
  livrée: 'delivered',
  delivered: 'delivered',
  annulée: 'cancelled',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};
export const parseOrderStatus = enumParser(orderStatusLabels, 'order status');

/** Marks the later occurrences of a key as `duplicate-reference` errors. */
class DuplicateCheck {
  private readonly first = new Map<string, number>();

  check<F extends string>(reader: RowReader<F>, field: F | null, key: string, what: string): boolean {
    const seen = this.first.get(key);
    if (seen === undefined) {
      this.first.set(key, reader.line);
      return true;
    }
    reader.error(field, 'duplicate-reference', `${what} "${key}" is already on line ${seen}`);
    return false;
  }
}

/**
 * The references a file makes (to products, customers, reps, price lists), from every row,
 * valid or not, so that an unknown reference is reported even on a line with other errors.
 */
class References {
  private readonly uses: { line: number; value: string }[] = [];

  constructor(
    private readonly column: string | null,
    private readonly field: string,
  ) {}

  add(line: number, value: string | null): void {
    if (value) this.uses.push({ line, value });
  }

  keys(): string[] {
    return distinct(this.uses.map((u) => u.value));
  }

  /** Reports every use of a key the lookup did not find. */
  report(
    found: ReadonlyMap<string, unknown>,
    errors: ImportError[],
    code: ImportError['code'],
    what: string,
  ): void {
    for (const u of this.uses) {
      if (!found.has(u.value))
        errors.push(lookupError(u.line, this.column, this.field, u.value, code, `no ${what} "${u.value}"`));
    }
  }
}

async function lookup<T>(
  refs: References,
  fetch: (keys: readonly string[]) => Promise<ReadonlyMap<string, T>>,
): Promise<ReadonlyMap<string, T>> {
  const keys = refs.keys();
  return keys.length === 0 ? new Map() : fetch(keys);
}

function lookupError(
  line: number,
  column: string | null,
  field: string,
  value: string,
  code: ImportError['code'],
  reason: string,
): ImportError {
  return { line, column, field, value, code, reason };
}

function headerOf<K extends ImportKind>(prepared: Prepared<K>, field: ImportField<K>): string | null {
  return prepared.report.mapping?.columns.find((c) => c.field === field)?.header ?? null;
}

// ---------------------------------------------------------------------------------------------
// Customers

const customerTextFields = [
  'address',
  'postcode',
  'city',
  'phone',
  'email',
  'legalForm',
  'sector',
  'priceGroup',
] as const;

export async function importCustomers(
  bytes: Uint8Array,
  options: ImportOptions<'customers'>,
): Promise<ImportResult<CustomerImportRecord, 'customers'>> {
  const p = prepare('customers', bytes, options.mapping);
  if (!p.ok) return p;
  const prepared = p.prepared;
  const rows: CustomerImportRecord[] = [];
  const duplicates = new DuplicateCheck();
  const repRefs = new References(headerOf(prepared, 'repEmail'), 'repEmail');
  await eachRow(prepared, options.onProgress, (r) => {
    const name = r.required('name');
    const fields: Partial<CustomerImportFields> = {};
    if (name !== null) fields.name = name;
    for (const f of customerTextFields) if (r.has(f)) fields[f] = r.text(f);
    if (r.has('email')) fields.email = r.text('email').toLowerCase();
    if (r.has('siret')) fields.siret = r.parse('siret', parseSiret) ?? '';
    if (r.has('nafCode')) fields.nafCode = r.text('nafCode').toUpperCase().replace(/\s/g, '');
    if (r.has('latitude')) fields.latitude = r.parse('latitude', parseNumber) ?? null;
    if (r.has('longitude')) fields.longitude = r.parse('longitude', parseNumber) ?? null;
    if (r.has('firstContactDate')) fields.firstContactDate = r.parse('firstContactDate', parseDate) ?? null;
    const status = r.parse('status', parseCustomerStatus);
    if (status) fields.status = status;
    const externalRef = r.text('externalRef') || null;
    if (externalRef !== null) duplicates.check(r, 'externalRef', externalRef, 'customer reference');
    const ownerEmail = r.text('repEmail').toLowerCase() || null;
    repRefs.add(r.line, ownerEmail);
    const parsed = customerImportFieldsSchema.safeParse(fields);
    if (!parsed.success) r.zodIssues(parsed.error, prepared.fields);
    else if (!r.failed)
      rows.push({
        line: r.line,
        externalRef,
        existingId: null,
        ownerId: null,
        ownerEmail,
        fields: parsed.data,
      });
  });
  const [customers, reps] = await Promise.all([
    options.lookups.customerByRef(distinct(rows.flatMap((c) => (c.externalRef ? [c.externalRef] : [])))),
    lookup(repRefs, (k) => options.lookups.repByEmail(k)),
  ]);
  repRefs.report(reps, prepared.errors, 'unknown-rep', 'rep has the e-mail');
  for (const c of rows) {
    if (c.externalRef) c.existingId = customers.get(c.externalRef)?.id ?? null;
    if (c.ownerEmail) c.ownerId = reps.get(c.ownerEmail)?.id ?? null;
  }
  return finish(prepared, rows);
}

// ---------------------------------------------------------------------------------------------
// Contacts

export async function importContacts(
  bytes: Uint8Array,
  options: ImportOptions<'contacts'>,
): Promise<ImportResult<ContactImportRecord, 'contacts'>> {
  const p = prepare('contacts', bytes, options.mapping);
  if (!p.ok) return p;
  const prepared = p.prepared;
  const rows: Omit<ContactImportRecord, 'customerId'>[] = [];
  const duplicates = new DuplicateCheck();
  const customerRefs = new References(headerOf(prepared, 'customerRef'), 'customerRef');
  await eachRow(prepared, options.onProgress, (r) => {
    const customerRef = r.required('customerRef');
    customerRefs.add(r.line, customerRef);
    const lastName = r.required('lastName');
    const decisionMaker = r.parse('decisionMaker', parseBoolean) ?? false;
    const preferredChannel = r.parse('preferredChannel', parseChannel) ?? 'visit';
    const externalRef = r.text('externalRef') || null;
    if (externalRef !== null) duplicates.check(r, 'externalRef', externalRef, 'contact reference');
    const parsed = contactEditableSchema.safeParse({
      firstName: r.text('firstName'),
      lastName: lastName ?? '',
      role: r.text('role'),
      phone: r.text('phone'),
      mobile: r.text('mobile'),
      email: r.text('email').toLowerCase(),
      decisionMaker,
      preferredChannel,
    });
    if (!parsed.success) r.zodIssues(parsed.error, prepared.fields);
    else if (!r.failed && customerRef !== null)
      rows.push({ line: r.line, customerRef, externalRef, contact: parsed.data });
  });
  const customers = await lookup(customerRefs, (k) => options.lookups.customerByRef(k));
  customerRefs.report(customers, prepared.errors, 'unknown-customer', 'customer has the reference');
  const records: ContactImportRecord[] = [];
  for (const c of rows) {
    const customer = customers.get(c.customerRef);
    if (customer) records.push({ ...c, customerId: customer.id });
  }
  return finish(prepared, records);
}

// ---------------------------------------------------------------------------------------------
// Products

export async function importProducts(
  bytes: Uint8Array,
  options: ImportOptions<'products'>,
): Promise<ImportResult<ProductImportRecord, 'products'>> {
  const p = prepare('products', bytes, options.mapping);
  if (!p.ok) return p;
  const prepared = p.prepared;
  const rows: ProductImportRecord[] = [];
  const duplicates = new DuplicateCheck();
  await eachRow(prepared, options.onProgress, (r) => {
    const reference = r.required('reference');
    const name = r.required('name');
    const family = r.required('family');
    const unit = r.required('unit');
    const vatRate = r.parseRequired('vatRate', parseVatRate);
    const active = r.parse('active', parseBoolean) ?? true;
    if (reference !== null) duplicates.check(r, 'reference', reference, 'product reference');
    const parsed = productImportSchema.safeParse({ reference, name, family, unit, vatRate, active });
    if (!parsed.success) r.zodIssues(parsed.error, prepared.fields);
    else if (!r.failed) rows.push({ line: r.line, existingId: null, product: parsed.data });
  });
  const known = await options.lookups.productByReference(rows.map((p) => p.product.reference));
  for (const row of rows) row.existingId = known.get(row.product.reference)?.id ?? null;
  return finish(prepared, rows);
}

// ---------------------------------------------------------------------------------------------
// Prices

export async function importPrices(
  bytes: Uint8Array,
  options: ImportOptions<'prices'>,
): Promise<ImportResult<PriceImportRecord, 'prices'>> {
  const p = prepare('prices', bytes, options.mapping);
  if (!p.ok) return p;
  const prepared = p.prepared;
  interface Row {
    line: number;
    code: string;
    reference: string;
    minQuantity: number;
    unitPriceCents: number;
  }
  const rows: Row[] = [];
  const duplicates = new DuplicateCheck();
  const listRefs = new References(headerOf(prepared, 'priceListCode'), 'priceListCode');
  const productRefs = new References(headerOf(prepared, 'productReference'), 'productReference');
  await eachRow(prepared, options.onProgress, (r) => {
    const code = r.required('priceListCode');
    const reference = r.required('productReference');
    listRefs.add(r.line, code);
    productRefs.add(r.line, reference);
    const minQuantity = r.parse('minQuantity', parseInteger) ?? 1;
    const unitPriceCents = r.parseRequired('unitPriceCents', parseMoneyCents);
    if (minQuantity !== null && minQuantity < 1)
      r.error('minQuantity', 'out-of-range', 'the minimum quantity must be at least 1');
    if (unitPriceCents !== null && unitPriceCents < 0)
      r.error('unitPriceCents', 'out-of-range', 'a price cannot be negative');
    if (code !== null && reference !== null && minQuantity !== null) {
      duplicates.check(r, 'productReference', `${code} / ${reference} / ${minQuantity}`, 'price');
    }
    if (r.failed || code === null || reference === null || minQuantity === null || unitPriceCents === null)
      return;
    rows.push({ line: r.line, code, reference, minQuantity, unitPriceCents });
  });
  const [lists, products] = await Promise.all([
    lookup(listRefs, (k) => options.lookups.priceListByCode(k)),
    lookup(productRefs, (k) => options.lookups.productByReference(k)),
  ]);
  listRefs.report(lists, prepared.errors, 'unknown-price-list', 'price list has the code');
  productRefs.report(products, prepared.errors, 'unknown-product', 'product has the reference');
  const groups = new Map<string, PriceImportRecord>();
  for (const row of rows) {
    const list = lists.get(row.code);
    const product = products.get(row.reference);
    if (!list || !product) continue;
    const key = `${list.id}\u0000${product.id}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        lines: [],
        priceListCode: row.code,
        priceListId: list.id,
        productReference: row.reference,
        productId: product.id,
        breaks: [],
      };
      groups.set(key, group);
    }
    group.lines.push(row.line);
    group.breaks.push({ minQuantity: row.minQuantity, unitPriceCents: row.unitPriceCents });
  }
  const records = [...groups.values()];
  for (const g of records) {
    const order = g.breaks
      .map((b, i) => i)
      .sort((a, b) => g.breaks[a]!.minQuantity - g.breaks[b]!.minQuantity);
    g.breaks = order.map((i) => g.breaks[i]!);
    g.lines = order.map((i) => g.lines[i]!);
    if (g.breaks[0]!.minQuantity !== 1) {
      prepared.errors.push({
        line: g.lines[0]!,
        column: headerOf(prepared, 'minQuantity'),
        field: 'minQuantity',
        value: String(g.breaks[0]!.minQuantity),
        code: 'bad-price-breaks',
        reason: `the prices of "${g.productReference}" in "${g.priceListCode}" must start at quantity 1`,
      });
    }
  }
  return finish(prepared, records);
}

// ---------------------------------------------------------------------------------------------
// Orders

const midnightCache = new Map<string, string>();

/** Midnight of a calendar date in a time zone, as a UTC instant (cached: files repeat dates). */
export function midnightInZone(date: IsoDate, timeZone: string): IsoDateTime {
  const key = `${timeZone} ${date}`;
  const hit = midnightCache.get(key);
  if (hit) return hit;
  const iso = instantOn(date, '00:00', timeZone);
  if (midnightCache.size > 10_000) midnightCache.clear();
  midnightCache.set(key, iso);
  return iso;
}

interface OrderRow {
  line: number;
  number: string;
  customerRef: string;
  date: IsoDate;
  instant: string | null;
  status: OrderStatus | undefined;
  productReference: string;
  quantity: number;
  unitPriceCents: number | undefined;
  discountBp: number;
  vatRate: VatRate | undefined;
  amountCents: number | undefined;
}

/** The largest unit price an imported line may have: 10,000,000 € (a line then stays exact in cents). */
const MAX_IMPORT_AMOUNT_CENTS = 1_000_000_000;

/** Builds one order line under the rounding rule of shared/lib/money.ts; the amount, when given, must agree. */
export function buildOrderLine(
  row: Pick<OrderRow, 'line' | 'quantity' | 'unitPriceCents' | 'discountBp' | 'vatRate' | 'amountCents'>,
  product: Pick<ProductMatch, 'reference' | 'name' | 'vatRate'> & { id: Uuid | null },
): { ok: true; line: OrderLineImport } | { ok: false; code: 'amount-mismatch' | 'required'; reason: string } {
  let unitPriceCents = row.unitPriceCents;
  let totalExclCents: number;
  if (unitPriceCents !== undefined) {
    totalExclCents = lineTotalExclCents({
      quantity: row.quantity,
      unitPriceCents,
      discountBp: row.discountBp,
    });
    if (row.amountCents !== undefined && row.amountCents !== totalExclCents) {
      return {
        ok: false,
        code: 'amount-mismatch',
        reason: `the amount ${row.amountCents / 100} differs from quantity × unit price × (1 − discount) = ${totalExclCents / 100}`,
      };
    }
  } else if (row.amountCents !== undefined) {
    // The source system's amount is kept exactly; the unit price is derived from it.
    totalExclCents = row.amountCents;
    unitPriceCents = unitPriceFromAmount(row.amountCents, row.quantity, row.discountBp);
  } else {
    return { ok: false, code: 'required', reason: 'a unit price or an amount is required' };
  }
  return {
    ok: true,
    line: {
      line: row.line,
      productId: product.id,
      productReference: product.reference,
      productName: product.name,
      quantity: row.quantity,
      unitPriceCents,
      discountBp: row.discountBp,
      vatRate: row.vatRate ?? product.vatRate,
      totalExclCents,
    },
  };
}

/** The status of imported history when the file has none: it happened, so it was delivered. */
export const defaultImportedOrderStatus: OrderStatus = 'delivered';

export async function importOrders(
  bytes: Uint8Array,
  options: ImportOptions<'orders'>,
): Promise<ImportResult<OrderImportRecord, 'orders'>> {
  const p = prepare('orders', bytes, options.mapping);
  if (!p.ok) return p;
  const prepared = p.prepared;
  const rows: OrderRow[] = [];
  const firstOfOrder = new Map<string, OrderRow>();
  const productRefs = new References(headerOf(prepared, 'productReference'), 'productReference');
  const customerRefs = new References(headerOf(prepared, 'customerRef'), 'customerRef');
  await eachRow(prepared, options.onProgress, (r) => {
    const number = r.required('number');
    const customerRef = r.required('customerRef');
    const date = r.parseRequired('date', parseDateTime);
    const productReference = r.required('productReference');
    productRefs.add(r.line, productReference);
    customerRefs.add(r.line, customerRef);
    const quantity = r.parseRequired('quantity', parseInteger);
    const unitPriceCents = r.parse('unitPriceCents', parseMoneyCents);
    const discountBp = r.parse('discountBp', parsePercentBp) ?? 0;
    const vatRate = r.parse('vatRate', parseVatRate);
    const status = r.parse('status', parseOrderStatus);
    const amountCents = r.parse('amountCents', parseMoneyCents);
    if (quantity !== null && quantity < 1)
      r.error('quantity', 'out-of-range', 'the quantity must be at least 1');
    if (quantity !== null && quantity > MAX_LINE_QUANTITY)
      r.error('quantity', 'out-of-range', `the quantity must be at most ${MAX_LINE_QUANTITY}`);
    if (unitPriceCents != null && unitPriceCents < 0)
      r.error('unitPriceCents', 'out-of-range', 'a price cannot be negative');
    if (unitPriceCents != null && unitPriceCents > MAX_IMPORT_AMOUNT_CENTS)
      r.error('unitPriceCents', 'out-of-range', 'a price must be at most 10,000,000 €');
    if (amountCents != null && amountCents < 0)
      r.error('amountCents', 'out-of-range', 'an amount cannot be negative');
    if (amountCents != null && amountCents > MAX_IMPORT_AMOUNT_CENTS * MAX_LINE_QUANTITY)
      r.error('amountCents', 'out-of-range', 'an amount is too large to be a line of an order');
    if (unitPriceCents === undefined && amountCents === undefined) {
      r.error(
        r.has('unitPriceCents') || !r.has('amountCents') ? 'unitPriceCents' : 'amountCents',
        'required',
        'a unit price or an amount is required',
      );
    }
    if (number !== null && customerRef !== null && date !== null) {
      const first = firstOfOrder.get(number);
      if (first === undefined) {
        // Recorded below once the row is complete.
      } else if (first.customerRef !== customerRef) {
        r.error(
          'customerRef',
          'inconsistent-order',
          `order "${number}" is for customer "${first.customerRef}" on line ${first.line}`,
        );
      } else if (first.date !== date.date) {
        r.error(
          'date',
          'inconsistent-order',
          `order "${number}" is dated ${first.date} on line ${first.line}`,
        );
      } else if (status && first.status && status !== first.status) {
        r.error(
          'status',
          'inconsistent-order',
          `order "${number}" has status ${first.status} on line ${first.line}`,
        );
      }
    }
    if (
      r.failed ||
      number === null ||
      customerRef === null ||
      date === null ||
      productReference === null ||
      quantity === null ||
      unitPriceCents === null ||
      vatRate === null ||
      amountCents === null ||
      status === null
    ) {
      return;
    }
    const row: OrderRow = {
      line: r.line,
      number,
      customerRef,
      date: date.date,
      instant: date.instant,
      status,
      productReference,
      quantity,
      unitPriceCents,
      discountBp,
      vatRate,
      amountCents,
    };
    if (!firstOfOrder.has(number)) firstOfOrder.set(number, row);
    rows.push(row);
  });
  const [products, customers] = await Promise.all([
    lookup(productRefs, (k) => options.lookups.productByReference(k)),
    lookup(customerRefs, (k) => options.lookups.customerByRef(k)),
  ]);
  productRefs.report(products, prepared.errors, 'unknown-product', 'product has the reference');
  customerRefs.report(customers, prepared.errors, 'unknown-customer', 'customer has the reference');
  const amountColumn = headerOf(prepared, 'amountCents') ?? headerOf(prepared, 'unitPriceCents');
  const orders = new Map<string, OrderImportRecord>();
  const timeZone = options.timeZone ?? 'Europe/Paris';
  for (const row of rows) {
    const product = products.get(row.productReference);
    const customer = customers.get(row.customerRef);
    if (!product || !customer) continue;
    const built = buildOrderLine(row, product);
    if (!built.ok) {
      prepared.errors.push(
        lookupError(
          row.line,
          amountColumn,
          'amountCents',
          String(row.amountCents ?? ''),
          built.code,
          built.reason,
        ),
      );
      continue;
    }
    let order = orders.get(row.number);
    if (!order) {
      order = newOrder(row, customer.id, timeZone);
      orders.set(row.number, order);
    }
    order.lines.push(built.line);
  }
  const records = [...orders.values()];
  for (const o of records) {
    try {
      Object.assign(o, orderTotals(o.lines));
    } catch (error) {
      // Each line is bounded, but a hostile file can still sum past what cents can hold.
      if (!(error instanceof RangeError)) throw error;
      const first = o.lines[0]?.line ?? 0;
      prepared.errors.push(
        lookupError(first, amountColumn, 'amountCents', '', 'out-of-range', 'the order’s total is too large'),
      );
    }
  }
  return finish(prepared, records);
}

export function newOrder(
  row: Pick<OrderRow, 'line' | 'number' | 'customerRef' | 'date' | 'instant' | 'status'>,
  customerId: Uuid | null,
  timeZone: string,
): OrderImportRecord {
  return {
    line: row.line,
    number: row.number,
    customerRef: row.customerRef,
    customerId,
    date: row.date,
    orderedAt: row.instant ?? midnightInZone(row.date, timeZone),
    status: row.status ?? defaultImportedOrderStatus,
    lines: [],
    totalExclCents: 0,
    totalVatCents: 0,
    totalInclCents: 0,
  };
}
