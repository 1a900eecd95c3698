import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divideRoundHalfUp,
  lineTotalExclCents,
  lineVatCents,
  orderTotals,
  unitPriceFromAmount,
} from './totals.js';

describe('rounding rule', () => {
  it('rounds half up', () => {
    expect(lineTotalExclCents(3, 333, 0)).toBe(999);
    expect(lineTotalExclCents(1, 1005, 5000)).toBe(503); // 502.5 → 503
    expect(lineTotalExclCents(7, 1299, 450)).toBe(8684); // 8684.09…
    expect(lineVatCents(1005, 550)).toBe(55); // 55.275
    expect(lineVatCents(1010, 550)).toBe(56); // 55.55
    expect(lineVatCents(250, 2000)).toBe(50);
    expect(divideRoundHalfUp(5, 10)).toBe(1);
    expect(divideRoundHalfUp(4, 10)).toBe(0);
  });

  it('sums order totals from line figures', () => {
    expect(
      orderTotals([
        { totalExclCents: 1005, vatRate: 550 },
        { totalExclCents: 1005, vatRate: 550 },
      ]),
    ).toEqual({ totalExclCents: 2010, totalVatCents: 110, totalInclCents: 2120 });
  });

  it('stays exact beyond 2^53 (BigInt path) and agrees with BigInt arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (q, p, bp) => {
          const exact = (2n * BigInt(q) * BigInt(p) * BigInt(10_000 - bp) + 10_000n) / 20_000n;
          expect(lineTotalExclCents(q, p, bp)).toBe(Number(exact));
        },
      ),
    );
  });

  it('derives a unit price from an amount', () => {
    expect(unitPriceFromAmount(7700, 5, 0)).toBe(1540);
    expect(unitPriceFromAmount(1000, 3, 0)).toBe(333);
  });
});
