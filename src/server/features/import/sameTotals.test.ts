import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Product, VatRate } from '../../../shared/domain/catalog/catalog.js';
import { vatRates } from '../../../shared/domain/catalog/catalog.js';
import { BASE_PRICE_GROUP, buildCatalogue, priceOrder } from '../../../shared/domain/order/pricing.js';
import { encodeCsv } from './export.js';
import { importOrders } from './importers.js';
import { memoryLookups } from './lookups.js';

const at = '2026-01-01T00:00:00.000Z';
const uuid = (n: number) => `0190a6b2-0000-7000-8000-${String(n).padStart(12, '0')}`;

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 10_000 }),
  unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
  discountBp: fc.integer({ min: 0, max: 5000 }),
  vatRate: fc.constantFrom<VatRate>(...vatRates),
});

const euros = (c: number) => `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
const percent = (bp: number) => `${Math.floor(bp / 100)},${String(bp % 100).padStart(2, '0')}`;

describe('one money rule', () => {
  it('an imported order and the same order taken on the laptop have equal totals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 20 }), async (raw) => {
        const products: Product[] = raw.map((l, i) => ({
          id: uuid(i + 1),
          reference: `P-${i}`,
          name: `Produit ${i}`,
          family: 'Vins',
          unit: 'bouteille',
          vatRate: l.vatRate,
          active: true,
          version: 1,
          updatedAt: at,
        }));
        const list = {
          id: uuid(900),
          code: 'BASE',
          name: 'Base',
          customerGroup: BASE_PRICE_GROUP,
          validFrom: '2026-01-01',
          validTo: null,
          version: 1,
          updatedAt: at,
        };
        const laptop = priceOrder(
          buildCatalogue({
            products,
            priceLists: [list],
            prices: raw.map((l, i) => ({
              id: uuid(1000 + i),
              priceListId: list.id,
              productId: uuid(i + 1),
              breaks: [{ minQuantity: 1, unitPriceCents: l.unitPriceCents }],
              version: 1,
            })),
          }),
          {
            priceGroup: BASE_PRICE_GROUP,
            day: '2026-03-15',
            repMaxDiscountBp: 5000,
            lines: raw.map((l, i) => ({
              id: uuid(2000 + i),
              productId: uuid(i + 1),
              quantity: l.quantity,
              discountBp: l.discountBp,
            })),
          },
        );
        expect(laptop.ok).toBe(true);
        if (!laptop.ok) return;

        const file = [
          'N° commande;Réf client;Date;Référence produit;Quantité;Prix unitaire HT;Remise %;TVA',
          ...raw.map(
            (l, i) =>
              `CMD-1;C001;15/03/2026;P-${i};${l.quantity};${euros(l.unitPriceCents)};${percent(l.discountBp)};${percent(l.vatRate)}`,
          ),
        ].join('\n');
        const imported = await importOrders(encodeCsv(file, { bom: false }), {
          lookups: memoryLookups({
            products: products.map((p) => ({
              id: p.id,
              reference: p.reference,
              name: p.name,
              vatRate: p.vatRate,
            })),
            customers: [{ id: uuid(10), externalRef: 'C001' }],
            reps: [],
            priceLists: [],
          }),
        });
        expect(imported.ok).toBe(true);
        if (!imported.ok) return;
        const [order] = imported.records;
        expect(order!.lines.map((l) => l.totalExclCents)).toEqual(
          laptop.value.lines.map((l) => l.totalExclCents),
        );
        expect({
          totalExclCents: order!.totalExclCents,
          totalVatCents: order!.totalVatCents,
          totalInclCents: order!.totalInclCents,
        }).toEqual({
          totalExclCents: laptop.value.totalExclCents,
          totalVatCents: laptop.value.totalVatCents,
          totalInclCents: laptop.value.totalInclCents,
        });
      }),
      { numRuns: 60 },
    );
  });
});
