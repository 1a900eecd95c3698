import { describe, expect, it } from 'vitest';
import type { GapCandidate } from './gaps.js';
import { detourOf, reasonsFor, suggestGapFillers } from './gaps.js';

const travel = { roadFactor: 1.3, speedKmh: 60 };
const home = { lat: 45.764, lon: 4.8357 }; // Lyon
const stop = { lat: 45.9, lon: 4.85 }; // ~15 km north
const path = [home, stop, home];

function candidate(over: Partial<GapCandidate> & { customerId: string }): GapCandidate {
  return {
    position: { lat: 45.83, lon: 4.84 }, // on the way
    status: 'customer',
    segment: 'loyal',
    daysSinceVisit: 10,
    daysSinceOrder: 10,
    rhythmDays: 30,
    overdue: false,
    openComplaints: 0,
    ...over,
  };
}

describe('reasonsFor', () => {
  it('says nothing about a healthy, recently visited customer', () => {
    expect(reasonsFor(candidate({ customerId: 'a' }))).toEqual([]);
  });

  it('names every reason to visit', () => {
    expect(
      reasonsFor(
        candidate({
          customerId: 'a',
          segment: 'cantLose',
          openComplaints: 2,
          overdue: true,
          daysSinceOrder: 75,
          daysSinceVisit: 120,
        }),
      ),
    ).toEqual([
      { kind: 'complaint', count: 2 },
      { kind: 'segment', segment: 'cantLose' },
      { kind: 'overdue', days: 75, rhythmDays: 30 },
      { kind: 'notVisited', days: 120, rhythmDays: 30 },
    ]);
  });

  it('compares the time since the last visit with the customer rhythm', () => {
    expect(reasonsFor(candidate({ customerId: 'a', daysSinceVisit: 44 }))).toEqual([]);
    expect(reasonsFor(candidate({ customerId: 'a', daysSinceVisit: 45 }))).toEqual([
      { kind: 'notVisited', days: 45, rhythmDays: 30 },
    ]);
    expect(reasonsFor(candidate({ customerId: 'a', rhythmDays: null, daysSinceVisit: 89 }))).toEqual([]);
    expect(reasonsFor(candidate({ customerId: 'a', daysSinceVisit: null }))).toEqual([
      { kind: 'notVisited', days: null, rhythmDays: 30 },
    ]);
  });

  it('flags prospects and promising customers', () => {
    expect(
      reasonsFor(candidate({ customerId: 'p', status: 'prospect', segment: null, daysSinceVisit: null })),
    ).toEqual([{ kind: 'prospect' }]);
    expect(reasonsFor(candidate({ customerId: 'q', segment: 'promising' }))).toEqual([{ kind: 'promising' }]);
  });
});

describe('detourOf', () => {
  it('is zero for a point on a leg and the cheapest insertion otherwise', () => {
    expect(detourOf([home, home], home, travel).km).toBe(0);
    const onTheWay = detourOf(path, { lat: 45.83, lon: 4.843 }, travel);
    expect(onTheWay.km).toBeLessThan(0.5);
    const aside = detourOf(path, { lat: 45.83, lon: 5.2 }, travel);
    expect(aside.km).toBeGreaterThan(20);
  });

  it('is a round trip from the start when the day is empty', () => {
    const d = detourOf([home], stop, travel);
    expect(d.km).toBeCloseTo((2 * detourOf([home, home], stop, travel).km) / 2, 6);
  });
});

describe('suggestGapFillers', () => {
  it('ranks by need against detour, excludes stops of the route, limits and explains', () => {
    const candidates: GapCandidate[] = [
      candidate({ customerId: 'healthy' }),
      candidate({ customerId: 'onRoute', openComplaints: 1 }),
      candidate({ customerId: 'complaintNear', openComplaints: 1 }),
      candidate({ customerId: 'atRiskFar', segment: 'atRisk', position: { lat: 45.83, lon: 5.0 } }),
      candidate({ customerId: 'atRiskNear', segment: 'atRisk' }),
      candidate({ customerId: 'tooFar', openComplaints: 3, position: { lat: 44.0, lon: 4.8 } }),
      candidate({ customerId: 'prospect', status: 'prospect', segment: null, daysSinceVisit: null }),
    ];
    const out = suggestGapFillers(path, candidates, {
      travel,
      excludeCustomerIds: new Set(['onRoute']),
      limit: 3,
    });
    expect(out.map((s) => s.customerId)).toEqual(['complaintNear', 'atRiskNear', 'atRiskFar']);
    expect(out[2]!.detourKm).toBeGreaterThan(10);
    expect(out[0]!.reasons).toEqual([{ kind: 'complaint', count: 1 }]);
    expect(out[0]!.detourKm).toBeLessThan(1);
    const all = suggestGapFillers(path, candidates, { travel, excludeCustomerIds: new Set() });
    expect(all.map((s) => s.customerId)).not.toContain('healthy');
    expect(all.map((s) => s.customerId)).not.toContain('tooFar');
    expect(all.map((s) => s.customerId)).toContain('atRiskFar');
  });
});
