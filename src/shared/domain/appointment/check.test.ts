import { describe, expect, it } from 'vitest';
import type { LatLon } from '../geo/geo.js';
import type { AppointmentSlot, CheckContext } from './check.js';
import { checkAppointment, dayWarnings, durationProblem, maySave, overlaps } from './check.js';

// Lyon (Bellecour), Villeurbanne (~5 km), Grenoble (~95 km from Lyon).
const places: Record<string, LatLon> = {
  lyon: { lat: 45.7578, lon: 4.832 },
  villeurbanne: { lat: 45.7719, lon: 4.8902 },
  grenoble: { lat: 45.1885, lon: 5.7245 },
};
const locate = (customerId: string) => places[customerId] ?? null;
const now = Date.parse('2026-11-24T07:00:00.000Z');

function slot(
  id: string,
  customerId: string,
  startAt: string,
  durationMinutes = 60,
  extra: Partial<AppointmentSlot> = {},
): AppointmentSlot {
  return { id, customerId, kind: 'visit', startAt, durationMinutes, status: 'planned', ...extra };
}
function ctx(others: AppointmentSlot[], extra: Partial<CheckContext> = {}): CheckContext {
  return { others, now, travel: { roadFactor: 1.3, speedKmh: 60 }, locate, ...extra };
}

describe('checkAppointment', () => {
  it('accepts a free slot with time to drive', () => {
    const others = [slot('a', 'lyon', '2026-11-26T08:00:00.000Z')];
    expect(checkAppointment(slot('d', 'villeurbanne', '2026-11-26T09:30:00.000Z'), ctx(others))).toEqual([]);
  });

  it('blocks a start in the past, but not an unchanged past start', () => {
    const draft = slot('d', 'lyon', '2026-11-23T08:00:00.000Z');
    expect(checkAppointment(draft, ctx([]))).toEqual([{ code: 'start-in-past', severity: 'block' }]);
    expect(checkAppointment(draft, ctx([], { previousStartAt: draft.startAt }))).toEqual([]);
  });

  it('blocks a zero, negative, too short or too long duration', () => {
    expect(durationProblem(0)?.code).toBe('duration-not-positive');
    expect(durationProblem(-15)?.code).toBe('duration-not-positive');
    expect(durationProblem(Number.NaN)?.code).toBe('duration-not-positive');
    expect(durationProblem(3)).toMatchObject({ code: 'duration-too-short', min: 5 });
    expect(durationProblem(13 * 60)).toMatchObject({ code: 'duration-too-long', max: 720 });
    expect(durationProblem(45)).toBeNull();
    const problems = checkAppointment(slot('d', 'lyon', '2026-11-26T08:00:00.000Z', 0), ctx([]));
    expect(problems.map((p) => p.code)).toEqual(['duration-not-positive']);
    expect(maySave(problems, true)).toBe(false);
  });

  it('asks for confirmation on an overlap with a planned appointment only', () => {
    const others = [
      slot('a', 'lyon', '2026-11-26T08:00:00.000Z'),
      slot('b', 'lyon', '2026-11-26T08:30:00.000Z', 30, { status: 'cancelled' }),
    ];
    const problems = checkAppointment(slot('d', 'lyon', '2026-11-26T08:30:00.000Z', 30), ctx(others));
    expect(problems).toEqual([{ code: 'overlap', severity: 'confirm', otherId: 'a' }]);
    expect(maySave(problems, false)).toBe(false);
    expect(maySave(problems, true)).toBe(true);
  });

  it('does not compare an appointment with itself (a move)', () => {
    const current = slot('a', 'lyon', '2026-11-26T08:00:00.000Z');
    const moved = { ...current, startAt: '2026-11-26T08:15:00.000Z' };
    expect(checkAppointment(moved, ctx([current]))).toEqual([]);
  });

  it('touching ends are not an overlap', () => {
    expect(
      overlaps(
        { startAt: '2026-11-26T08:00:00.000Z', durationMinutes: 60 },
        { startAt: '2026-11-26T09:00:00.000Z', durationMinutes: 30 },
      ),
    ).toBe(false);
  });

  it('warns when the drive from the previous visit cannot fit', () => {
    // Lyon → Grenoble ≈ 95 km × 1.3 ≈ 123 km at 60 km/h ≈ 124 min; only 30 min between.
    const others = [slot('a', 'lyon', '2026-11-26T08:00:00.000Z')];
    const problems = checkAppointment(slot('d', 'grenoble', '2026-11-26T09:30:00.000Z'), ctx(others));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'travel-too-short',
      severity: 'warn',
      otherId: 'a',
      direction: 'from-previous',
      minutesAvailable: 30,
    });
    const p = problems[0];
    if (p?.code !== 'travel-too-short') throw new Error('expected travel');
    expect(p.km).toBeGreaterThan(110);
    expect(p.km).toBeLessThan(135);
    expect(p.minutesNeeded).toBeGreaterThan(110);
    expect(maySave(problems, false)).toBe(true);
  });

  it('warns on the drive to the next visit and uses the rep\u2019s speed', () => {
    const others = [slot('n', 'grenoble', '2026-11-26T12:30:00.000Z')];
    const draft = slot('d', 'lyon', '2026-11-26T09:00:00.000Z'); // ends 10:00, 150 min to go
    expect(checkAppointment(draft, ctx(others))).toEqual([]);
    const slow = checkAppointment(draft, ctx(others, { travel: { roadFactor: 1.3, speedKmh: 40 } }));
    expect(slow).toMatchObject([{ code: 'travel-too-short', direction: 'to-next', otherId: 'n' }]);
  });

  it('skips the travel check without coordinates and for calls', () => {
    const others = [slot('a', 'lyon', '2026-11-26T08:00:00.000Z')];
    expect(checkAppointment(slot('d', 'nowhere', '2026-11-26T09:05:00.000Z'), ctx(others))).toEqual([]);
    expect(
      checkAppointment(slot('d', 'grenoble', '2026-11-26T09:05:00.000Z', 15, { kind: 'call' }), ctx(others)),
    ).toEqual([]);
  });
});

describe('dayWarnings', () => {
  it('flags both sides of an overlap and the arrival of an impossible drive', () => {
    const day = [
      slot('a', 'lyon', '2026-11-26T08:00:00.000Z'),
      slot('b', 'villeurbanne', '2026-11-26T08:30:00.000Z'),
      slot('c', 'grenoble', '2026-11-26T10:00:00.000Z'),
      slot('x', 'grenoble', '2026-11-26T10:00:00.000Z', 60, { status: 'cancelled' }),
    ];
    const warnings = dayWarnings(day, { locate, travel: { roadFactor: 1.3, speedKmh: 60 } });
    expect(warnings.get('a')?.map((p) => p.code)).toEqual(['overlap']);
    expect(warnings.get('b')?.map((p) => p.code)).toEqual(['overlap']);
    expect(warnings.get('c')).toMatchObject([
      { code: 'travel-too-short', otherId: 'b', minutesAvailable: 30 },
    ]);
    expect(warnings.has('x')).toBe(false);
  });
});
