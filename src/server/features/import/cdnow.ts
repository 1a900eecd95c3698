/**
 * CDNOW purchase history (shared/data/cdnow) as order history: each row is one order with one
 * line of the single "CD" product; customers are created from their ids.
 *   order number  CDNOW-<customer_id>-<date>-<n>   (n = 1, 2… for a customer's rows that day,
 *                                                   in file order: deterministic, so re-imports
 *                                                   are idempotent by number)
 *   quantity      cds        line total = amount_usd in cents, exactly (source currency)
 *   customer      externalRef = customer_id, name "Client CDNOW <customer_id>", status customer
 */
import type { OrderStatus } from '../../../shared/domain/order/order.js';
import type { Uuid } from '../../../shared/lib/ids.js';
import type { ImportError } from './errors.js';
import type { ColumnMapping } from './headers.js';
import { normaliseHeader } from './headers.js';
import type {
  CustomerImportRecord,
  ImportReport,
  OrderImportRecord,
  ProductImportFields,
} from './importers.js';
import { buildOrderLine, newOrder, prepare } from './importers.js';
import type { ImportLookups } from './lookups.js';
import { orderTotals } from '../../../shared/lib/money.js';
import { Progress } from './validate.js';
import { parseDateTime, parseInteger, parseMoneyCents } from './values.js';

/** The product every CDNOW line refers to (created by the integrator if it does not exist). */
export const cdnowProduct: ProductImportFields = {
  reference: 'CDNOW-CD',
  name: 'CD',
  family: 'CDNOW',
  unit: 'CD',
  vatRate: 2000,
  active: false,
};

export interface CdnowRecords {
  orders: OrderImportRecord[];
  /** Customers not yet at head office (existingId null) and those already there (update nothing). */
  customers: CustomerImportRecord[];
  /** The CD product, with its id if head office already has it. */
  product: { existingId: Uuid | null; product: ProductImportFields };
}

export type CdnowResult =
  | { ok: true; records: CdnowRecords; report: ImportReport<'orders'> }
  | { ok: false; errors: ImportError[]; report: ImportReport<'orders'> };

export interface CdnowOptions {
  /** When given, existing customers and the CD product are resolved (ids filled). */
  lookups?: ImportLookups;
  onProgress?: (done: number, total: number) => void;
  /** Default Europe/Paris (dates have no time). */
  timeZone?: string;
  status?: OrderStatus;
}

const CDNOW_COLUMNS = ['customer_id', 'date', 'cds', 'amount_usd'] as const;
const FIELD_OF = {
  customer_id: 'customerRef',
  date: 'date',
  cds: 'quantity',
  amount_usd: 'amountCents',
} as const;

/** The CDNOW header mapped onto the orders fields (the order number is generated). */
export function cdnowMapping(
  headers: readonly string[],
): ColumnMapping<'customerRef' | 'date' | 'quantity' | 'amountCents'> {
  return {
    kind: 'orders',
    columns: headers.map((header, index) => {
      const key = CDNOW_COLUMNS.find((c) => normaliseHeader(c) === normaliseHeader(header));
      return { index, header, field: key ? FIELD_OF[key] : null, confidence: key ? 1 : 0 };
    }),
  };
}

export function cdnowCustomerName(customerId: string): string {
  return `Client CDNOW ${customerId}`;
}

export async function importCdnow(bytes: Uint8Array, options: CdnowOptions = {}): Promise<CdnowResult> {
  const p = prepare('orders', bytes, cdnowMapping, ['customerRef', 'date', 'quantity', 'amountCents']);
  if (!p.ok) return p;
  const prepared = p.prepared;
  const timeZone = options.timeZone ?? 'Europe/Paris';
  const status = options.status ?? 'delivered';
  const r = prepared.reader;
  const orders: OrderImportRecord[] = [];
  const customers = new Map<string, CustomerImportRecord>();
  const perCustomerDay = new Map<string, number>();
  const productRef = {
    id: null,
    reference: cdnowProduct.reference,
    name: cdnowProduct.name,
    vatRate: cdnowProduct.vatRate,
  };
  const progress = new Progress(prepared.records.length, options.onProgress);
  for (let i = 0; i < prepared.records.length; i += 1) {
    const rec = prepared.records[i]!;
    r.reset(rec.line, rec.cells);
    r.checkWidth(prepared.width);
    const customerRef = r.required('customerRef');
    const date = r.parseRequired('date', parseDateTime);
    const quantity = r.parseRequired('quantity', parseInteger);
    const amountCents = r.parseRequired('amountCents', parseMoneyCents);
    if (quantity !== null && quantity < 1)
      r.error('quantity', 'out-of-range', 'the quantity must be at least 1');
    if (amountCents !== null && amountCents < 0)
      r.error('amountCents', 'out-of-range', 'an amount cannot be negative');
    if (!r.failed && customerRef !== null && date !== null && quantity !== null && amountCents !== null) {
      const dayKey = `${customerRef}-${date.date}`;
      const n = (perCustomerDay.get(dayKey) ?? 0) + 1;
      perCustomerDay.set(dayKey, n);
      const order = newOrder(
        {
          line: rec.line,
          number: `CDNOW-${dayKey}-${n}`,
          customerRef,
          date: date.date,
          instant: date.instant,
          status,
        },
        null,
        timeZone,
      );
      const built = buildOrderLine(
        {
          line: rec.line,
          quantity,
          unitPriceCents: undefined,
          discountBp: 0,
          vatRate: undefined,
          amountCents,
        },
        productRef,
      );
      if (built.ok) {
        order.lines.push(built.line);
        Object.assign(order, orderTotals(order.lines));
        orders.push(order);
      }
      if (!customers.has(customerRef)) {
        customers.set(customerRef, {
          line: rec.line,
          externalRef: customerRef,
          existingId: null,
          ownerId: null,
          ownerEmail: null,
          fields: { name: cdnowCustomerName(customerRef), status: 'customer' },
        });
      }
    }
    const pause = progress.tick(i + 1);
    if (pause) await pause;
  }
  progress.finish();
  if (prepared.errors.length > 0) {
    return {
      ok: false,
      errors: prepared.errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)),
      report: prepared.report,
    };
  }
  let productId: Uuid | null = null;
  if (options.lookups) {
    const [known, product] = await Promise.all([
      options.lookups.customerByRef([...customers.keys()]),
      options.lookups.productByReference([cdnowProduct.reference]),
    ]);
    for (const c of customers.values()) c.existingId = known.get(c.externalRef!)?.id ?? null;
    for (const o of orders) o.customerId = known.get(o.customerRef)?.id ?? null;
    productId = product.get(cdnowProduct.reference)?.id ?? null;
    if (productId !== null) for (const o of orders) for (const l of o.lines) l.productId = productId;
  }
  return {
    ok: true,
    records: {
      orders,
      customers: [...customers.values()],
      product: { existingId: productId, product: cdnowProduct },
    },
    report: prepared.report,
  };
}
