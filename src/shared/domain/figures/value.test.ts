import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abcClasses, forecastNext12MonthsCents, paretoCurve } from './value.js';

describe('ABC classes', () => {
  it('puts in A the customers making the first 80 % (the one crossing it included), B up to 95 %', () => {
    const classes = abcClasses([
      { id: 'a', cents: 500 },
      { id: 'b', cents: 300 },
      { id: 'c', cents: 100 },
      { id: 'd', cents: 60 },
      { id: 'e', cents: 40 },
      { id: 'z', cents: 0 },
    ]);
    // Before b: 50 % (A); before c: 80 % (B); before d: 90 % (B); before e: 96 % (C).
    expect(Object.fromEntries(classes)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'B', e: 'C', z: 'C' });
  });

  it('always holds A at no more than the revenue up to the crossing, whatever the portfolio', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 60 }),
        (cents) => {
          const rows = cents.map((c, i) => ({ id: String(i).padStart(3, '0'), cents: c }));
          const classes = abcClasses(rows);
          const total = cents.reduce((a, b) => a + b, 0);
          const inA = rows.filter((r) => classes.get(r.id) === 'A');
          const notA = rows.filter((r) => classes.get(r.id) !== 'A' && r.cents > 0);
          // Every A customer spent at least as much as any customer outside A.
          for (const a of inA) for (const b of notA) expect(a.cents).toBeGreaterThanOrEqual(b.cents);
          if (total > 0)
            expect(inA.reduce((n, r) => n + r.cents, 0) / total).toBeGreaterThanOrEqual(0.8 - 1e-9);
        },
      ),
    );
  });
});

describe('Pareto curve and forecast', () => {
  it('goes from (0, 0) to (1, 1), concave', () => {
    const curve = paretoCurve([10, 0, 50, 40], 4);
    expect(curve).toEqual([
      { customersShare: 0, revenueShare: 0 },
      { customersShare: 0.25, revenueShare: 0.5 },
      { customersShare: 0.5, revenueShare: 0.9 },
      { customersShare: 0.75, revenueShare: 1 },
      { customersShare: 1, revenueShare: 1 },
    ]);
  });

  it('weights the last twelve months twice the twelve before, half up to the cent', () => {
    expect(forecastNext12MonthsCents(300, 0)).toBe(200);
    expect(forecastNext12MonthsCents(100, 101)).toBe(100);
    expect(forecastNext12MonthsCents(0, 2)).toBe(1);
    expect(forecastNext12MonthsCents(0, 0)).toBe(0);
  });
});
