import { describe, expect, it } from 'vitest';
import { firstFreeTime } from './freeSlot.js';

const tz = 'Europe/Paris';
const DAY = '2026-11-30'; // a Monday, Paris is UTC+1
const before = Date.parse('2026-11-29T12:00:00Z');
const at = (utc: string, durationMinutes: number, status: 'planned' | 'cancelled' = 'planned') => ({
  startAt: `${DAY}T${utc}:00.000Z`,
  durationMinutes,
  status,
});

describe('firstFreeTime', () => {
  it('starts the working day when it is empty', () => {
    expect(firstFreeTime(DAY, 60, [], { timeZone: tz, now: before })).toBe('09:00');
  });

  it('skips appointments and their durations, ignoring cancelled ones', () => {
    // 09:00–10:00 and 10:00–10:45 Paris taken; 11:00 cancelled.
    const busy = [at('08:00', 60), at('09:00', 45), at('10:00', 60, 'cancelled')];
    expect(firstFreeTime(DAY, 60, busy, { timeZone: tz, now: before })).toBe('10:45');
  });

  it('uses a gap only when the duration fits in it', () => {
    // 09:00–10:00, then 10:30–12:00: a 30-minute slot fits at 10:00, an hour does not.
    const busy = [at('08:00', 60), at('09:30', 90)];
    expect(firstFreeTime(DAY, 30, busy, { timeZone: tz, now: before })).toBe('10:00');
    expect(firstFreeTime(DAY, 60, busy, { timeZone: tz, now: before })).toBe('12:00');
  });

  it('today, starts after now on the next quarter of an hour', () => {
    const now = Date.parse(`${DAY}T12:07:00Z`); // 13:07 Paris
    expect(firstFreeTime(DAY, 60, [], { timeZone: tz, now })).toBe('13:15');
  });

  it('says the day is full when nothing fits before the end of working hours', () => {
    expect(firstFreeTime(DAY, 60, [at('08:00', 9 * 60)], { timeZone: tz, now: before })).toBeNull();
    expect(firstFreeTime(DAY, 60, [at('08:00', 8 * 60)], { timeZone: tz, now: before })).toBe('17:00');
  });
});
