import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Price, PriceList, Product } from '../catalog/catalog.js';
import { BASE_PRICE_GROUP, buildCatalogue, priceOrder } from './pricing.js';
import { previewOrder } from './preview.js';

const at = '2026-01-01T00:00:00.000Z';
const id = (n: number) => `0190a000-0000-7000-8000-${n.toString().padStart(12, '0')}`;
const product = (n: number, over: Partial<Product> = {}): Product => ({
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
});
const base: PriceList = {
  id: id(1000),
  code: 'L1',
  name: 'Liste 1',
  customerGroup: BASE_PRICE_GROUP,
  validFrom: '2026-01-01',
  validTo: null,
  version: 1,
  updatedAt: at,
};
const price = (n: number, productId: string, breaks: Price['breaks']): Price => ({
  id: id(2000 + n),
  priceListId: base.id,
  productId,
  breaks,
  version: 1,
});
const catalogue = buildCatalogue({
  products: [product(1), product(2, { active: false }), product(3, { vatRate: 550 })],
  priceLists: [base],
  prices: [
    price(1, id(1), [
      { minQuantity: 1, unitPriceCents: 1000 },
      { minQuantity: 6, unitPriceCents: 900 },
    ]),
    price(2, id(2), [{ minQuantity: 1, unitPriceCents: 500 }]),
    price(3, id(3), [{ minQuantity: 1, unitPriceCents: 333 }]),
  ],
});
const input = (lines: { productId: string; quantity: number; discountBp: number }[]) => ({
  priceGroup: '',
  day: '2026-03-10',
  repMaxDiscountBp: 1000,
  lines: lines.map((l, i) => ({ ...l, id: `l${i}` })),
});

describe('previewOrder', () => {
  it('prices each line on its own: a bad line keeps its reason, the others their price', () => {
    const preview = previewOrder(
      catalogue,
      input([
        { productId: id(1), quantity: 6, discountBp: 0 },
        { productId: id(2), quantity: 1, discountBp: 0 },
        { productId: id(1), quantity: 0, discountBp: 0 },
        { productId: id(3), quantity: 3, discountBp: 1500 },
      ]),
    );
    expect(preview.lines.map((l) => l.problem)).toEqual([
      null,
      'product-withdrawn',
      'quantity-invalid',
      null,
    ]);
    expect(preview.lines[0]?.line?.totalExclCents).toBe(5400);
    // 5400 + 3 × 333 × 0.85 = 5400 + 849 (half-up); VAT 20 % of 5400 + 5.5 % of 849.
    expect(preview).toMatchObject({
      totalExclCents: 6249,
      totalVatCents: 1080 + 47,
      totalInclCents: 6249 + 1127,
      needsApproval: true,
    });
  });

  it('equals the order pricing when every line prices', () => {
    const line = fc.record({
      productId: fc.constantFrom(id(1), id(3)),
      quantity: fc.integer({ min: 1, max: 500 }),
      discountBp: fc.integer({ min: 0, max: 5000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const priced = priceOrder(catalogue, input(lines));
        const preview = previewOrder(catalogue, input(lines));
        if (!priced.ok) return;
        expect(preview.lines.map((l) => l.line)).toEqual(priced.value.lines);
        expect(preview.totalExclCents).toBe(priced.value.totalExclCents);
        expect(preview.totalVatCents).toBe(priced.value.totalVatCents);
        expect(preview.totalInclCents).toBe(priced.value.totalInclCents);
        expect(preview.needsApproval).toBe(priced.value.needsApproval);
      }),
    );
  });
});
