import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatRates } from '../../../shared/domain/catalog/catalog.js';
import type { VatRate } from '../../../shared/domain/catalog/catalog.js';
import { customerStatuses } from '../../../shared/domain/customer/customer.js';
import { orderStatuses } from '../../../shared/domain/order/order.js';
import { withLuhnCheckDigit } from '../../../shared/domain/customer/siret.js';
import type { CsvStyle } from './export.js';
import { csvCell, encodeCsv, exportCustomers, exportOrders, exportProducts } from './export.js';
import type { CustomerImportRecord, OrderImportRecord, ProductImportRecord } from './importers.js';
import {
  buildOrderLine,
  importCustomers,
  importOrders,
  importProducts,
  midnightInZone,
} from './importers.js';
import { memoryLookups } from './lookups.js';
import { orderTotals } from '../../../shared/lib/money.js';

const uuid = (n: number) => `0190a6b2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const products = [
  { id: uuid(1), reference: 'B-001', name: 'Bière', vatRate: 2000 as const },
  { id: uuid(2), reference: 'E-010', name: 'Eau', vatRate: 550 as const },
];
const customers = [
  { id: uuid(10), externalRef: 'C001' },
  { id: uuid(11), externalRef: 'C002' },
];
const lookups = memoryLookups({
  products,
  customers,
  reps: [{ id: uuid(20), email: 'camille@tournee.test' }],
});

/** Drops the line numbers, which depend on the layout of the file. */
function withoutLines<T>(records: T[]): unknown {
  return JSON.parse(
    JSON.stringify(records, (k: string, v: unknown) =>
      k === 'line' || (k === 'lines' && typeof (v as unknown[])[0] === 'number') ? undefined : v,
    ),
  );
}

const chars = fc.constantFrom(...'abcXYZ éèçôÉ€;,"\'\n-_/&()0123456789'.split(''));
const text = (min: number, max: number) =>
  fc
    .array(chars, { minLength: min, maxLength: max })
    .map((a) => a.join('').trim())
    .filter((s) => s.length >= min);
const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const siret = fc
  .tuple(fc.constantFrom('1', '2', '4', '8'), digits(7), digits(4))
  .map(([a, b, c]) => withLuhnCheckDigit(`${withLuhnCheckDigit(`${a}${b}`)}${c}`));
const vatRate = fc.constantFrom(...vatRates) as fc.Arbitrary<VatRate>;
const style = fc.constantFrom<CsvStyle>('fr', 'en');

const customerRecord = (i: number): fc.Arbitrary<CustomerImportRecord> =>
  fc.record({
    line: fc.constant(0),
    externalRef: fc.constant(`R${i}`),
    existingId: fc.constant(null),
    ownerId: fc.constant(uuid(20)),
    ownerEmail: fc.constant('camille@tournee.test'),
    fields: fc.record({
      name: text(1, 30),
      siret: fc.oneof(siret, fc.constant('')),
      nafCode: fc.oneof(
        fc.constant(''),
        fc.tuple(digits(2), digits(2), fc.constantFrom('A', 'Z')).map(([a, b, c]) => `${a}.${b}${c}`),
      ),
      legalForm: text(0, 10),
      address: text(0, 40),
      postcode: fc.oneof(fc.constant(''), digits(5)),
      city: text(0, 20),
      phone: text(0, 15),
      email: fc.oneof(fc.constant(''), fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.fr$/)),
      status: fc.constantFrom(...customerStatuses),
      sector: text(0, 20),
      latitude: fc.oneof(
        fc.constant(null),
        fc.integer({ min: -90_000_000, max: 90_000_000 }).map((n) => n / 1e6),
      ),
      longitude: fc.oneof(
        fc.constant(null),
        fc.integer({ min: -180_000_000, max: 180_000_000 }).map((n) => n / 1e6),
      ),
      firstContactDate: fc.oneof(fc.constant(null), isoDate),
      priceGroup: text(0, 10),
    }),
  });

const customerList = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => customerRecord(i))));

// Property runs of a few hundred imports each: a generous timeout so a busy machine has margin.
describe('CSV round-trip: export → import gives the same records', { timeout: 30_000 }, () => {
  it('customers', async () => {
    await fc.assert(
      fc.asyncProperty(customerList, style, fc.boolean(), async (records, s, bom) => {
        const r = await importCustomers(encodeCsv(exportCustomers(records, s), { bom }), { lookups });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(withoutLines(r.records)).toEqual(withoutLines(records));
        expect(r.report.delimiter).toBe(s === 'fr' ? ';' : ',');
      }),
      { numRuns: 150 },
    );
  });

  it('products', async () => {
    const product = (i: number): fc.Arbitrary<ProductImportRecord> =>
      fc.record({
        line: fc.constant(0),
        existingId: fc.constant(null),
        product: fc.record({
          reference: fc.constant(`P ${i};"x"`),
          name: text(1, 30),
          family: text(1, 10),
          unit: text(1, 10),
          vatRate,
          active: fc.boolean(),
        }),
      });
    const list = fc
      .integer({ min: 0, max: 8 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => product(i))));
    await fc.assert(
      fc.asyncProperty(list, style, async (records, s) => {
        const r = await importProducts(encodeCsv(exportProducts(records, s), { bom: false }), { lookups });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(withoutLines(r.records)).toEqual(withoutLines(records));
      }),
      { numRuns: 100 },
    );
  });

  it('orders, with totals recomputed under the rounding rule', async () => {
    const lineArb = fc.record({
      product: fc.constantFrom(...products),
      quantity: fc.integer({ min: 1, max: 10_000 }),
      unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
      discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000 })),
      vatRate,
    });
    const order = (i: number): fc.Arbitrary<OrderImportRecord> =>
      fc
        .record({
          customer: fc.constantFrom(...customers),
          date: isoDate,
          status: fc.constantFrom(...orderStatuses),
          lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }),
        })
        .map(({ customer, date, status, lines }) => {
          const built = lines.map((l) => {
            const b = buildOrderLine({ line: 0, ...l, amountCents: undefined }, l.product);
            if (!b.ok) throw new Error('unreachable');
            return b.line;
          });
          return {
            line: 0,
            number: `CMD-${i}`,
            customerRef: customer.externalRef,
            customerId: customer.id,
            date,
            orderedAt: midnightInZone(date, 'Europe/Paris'),
            status,
            lines: built,
            ...orderTotals(built),
          };
        });
    const list = fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => order(i))));
    await fc.assert(
      fc.asyncProperty(list, style, async (records, s) => {
        const r = await importOrders(encodeCsv(exportOrders(records, s), { bom: s === 'fr' }), { lookups });
        if (!r.ok) throw new Error(JSON.stringify(r.errors));
        expect(withoutLines(r.records)).toEqual(withoutLines(records));
      }),
      { numRuns: 100 },
    );
  });
});

describe('csvCell', () => {
  it('quotes only when needed', () => {
    expect(csvCell('Café', ';')).toBe('Café');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
    expect(csvCell('dit "chef"', ',')).toBe('"dit ""chef"""');
    expect(csvCell(' x', ',')).toBe('" x"');
  });
});
