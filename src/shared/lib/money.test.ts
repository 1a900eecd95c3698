import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cents,
  divideRoundHalfUp,
  isCents,
  lineTotalExclCents,
  orderTotals,
  sumCents,
  unitPriceFromAmount,
  vatCents,
} from './money.js';

const line = (quantity: number, unitPriceCents: number, discountBp: number) =>
  lineTotalExclCents({ quantity, unitPriceCents, discountBp });

describe('rounding rule', () => {
  it('rounds half up', () => {
    expect(line(3, 333, 0)).toBe(999);
    expect(line(1, 1005, 5000)).toBe(503); // 502.5 → 503
    expect(line(7, 1299, 450)).toBe(8684); // 8684.09…
    expect(vatCents(1005, 550)).toBe(55); // 55.275
    expect(vatCents(1010, 550)).toBe(56); // 55.55
    expect(vatCents(250, 2000)).toBe(50);
    expect(divideRoundHalfUp(5, 10)).toBe(1);
    expect(divideRoundHalfUp(4, 10)).toBe(0);
  });

  it('computes VAT per rate on the summed line totals', () => {
    // 20.10 € at 5.5 % = 1.1055 € → 1.11 € (per line it would be 2 × 0.55 €).
    expect(
      orderTotals([
        { totalExclCents: 1005, vatRate: 550 },
        { totalExclCents: 1005, vatRate: 550 },
      ]),
    ).toEqual({ totalExclCents: 2010, totalVatCents: 111, totalInclCents: 2121 });
    expect(orderTotals([])).toEqual({ totalExclCents: 0, totalVatCents: 0, totalInclCents: 0 });
  });

  it('stays exact beyond 2^53 (BigInt path) and agrees with BigInt arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (q, p, bp) => {
          const exact = (2n * BigInt(q) * BigInt(p) * BigInt(10_000 - bp) + 10_000n) / 20_000n;
          expect(line(q, p, bp)).toBe(Number(exact));
        },
      ),
    );
  });

  it('refuses an amount that cents cannot hold', () => {
    expect(() => line(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 0)).toThrow(RangeError);
    expect(() => cents(0.5)).toThrow(RangeError);
    expect(isCents(12)).toBe(true);
    expect(isCents(Number.NaN)).toBe(false);
    expect(sumCents([1, 2, 3])).toBe(6);
  });

  it('derives a unit price from an amount', () => {
    expect(unitPriceFromAmount(7700, 5, 0)).toBe(1540);
    expect(unitPriceFromAmount(1000, 3, 0)).toBe(333);
    expect(unitPriceFromAmount(1000, 0, 0)).toBe(0);
  });

  it('VAT per rate is within half a cent of the exact VAT of each rate', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            totalExclCents: fc.integer({ min: 0, max: 10_000_000 }),
            vatRate: fc.constantFrom(0, 210, 550, 1000, 2000),
          }),
        ),
        (lines) => {
          const totals = orderTotals(lines);
          const rates = new Set(lines.map((l) => l.vatRate)).size;
          const exact = lines.reduce((s, l) => s + (l.totalExclCents * l.vatRate) / 10_000, 0);
          expect(Math.abs(totals.totalVatCents - exact)).toBeLessThanOrEqual(0.5 * rates + 1e-6);
          expect(totals.totalInclCents).toBe(totals.totalExclCents + totals.totalVatCents);
        },
      ),
    );
  });
});
