import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price, PriceList, Product, VatRate } from '../catalog/catalog.js';
import { vatRates } from '../catalog/catalog.js';
import { MAX_LINE_QUANTITY, lineTotalExclCents, orderTotals } from './order.js';
import {
  BASE_PRICE_GROUP,
  buildCatalogue,
  checkDiscount,
  priceOrder,
  resolveUnitPrice,
  unitPriceForQuantity,
} from './pricing.js';

const at = '2026-01-01T00:00:00.000Z';
const id = (n: number) => `0190a000-0000-7000-8000-${n.toString().padStart(12, '0')}`;

function product(n: number, over: Partial<Product> = {}): Product {
  return {
    id: id(n),
    reference: `REF-${n}`,
    name: `Produit ${n}`,
    family: 'Vins',
    unit: 'bouteille',
    vatRate: 2000,
    active: true,
    version: 1,
    updatedAt: at,
    ...over,
  };
}

function list(n: number, group: string, validFrom = '2026-01-01', validTo: string | null = null): PriceList {
  return {
    id: id(1000 + n),
    code: `L${n}`,
    name: `Liste ${n}`,
    customerGroup: group,
    validFrom,
    validTo,
    version: 1,
    updatedAt: at,
  };
}

function price(n: number, listId: string, productId: string, breaks: Price['breaks']): Price {
  return { id: id(2000 + n), priceListId: listId, productId, breaks, version: 1 };
}

const base = list(1, BASE_PRICE_GROUP);
const coll = list(2, 'COLL');
const oldPrem = list(3, 'CHR-PREM', '2025-01-01', '2025-12-31');
const catalogue = buildCatalogue({
  products: [product(1), product(2, { active: false }), product(3, { vatRate: 550 })],
  priceLists: [base, coll, oldPrem],
  prices: [
    price(1, base.id, id(1), [
      { minQuantity: 1, unitPriceCents: 1000 },
      { minQuantity: 6, unitPriceCents: 900 },
      { minQuantity: 12, unitPriceCents: 850 },
    ]),
    price(2, coll.id, id(1), [{ minQuantity: 1, unitPriceCents: 800 }]),
    price(3, base.id, id(2), [{ minQuantity: 1, unitPriceCents: 500 }]),
    price(4, oldPrem.id, id(1), [{ minQuantity: 1, unitPriceCents: 700 }]),
  ],
});
const day = '2026-03-10';

describe('resolveUnitPrice', () => {
  it('applies the quantity breaks of the base list', () => {
    const at = (quantity: number) =>
      resolveUnitPrice(catalogue, { priceGroup: '', productId: id(1), quantity, day });
    expect(at(1)).toMatchObject({ ok: true, value: { unitPriceCents: 1000 } });
    expect(at(5)).toMatchObject({ ok: true, value: { unitPriceCents: 1000 } });
    expect(at(6)).toMatchObject({ ok: true, value: { unitPriceCents: 900 } });
    expect(at(40)).toMatchObject({ ok: true, value: { unitPriceCents: 850 } });
  });

  it("uses the customer's group list, and the base list for a product it does not price", () => {
    expect(
      resolveUnitPrice(catalogue, { priceGroup: 'COLL', productId: id(1), quantity: 12, day }),
    ).toMatchObject({
      ok: true,
      value: { unitPriceCents: 800, priceListId: coll.id },
    });
    expect(
      resolveUnitPrice(catalogue, { priceGroup: 'COLL', productId: id(3), quantity: 1, day }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'no-price' },
    });
  });

  it('refuses a withdrawn product, a bad quantity, an expired list, an unknown product', () => {
    const code = (input: { priceGroup?: string; productId?: string; quantity?: number }) => {
      const r = resolveUnitPrice(catalogue, {
        priceGroup: input.priceGroup ?? '',
        productId: input.productId ?? id(1),
        quantity: input.quantity ?? 1,
        day,
      });
      return r.ok ? 'ok' : r.problem.code;
    };
    expect(code({ productId: id(2) })).toBe('product-withdrawn');
    expect(code({ quantity: 0 })).toBe('quantity-invalid');
    expect(code({ quantity: -3 })).toBe('quantity-invalid');
    expect(code({ quantity: 1.5 })).toBe('quantity-invalid');
    // A mistyped 3,000,000,000 would not fit head office's column: refused here, clearly.
    expect(code({ quantity: MAX_LINE_QUANTITY })).toBe('ok');
    expect(code({ quantity: MAX_LINE_QUANTITY + 1 })).toBe('quantity-invalid');
    expect(code({ quantity: 3_000_000_000 })).toBe('quantity-invalid');
    expect(code({ priceGroup: 'CHR-PREM' })).toBe('price-list-expired');
    expect(code({ productId: id(99) })).toBe('unknown-product');
  });
});

describe('checkDiscount', () => {
  it('flags above the rep limit, refuses above the absolute maximum', () => {
    expect(checkDiscount(1000, 1000)).toEqual({ ok: true, value: { needsApproval: false } });
    expect(checkDiscount(1001, 1000)).toEqual({ ok: true, value: { needsApproval: true } });
    expect(checkDiscount(5001, 1000)).toMatchObject({ ok: false, problem: { code: 'discount-too-high' } });
    expect(checkDiscount(-1, 1000)).toMatchObject({ ok: false, problem: { code: 'discount-invalid' } });
  });
});

describe('rounding (half-up to the cent)', () => {
  it('stays exact beyond 2^53 (quantity × price × basis points)', () => {
    const line = { quantity: MAX_LINE_QUANTITY, unitPriceCents: 99_999_999, discountBp: 333 };
    const exact =
      (2n * BigInt(line.quantity) * BigInt(line.unitPriceCents) * BigInt(10_000 - line.discountBp) +
        10_000n) /
      20_000n;
    expect(lineTotalExclCents(line)).toBe(Number(exact));
  });

  it('rounds line totals half-up by hand-checked cases', () => {
    // 3 × 3.33 € − 5 % = 9.4905 € → 9.49 €
    expect(lineTotalExclCents({ quantity: 3, unitPriceCents: 333, discountBp: 500 })).toBe(949);
    // 1 × 0.10 € − 5 % = 0.095 € → 0.10 € (half-up)
    expect(lineTotalExclCents({ quantity: 1, unitPriceCents: 10, discountBp: 500 })).toBe(10);
    // 1 × 0.30 € − 15 % = 0.255 € → 0.26 €
    expect(lineTotalExclCents({ quantity: 1, unitPriceCents: 30, discountBp: 1500 })).toBe(26);
    // 7 × 12.99 € with no discount = 90.93 €
    expect(lineTotalExclCents({ quantity: 7, unitPriceCents: 1299, discountBp: 0 })).toBe(9093);
  });

  it('rounds VAT half-up per rate on the summed line totals', () => {
    // 0.25 € at 10 % = 0.025 € → 0.03 €; 0.10 € at 5.5 % = 0.0055 € → 0.01 €
    expect(
      orderTotals([
        { totalExclCents: 25, vatRate: 1000 },
        { totalExclCents: 10, vatRate: 550 },
      ]),
    ).toEqual({ totalExclCents: 35, totalVatCents: 4, totalInclCents: 39 });
  });
});

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 10_000 }),
  unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
  discountBp: fc.integer({ min: 0, max: 5000 }),
  vatRate: fc.constantFrom<VatRate>(...vatRates),
});

describe('order arithmetic (properties)', () => {
  it('totals equal the sum of the lines; incl = excl + VAT', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (raw) => {
        const lines = raw.map((l) => ({ ...l, totalExclCents: lineTotalExclCents(l) }));
        const totals = orderTotals(lines);
        expect(totals.totalExclCents).toBe(lines.reduce((s, l) => s + l.totalExclCents, 0));
        expect(totals.totalInclCents).toBe(totals.totalExclCents + totals.totalVatCents);
        for (const v of Object.values(totals)) expect(Number.isInteger(v)).toBe(true);
      }),
    );
  });

  it('VAT per rate stays within one cent per rate of the sum of per-line VAT', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 60 }), (raw) => {
        const lines = raw.map((l) => ({ ...l, totalExclCents: lineTotalExclCents(l) }));
        const exactVat = lines.reduce((s, l) => s + (l.totalExclCents * l.vatRate) / 10_000, 0);
        const rates = new Set(lines.map((l) => l.vatRate)).size;
        expect(Math.abs(orderTotals(lines).totalVatCents - exactVat)).toBeLessThanOrEqual(0.5 * rates + 1e-6);
      }),
    );
  });

  it('a line total is within half a cent of the exact amount', () => {
    fc.assert(
      fc.property(lineArb, (l) => {
        const exact = (l.quantity * l.unitPriceCents * (10_000 - l.discountBp)) / 10_000;
        const total = lineTotalExclCents(l);
        expect(total - exact).toBeLessThanOrEqual(0.5);
        expect(exact - total).toBeLessThan(0.5);
      }),
    );
  });

  it('with monotonic breaks, more quantity never costs more per unit', () => {
    const breaksArb = fc.uniqueArray(fc.integer({ min: 2, max: 500 }), { maxLength: 6 }).chain((mins) =>
      fc
        .array(fc.integer({ min: 0, max: 5000 }), { minLength: mins.length + 1, maxLength: mins.length + 1 })
        .map((drops) => {
          const sorted = [1, ...mins.sort((a, b) => a - b)];
          let unit = 100_000;
          return sorted.map((minQuantity, i) => {
            unit = Math.max(0, unit - (drops[i] ?? 0));
            return { minQuantity, unitPriceCents: unit };
          });
        }),
    );
    fc.assert(
      fc.property(
        breaksArb,
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 600 }),
        (breaks, q, extra) => {
          const a = unitPriceForQuantity(breaks, q);
          const b = unitPriceForQuantity(breaks, q + extra);
          expect(a).not.toBeNull();
          expect(b as number).toBeLessThanOrEqual(a as number);
        },
      ),
    );
  });
});

describe('priceOrder', () => {
  const rep = { priceGroup: '', day, repMaxDiscountBp: 1000 };

  it('prices every line and flags a discount above the limit', () => {
    const r = priceOrder(catalogue, {
      ...rep,
      lines: [
        { id: id(501), productId: id(1), quantity: 6, discountBp: 1500 },
        { id: id(502), productId: id(1), quantity: 1, discountBp: 0 },
      ],
    });
    expect(r.ok && r.value).toMatchObject({
      needsApproval: true,
      totalExclCents: 4590 + 1000,
      lines: [{ unitPriceCents: 900, totalExclCents: 4590 }, { unitPriceCents: 1000 }],
    });
  });

  it('reports every bad line at once', () => {
    const r = priceOrder(catalogue, {
      ...rep,
      lines: [
        { id: id(501), productId: id(2), quantity: 1, discountBp: 0 },
        { id: id(502), productId: id(1), quantity: 0, discountBp: 0 },
        { id: id(503), productId: id(1), quantity: 1, discountBp: 6000 },
      ],
    });
    expect(r.ok ? [] : r.problems.map((p) => [p.lineId, p.code])).toEqual([
      [id(501), 'product-withdrawn'],
      [id(502), 'quantity-invalid'],
      [id(503), 'discount-too-high'],
    ]);
  });
});
