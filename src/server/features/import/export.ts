/**
 * Records → CSV text, in the two formats the importers read: French (`;`, CRLF, `1 234,56`,
 * `31/12/2026`, oui/non, French labels) for Excel in France, and English (`,`, LF, `1,234.56`,
 * ISO dates, yes/no). Used for exports and for the CSV round-trip property tests.
 */
import type { Channel } from '../../../shared/domain/contact/contact.js';
import type { CustomerStatus } from '../../../shared/domain/customer/customer.js';
import type { OrderStatus } from '../../../shared/domain/order/order.js';
import type {
  ContactImportRecord,
  CustomerImportRecord,
  OrderImportRecord,
  PriceImportRecord,
  ProductImportRecord,
} from './importers.js';

export type CsvStyle = 'fr' | 'en';

interface Format {
  delimiter: string;
  newline: string;
  money(cents: number): string;
  percent(bp: number): string;
  date(iso: string): string;
  bool(b: boolean): string;
  number(n: number): string;
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

function decimalString(scaled: number, scale: number, point: string, group: string): string {
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(scale + 1, '0');
  const int = groupThousands(digits.slice(0, digits.length - scale), group);
  const frac = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${int}${scale > 0 ? point + frac : ''}`;
}

function plainNumber(n: number): string {
  const s = String(n);
  return s.includes('e') ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}

export const csvFormats: Record<CsvStyle, Format> = {
  fr: {
    delimiter: ';',
    newline: '\r\n',
    money: (c) => decimalString(c, 2, ',', '\u202f'),
    percent: (bp) => decimalString(bp, 2, ',', '').replace(/,?0+$/, ''),
    date: (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`,
    bool: (b) => (b ? 'oui' : 'non'),
    number: (n) => plainNumber(n).replace('.', ','),
  },
  en: {
    delimiter: ',',
    newline: '\n',
    money: (c) => decimalString(c, 2, '.', ','),
    percent: (bp) => decimalString(bp, 2, '.', '').replace(/\.?0+$/, ''),
    date: (iso) => iso,
    bool: (b) => (b ? 'yes' : 'no'),
    number: plainNumber,
  },
};

/** Quotes a cell when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvCell(value: string, delimiter: string): string {
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.trim() !== value;
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}

interface Column<R> {
  fr: string;
  en: string;
  value(record: R, f: Format, style: CsvStyle): string;
}

function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[], style: CsvStyle): string {
  const f = csvFormats[style];
  const line = (cells: string[]) => cells.map((c) => csvCell(c, f.delimiter)).join(f.delimiter);
  const out = [line(columns.map((c) => c[style]))];
  for (const r of rows) out.push(line(columns.map((c) => c.value(r, f, style))));
  return out.join(f.newline) + f.newline;
}

const customerStatusFr: Record<CustomerStatus, string> = {
  prospect: 'prospect',
  customer: 'client',
  lost: 'perdu',
};
const channelFr: Record<Channel, string> = {
  visit: 'visite',
  phone: 'téléphone',
  email: 'e-mail',
  sms: 'sms',
};
const orderStatusFr: Record<OrderStatus, string> = {
  draft: 'brouillon',
  received: 'reçue',
  confirmed: 'confirmée',
  shipped: 'expédiée',
  delivered: 'livrée',
  cancelled: 'annulée',
};

const text =
  <R>(get: (r: R) => string | null | undefined) =>
  (r: R): string =>
    get(r) ?? '';

const customerColumns: Column<CustomerImportRecord>[] = [
  { fr: 'Référence', en: 'External ref', value: text((r) => r.externalRef) },
  { fr: 'Raison sociale', en: 'Company', value: text((r) => r.fields.name) },
  { fr: 'SIRET', en: 'SIRET', value: text((r) => r.fields.siret) },
  { fr: 'Code NAF', en: 'NAF code', value: text((r) => r.fields.nafCode) },
  { fr: 'Forme juridique', en: 'Legal form', value: text((r) => r.fields.legalForm) },
  { fr: 'Adresse', en: 'Address', value: text((r) => r.fields.address) },
  { fr: 'Code postal', en: 'Postcode', value: text((r) => r.fields.postcode) },
  { fr: 'Ville', en: 'City', value: text((r) => r.fields.city) },
  { fr: 'Téléphone', en: 'Phone', value: text((r) => r.fields.phone) },
  { fr: 'E-mail', en: 'Email', value: text((r) => r.fields.email) },
  {
    fr: 'Statut',
    en: 'Status',
    value: (r, _f, s) =>
      r.fields.status ? (s === 'fr' ? customerStatusFr[r.fields.status] : r.fields.status) : '',
  },
  { fr: 'Secteur', en: 'Sector', value: text((r) => r.fields.sector) },
  {
    fr: 'Latitude',
    en: 'Latitude',
    value: (r, f) => (r.fields.latitude == null ? '' : f.number(r.fields.latitude)),
  },
  {
    fr: 'Longitude',
    en: 'Longitude',
    value: (r, f) => (r.fields.longitude == null ? '' : f.number(r.fields.longitude)),
  },
  { fr: 'Commercial', en: 'Rep', value: text((r) => r.ownerEmail) },
  { fr: 'Groupe tarifaire', en: 'Price group', value: text((r) => r.fields.priceGroup) },
  {
    fr: 'Date premier contact',
    en: 'First contact',
    value: (r, f) => (r.fields.firstContactDate ? f.date(r.fields.firstContactDate) : ''),
  },
];

const contactColumns: Column<ContactImportRecord>[] = [
  { fr: 'Réf client', en: 'Client ref', value: (r) => r.customerRef },
  { fr: 'Référence', en: 'Ref', value: text((r) => r.externalRef) },
  { fr: 'Nom', en: 'Last name', value: (r) => r.contact.lastName },
  { fr: 'Prénom', en: 'First name', value: (r) => r.contact.firstName },
  { fr: 'Fonction', en: 'Role', value: (r) => r.contact.role },
  { fr: 'Téléphone', en: 'Phone', value: (r) => r.contact.phone },
  { fr: 'Portable', en: 'Mobile', value: (r) => r.contact.mobile },
  { fr: 'E-mail', en: 'Email', value: (r) => r.contact.email },
  { fr: 'Décideur', en: 'Decision maker', value: (r, f) => f.bool(r.contact.decisionMaker) },
  {
    fr: 'Canal préféré',
    en: 'Preferred channel',
    value: (r, _f, s) => (s === 'fr' ? channelFr[r.contact.preferredChannel] : r.contact.preferredChannel),
  },
];

const productColumns: Column<ProductImportRecord>[] = [
  { fr: 'Référence', en: 'SKU', value: (r) => r.product.reference },
  { fr: 'Désignation', en: 'Name', value: (r) => r.product.name },
  { fr: 'Famille', en: 'Family', value: (r) => r.product.family },
  { fr: 'Unité', en: 'Unit', value: (r) => r.product.unit },
  { fr: 'TVA', en: 'VAT', value: (r, f) => `${f.percent(r.product.vatRate)} %` },
  { fr: 'Actif', en: 'Active', value: (r, f) => f.bool(r.product.active) },
];

type PriceRow = { code: string; reference: string; minQuantity: number; unitPriceCents: number };
const priceColumns: Column<PriceRow>[] = [
  { fr: 'Tarif', en: 'Price list code', value: (r) => r.code },
  { fr: 'Référence produit', en: 'Product', value: (r) => r.reference },
  { fr: 'Quantité minimale', en: 'Min qty', value: (r) => String(r.minQuantity) },
  { fr: 'Prix unitaire HT', en: 'Unit price', value: (r, f) => f.money(r.unitPriceCents) },
];

type OrderRow = { order: OrderImportRecord; line: OrderImportRecord['lines'][number] };
const orderColumns: Column<OrderRow>[] = [
  { fr: 'N° commande', en: 'Order number', value: (r) => r.order.number },
  { fr: 'Réf client', en: 'Customer id', value: (r) => r.order.customerRef },
  { fr: 'Date', en: 'Date', value: (r, f) => f.date(r.order.date) },
  { fr: 'Référence produit', en: 'Product', value: (r) => r.line.productReference },
  { fr: 'Quantité', en: 'Qty', value: (r) => String(r.line.quantity) },
  { fr: 'Prix unitaire HT', en: 'Unit price', value: (r, f) => f.money(r.line.unitPriceCents) },
  { fr: 'Remise %', en: 'Discount', value: (r, f) => f.percent(r.line.discountBp) },
  { fr: 'TVA', en: 'VAT', value: (r, f) => f.percent(r.line.vatRate) },
  {
    fr: 'Statut',
    en: 'Status',
    value: (r, _f, s) => (s === 'fr' ? orderStatusFr[r.order.status] : r.order.status),
  },
  { fr: 'Montant', en: 'Amount', value: (r, f) => f.money(r.line.totalExclCents) },
];

export function exportCustomers(records: readonly CustomerImportRecord[], style: CsvStyle): string {
  return toCsv(customerColumns, records, style);
}

export function exportContacts(records: readonly ContactImportRecord[], style: CsvStyle): string {
  return toCsv(contactColumns, records, style);
}

export function exportProducts(records: readonly ProductImportRecord[], style: CsvStyle): string {
  return toCsv(productColumns, records, style);
}

export function exportPrices(records: readonly PriceImportRecord[], style: CsvStyle): string {
  const rows = records.flatMap((r) =>
    r.breaks.map((b) => ({ code: r.priceListCode, reference: r.productReference, ...b })),
  );
  return toCsv(priceColumns, rows, style);
}

/** One row per order line, order fields repeated (the format `importOrders` reads). */
export function exportOrders(records: readonly OrderImportRecord[], style: CsvStyle): string {
  return toCsv(
    orderColumns,
    records.flatMap((order) => order.lines.map((line) => ({ order, line }))),
    style,
  );
}

/** CSV text → bytes; `bom` for Excel, which needs it to read UTF-8. */
export function encodeCsv(text: string, options: { bom: boolean }): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!options.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
