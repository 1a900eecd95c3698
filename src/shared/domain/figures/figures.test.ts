import { describe, expect, it } from 'vitest';
import {
  comparedPeriods,
  deriveFigures,
  emptyCounts,
  periodDays,
  previousPeriod,
  yearBefore,
} from './figures.js';

describe('periods the review compares', () => {
  it('counts both ends and takes the same length just before', () => {
    expect(periodDays({ from: '2026-11-01', to: '2026-11-30' })).toBe(30);
    expect(previousPeriod({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      from: '2026-10-02',
      to: '2026-10-31',
    });
    expect(previousPeriod({ from: '2026-12-03', to: '2026-12-03' })).toEqual({
      from: '2026-12-02',
      to: '2026-12-02',
    });
    // Across the March DST change the day count stays calendar days.
    expect(periodDays({ from: '2026-03-01', to: '2026-03-31' })).toBe(31);
  });

  it('goes back a year on the calendar, 29 February landing on the 28th', () => {
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    expect(yearBefore('2026-12-03')).toBe('2025-12-03');
    expect(comparedPeriods({ from: '2025-03-01', to: '2025-03-31' }).yearBefore).toEqual({
      from: '2024-03-01',
      to: '2024-03-31',
    });
  });
});

describe('figures derived from counts', () => {
  it('rounds the average ticket, conversion and repurchase half up, and says null when undefined', () => {
    const f = deriveFigures({
      ...emptyCounts(),
      orders: 3,
      revenueCents: 1_000,
      visits: 8,
      visitsWithOrder: 3,
      previousBuyers: 6,
      repeatBuyers: 1,
    });
    expect(f.averageTicketCents).toBe(333);
    expect(f.conversionBp).toBe(3_750);
    expect(f.repurchaseBp).toBe(1_667);
    expect(deriveFigures({ ...emptyCounts(), orders: 2, revenueCents: 5 }).averageTicketCents).toBe(3);
    const none = deriveFigures(emptyCounts());
    expect([none.averageTicketCents, none.conversionBp, none.repurchaseBp]).toEqual([null, null, null]);
  });
});
