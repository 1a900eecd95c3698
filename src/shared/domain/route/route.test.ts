import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LatLon } from '../geo/geo.js';
import type { RouteInput, RouteStop } from './route.js';
import { bruteForceRoute, evaluateRoute, MINUTE_MS, optimiseRoute } from './route.js';

const travel = { roadFactor: 1.3, speedKmh: 60 };
const lyon: LatLon = { lat: 45.764, lon: 4.8357 };
const departureMs = Date.UTC(2026, 10, 26, 7, 0); // 08:00 in Paris

/** Points within ~±40 km of Lyon. */
const pointArb = fc.record({
  lat: fc.double({ min: 45.45, max: 46.1, noNaN: true }),
  lon: fc.double({ min: 4.35, max: 5.35, noNaN: true }),
});

function stopsArb(min: number, max: number) {
  return fc
    .array(
      fc.record({
        position: pointArb,
        durationMinutes: fc.integer({ min: 15, max: 60 }),
        fixedAfterMinutes: fc.option(fc.integer({ min: 30, max: 9 * 60 }), { nil: null }),
      }),
      { minLength: min, maxLength: max },
    )
    .map((raw) =>
      raw.map((r, k): RouteStop => ({
        id: `s${k}`,
        position: r.position,
        durationMinutes: r.durationMinutes,
        fixedStartMs: r.fixedAfterMinutes === null ? null : departureMs + r.fixedAfterMinutes * MINUTE_MS,
      })),
    );
}

function inputOf(stops: RouteStop[], start: LatLon = lyon): RouteInput {
  return { start, departureMs, stops, travel };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('optimiseRoute (properties)', () => {
  it('returns a permutation of the stops, and its timing matches evaluateRoute', () => {
    fc.assert(
      fc.property(stopsArb(0, 14), (stops) => {
        const input = inputOf(stops);
        const plan = optimiseRoute(input);
        expect(sorted(plan.order)).toEqual(sorted(stops.map((s) => s.id)));
        expect(plan.stops.map((s) => s.number)).toEqual(stops.map((_, k) => k + 1));
        const again = evaluateRoute(plan.order, input);
        expect(again.totalKm).toBeCloseTo(plan.totalKm, 9);
        expect(again.returnMs).toBeCloseTo(plan.returnMs, 3);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('respects fixed times whenever the input order does, and is never worse than the input order', () => {
    fc.assert(
      fc.property(stopsArb(1, 12), (stops) => {
        const input = inputOf(stops);
        const given = evaluateRoute(
          stops.map((s) => s.id),
          input,
        );
        const plan = optimiseRoute(input);
        if (given.feasible) {
          expect(plan.feasible).toBe(true);
          expect(plan.lateMinutes).toBe(0);
          expect(plan.totalKm).toBeLessThanOrEqual(given.totalKm + 1e-9);
        }
        for (const s of plan.stops) {
          if (!s.fixed) expect(s.lateMinutes).toBe(0);
          expect(s.departureMs).toBeGreaterThanOrEqual(s.visitStartMs);
          expect(s.visitStartMs).toBeGreaterThanOrEqual(s.arrivalMs);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('keeps the appointments in time order, even when they cannot all be reached in time', () => {
    fc.assert(
      fc.property(stopsArb(1, 10), (stops) => {
        const plan = optimiseRoute(inputOf(stops));
        const byId = new Map(stops.map((s) => [s.id, s]));
        const times = plan.order.map((id) => byId.get(id)!.fixedStartMs).filter((t) => t !== null);
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }),
      { seed: 11, numRuns: 150 },
    );
  });

  it('is within 5% of the exhaustive optimum for up to 9 stops', () => {
    let worst = 1;
    fc.assert(
      fc.property(stopsArb(2, 9), (stops) => {
        const input = inputOf(stops);
        const best = bruteForceRoute(input);
        const plan = optimiseRoute(input);
        expect(plan.lateMinutes).toBeLessThanOrEqual(best.lateMinutes + 1e-6);
        if (Math.abs(plan.lateMinutes - best.lateMinutes) < 1e-6 && best.totalKm > 0) {
          worst = Math.max(worst, plan.totalKm / best.totalKm);
          expect(plan.totalKm).toBeLessThanOrEqual(best.totalKm * 1.05 + 1e-9);
        }
      }),
      { seed: 2026, numRuns: 60 },
    );
    expect(worst).toBeLessThanOrEqual(1.05);
  });

  it('is within 5% of the exhaustive optimum on full days of 9 stops', () => {
    fc.assert(
      fc.property(stopsArb(9, 9), (stops) => {
        const input = inputOf(stops);
        const best = bruteForceRoute(input);
        const plan = optimiseRoute(input);
        expect(plan.lateMinutes).toBeLessThanOrEqual(best.lateMinutes + 1e-6);
        if (Math.abs(plan.lateMinutes - best.lateMinutes) < 1e-6) {
          expect(plan.totalKm).toBeLessThanOrEqual(best.totalKm * 1.05 + 1e-9);
        }
      }),
      { seed: 99, numRuns: 8 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(stopsArb(0, 14), (stops) => {
        expect(optimiseRoute(inputOf(stops)).order).toEqual(optimiseRoute(inputOf(stops)).order);
      }),
      { seed: 5, numRuns: 40 },
    );
  });
});

describe('optimiseRoute (edge cases)', () => {
  it('plans an empty day as a stay at the start point', () => {
    const plan = optimiseRoute(inputOf([]));
    expect(plan.order).toEqual([]);
    expect(plan.totalKm).toBe(0);
    expect(plan.returnMs).toBe(departureMs);
    expect(plan.feasible).toBe(true);
  });

  it('plans one stop there and back', () => {
    const stop: RouteStop = {
      id: 'a',
      position: { lat: 45.9, lon: 4.8 },
      durationMinutes: 30,
      fixedStartMs: null,
    };
    const plan = optimiseRoute(inputOf([stop]));
    expect(plan.order).toEqual(['a']);
    expect(plan.totalKm).toBeCloseTo(2 * plan.stops[0]!.legKm, 9);
    expect(plan.returnLeg.km).toBeCloseTo(plan.stops[0]!.legKm, 9);
  });

  it('is stable on co-located and duplicated stops', () => {
    const here = { lat: 45.8, lon: 4.9 };
    const stops: RouteStop[] = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      position: here,
      durationMinutes: 20,
      fixedStartMs: null,
    }));
    const plan = optimiseRoute(inputOf(stops));
    // Nothing to gain: the input order stays.
    expect(plan.order).toEqual(['a', 'b', 'c', 'd']);
    const atStart = optimiseRoute(inputOf(stops, here));
    expect(atStart.totalKm).toBe(0);
  });

  it('waits for an appointment when early, and reports lateness when it cannot be reached', () => {
    const far: RouteStop = {
      id: 'far',
      position: { lat: 43.3, lon: 5.4 }, // Marseille, ~300 km
      durationMinutes: 30,
      fixedStartMs: departureMs + 60 * MINUTE_MS,
    };
    const near: RouteStop = {
      id: 'near',
      position: { lat: 45.77, lon: 4.84 },
      durationMinutes: 30,
      fixedStartMs: departureMs + 120 * MINUTE_MS,
    };
    const plan = optimiseRoute(inputOf([near, far]));
    expect(plan.order).toEqual(['far', 'near']);
    expect(plan.feasible).toBe(false);
    expect(plan.stops[0]!.lateMinutes).toBeGreaterThan(0);
    expect(plan.stops[1]!.lateMinutes).toBeGreaterThan(0);

    const early = evaluateRoute(['near'], inputOf([near]));
    expect(early.stops[0]!.waitMinutes).toBeGreaterThan(100);
    expect(early.stops[0]!.visitStartMs).toBe(near.fixedStartMs);
  });

  it('evaluateRoute ignores unknown ids and appends forgotten stops', () => {
    const stops: RouteStop[] = ['a', 'b', 'c'].map((id, k) => ({
      id,
      position: { lat: 45.7 + k / 10, lon: 4.8 },
      durationMinutes: 30,
      fixedStartMs: null,
    }));
    expect(evaluateRoute(['c', 'zzz', 'a'], inputOf(stops)).order).toEqual(['c', 'a', 'b']);
  });

  it('bruteForceRoute refuses more than 9 stops', () => {
    const stops: RouteStop[] = Array.from({ length: 10 }, (_, k) => ({
      id: `s${k}`,
      position: lyon,
      durationMinutes: 10,
      fixedStartMs: null,
    }));
    expect(() => bruteForceRoute(inputOf(stops))).toThrow(RangeError);
  });
});
