import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RfmOrder } from './rfm.js';
import { computeRfm, customerFigures, dayOf, monthsBefore, segmentFor, segmentTrend } from './rfm.js';
import { dayOfInstant } from '../../lib/calendar.js';

const AT = new Date('2026-11-24T12:00:00.000Z');
const daysAgo = (d: number) => new Date(AT.getTime() - d * 86_400_000).toISOString();
const order = (customerId: string, days: number, euros: number, status?: string): RfmOrder => ({
  customerId,
  orderedAt: daysAgo(days),
  totalExclCents: euros * 100,
  ...(status ? { status } : {}),
});

describe('customerFigures', () => {
  it('computes recency, 12-month frequency and revenue, and the usual rhythm by hand', () => {
    // Orders 71, 92, 113, 134 and 400 days ago: gaps 21, 21, 21, 266 → median 21.
    const orders = [
      order('a', 71, 300),
      order('a', 92, 500),
      order('a', 113, 100),
      order('a', 134, 300),
      order('a', 400, 999),
    ];
    const f = customerFigures('a', orders, AT);
    expect(f.recencyDays).toBe(71);
    expect(f.frequency).toBe(4);
    expect(f.monetaryCents).toBe(120_000);
    expect(f.rhythmDays).toBe(21);
    expect(f.rhythmRatio).toBeCloseTo(71 / 21);
    expect(f.overdue).toBe(true);
    expect(f.lastOrderAt).toBe(daysAgo(71));
  });

  it('ignores cancelled orders, drafts and orders after the date', () => {
    const f = customerFigures(
      'a',
      [order('a', 10, 50, 'cancelled'), order('a', 12, 50, 'draft'), order('a', -3, 50), order('a', 30, 70)],
      AT,
    );
    expect(f).toMatchObject({
      recencyDays: 30,
      frequency: 1,
      monetaryCents: 7000,
      rhythmDays: null,
      overdue: false,
    });
  });

  it('a customer without orders has no recency', () => {
    expect(customerFigures('a', [], AT)).toMatchObject({
      recencyDays: null,
      frequency: 0,
      lastOrderAt: null,
    });
  });
});

describe('segments', () => {
  it('maps every score triple to exactly one segment (rule table)', () => {
    expect(segmentFor(5, 5, 5)).toBe('champions');
    expect(segmentFor(3, 4, 4)).toBe('loyal');
    expect(segmentFor(5, 1, 1)).toBe('promising');
    expect(segmentFor(3, 1, 2)).toBe('needAttention');
    expect(segmentFor(1, 5, 4)).toBe('cantLose');
    expect(segmentFor(2, 3, 3)).toBe('atRisk');
    expect(segmentFor(2, 1, 2)).toBe('hibernating');
    expect(segmentFor(1, 1, 1)).toBe('lost');
  });

  it('computes the trend from two dates', () => {
    expect(segmentTrend('atRisk', 'loyal')).toBe('up');
    expect(segmentTrend('champions', 'atRisk')).toBe('down');
    expect(segmentTrend('loyal', 'loyal')).toBe('same');
    expect(segmentTrend(null, 'promising')).toBe('new');
    expect(segmentTrend('loyal', null)).toBeNull();
  });

  it('gives the segment at a past date from the same orders', () => {
    const orders = [order('a', 5, 100), order('b', 300, 100), order('b', 320, 100), order('b', 340, 100)];
    const now = computeRfm(['a', 'b'], orders, AT);
    const before = computeRfm(['a', 'b'], orders, monthsBefore(AT, 6));
    expect(before.get('a')?.segment).toBeNull(); // no order yet
    expect(before.get('b')?.recencyDays).toBe(300 - 184); // 24 May → 24 Nov = 184 days
    expect(now.get('b')?.scores?.r).toBeLessThan(now.get('a')!.scores!.r);
  });

  it('monthsBefore clamps to the end of the month', () => {
    expect(monthsBefore(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe('2026-02-28T10:00:00.000Z');
  });
});

const portfolio = fc
  .array(
    fc.record({
      orders: fc.array(
        fc.record({ days: fc.integer({ min: 0, max: 1200 }), euros: fc.integer({ min: 0, max: 5000 }) }),
        {
          minLength: 1,
          maxLength: 8,
        },
      ),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((customers) => {
    const ids = customers.map((_, i) => `c${String(i).padStart(3, '0')}`);
    const orders = customers.flatMap((c, i) => c.orders.map((o) => order(ids[i]!, o.days, o.euros)));
    return { ids, orders };
  });

describe('RFM properties', () => {
  it('scores are in 1..5 and every scored customer has a segment', () => {
    fc.assert(
      fc.property(portfolio, ({ ids, orders }) => {
        for (const row of computeRfm(ids, orders, AT).values()) {
          expect(row.scores).not.toBeNull();
          for (const s of Object.values(row.scores!)) expect(s >= 1 && s <= 5).toBe(true);
          expect(row.segment).not.toBeNull();
        }
      }),
    );
  });

  it('equal values get equal scores, and distinct values fill the quintiles within one', () => {
    fc.assert(
      fc.property(portfolio, ({ ids, orders }) => {
        const rows = [...computeRfm(ids, orders, AT).values()];
        const values = { r: 'recencyDays', f: 'frequency', m: 'monetaryCents' } as const;
        for (const key of ['r', 'f', 'm'] as const) {
          for (const a of rows) {
            for (const b of rows) {
              if (a[values[key]] === b[values[key]]) expect(a.scores![key]).toBe(b.scores![key]);
            }
          }
          if (new Set(rows.map((row) => row[values[key]])).size === rows.length) {
            const sizes = [1, 2, 3, 4, 5].map((s) => rows.filter((r) => r.scores![key] === s).length);
            expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('more recent ⇒ R not lower; more orders ⇒ F not lower; more revenue ⇒ M not lower', () => {
    fc.assert(
      fc.property(portfolio, ({ ids, orders }) => {
        const rows = [...computeRfm(ids, orders, AT).values()];
        for (const a of rows) {
          for (const b of rows) {
            if (a.recencyDays! < b.recencyDays!) expect(a.scores!.r).toBeGreaterThanOrEqual(b.scores!.r);
            if (a.frequency > b.frequency) expect(a.scores!.f).toBeGreaterThanOrEqual(b.scores!.f);
            if (a.monetaryCents > b.monetaryCents) expect(a.scores!.m).toBeGreaterThanOrEqual(b.scores!.m);
          }
        }
      }),
    );
  });

  it('is deterministic whatever the order of the input', () => {
    fc.assert(
      fc.property(portfolio, fc.integer(), ({ ids, orders }, seed) => {
        const shuffled = [...orders].sort(
          (x, y) => ((x.orderedAt + seed).length % 3) - ((y.orderedAt + seed).length % 3),
        );
        const a = computeRfm(ids, orders, AT);
        const b = computeRfm([...ids].reverse(), shuffled.reverse(), AT);
        for (const id of ids) expect(b.get(id)).toEqual(a.get(id));
      }),
    );
  });
});

describe('RFM, the exact definition', () => {
  it('scores ties alike: 1 + floor(5 × (rank − 1) / N), rank = 1 + customers strictly worse', () => {
    // N = 5. Recency 10, 10, 30, 50, 50 days; one purchase each; 100, 100, 300, 50, 200 €.
    const orders = [
      order('a', 10, 100),
      order('b', 10, 100),
      order('c', 30, 300),
      order('d', 50, 50),
      order('e', 50, 200),
    ];
    const rows = computeRfm(['a', 'b', 'c', 'd', 'e', 'never'], orders, AT);
    const scores = Object.fromEntries([...rows].map(([id, row]) => [id, row.scores]));
    // R: d, e have nobody worse → 1; c has 2 worse → 1 + floor(10/5) = 3; a, b have 3 → 4.
    // F: everyone 1 purchase → nobody strictly worse → 1.
    // M: d 0 worse → 1; a, b 1 worse → 2; e 3 worse → 4; c 4 worse → 5.
    expect(scores).toEqual({
      a: { r: 4, f: 1, m: 2 },
      b: { r: 4, f: 1, m: 2 },
      c: { r: 3, f: 1, m: 5 },
      d: { r: 1, f: 1, m: 1 },
      e: { r: 1, f: 1, m: 4 },
      never: null,
    });
    expect(rows.get('a')!.segment).toBe('promising');
    expect(rows.get('d')!.segment).toBe('lost');
  });

  it('counts in the company’s calendar days (Paris): D − 364 … D is the year, recency from the purchase day', () => {
    const at = new Date('2026-11-24T00:01:00.000Z');
    const orders: RfmOrder[] = [
      { customerId: 'a', orderedAt: '2025-11-25T00:00:00.000Z', totalExclCents: 1_000 },
      // 23:59 in Paris on 2025-11-24, D − 365: outside the year.
      { customerId: 'a', orderedAt: '2025-11-24T22:59:00.000Z', totalExclCents: 7_000 },
      // 23:59 in Paris the day before D (00:59 on D would be D itself).
      { customerId: 'a', orderedAt: '2026-11-23T22:59:00.000Z', totalExclCents: 500 },
      { customerId: 'a', orderedAt: '2026-11-24T18:00:00.000Z', totalExclCents: 9_999, status: 'draft' },
    ];
    const f = customerFigures('a', orders, at);
    expect(f.recencyDays).toBe(1);
    expect(f.frequency).toBe(2);
    expect(f.monetaryCents).toBe(1_500);
  });

  it('takes the day in Paris for any instant, across the changes of time too', () => {
    const parisDay = (ms: number) => Date.parse(`${dayOfInstant(ms, 'Europe/Paris')}T00:00:00Z`) / 86_400_000;
    for (const iso of [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-03-28T22:59:59Z',
      '2026-03-28T23:00:00Z',
      '2026-10-24T21:59:59Z',
      '2026-10-24T22:00:00Z',
      '2026-10-25T22:59:59Z',
      '2026-10-25T23:00:00Z',
    ]) {
      expect(dayOf(Date.parse(iso)), iso).toBe(parisDay(Date.parse(iso)));
    }
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1996-01-01'), max: Date.parse('2032-01-01') }), (ms) => {
        expect(dayOf(ms)).toBe(parisDay(ms));
      }),
      { numRuns: 2_000 },
    );
  });
});
