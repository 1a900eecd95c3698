import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfInstant,
  dayRange,
  daysRange,
  hourOfInstant,
  instantOn,
  isDay,
  mondayOf,
  noonOf,
  timeOfInstant,
  todayIn,
} from './calendar.js';

const PARIS = 'Europe/Paris';

describe('agenda days', () => {
  it('reads and writes instants in the user\u2019s time zone, across the DST change', () => {
    expect(instantOn('2026-11-26', '09:30', 'Europe/Paris')).toBe('2026-11-26T08:30:00.000Z');
    expect(instantOn('2026-07-01', '09:30', 'Europe/Paris')).toBe('2026-07-01T07:30:00.000Z');
    expect(timeOfInstant('2026-11-26T08:30:00.000Z', 'Europe/Paris')).toBe('09:30');
    expect(dayOfInstant('2026-11-26T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11-27');
    expect(daysRange('2026-10-25', 1, 'Europe/Paris')).toEqual({
      fromIso: '2026-10-24T22:00:00.000Z',
      toIso: '2026-10-25T23:00:00.000Z',
    });
  });
  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('daylight saving days in Paris', () => {
  it('the last Sunday of March has 23 hours; 02:30 does not exist and moves to 03:30', () => {
    expect(dayRange('2026-03-29', PARIS)).toEqual({
      fromIso: '2026-03-28T23:00:00.000Z',
      toIso: '2026-03-29T22:00:00.000Z',
    });
    expect(instantOn('2026-03-29', '01:59', PARIS)).toBe('2026-03-29T00:59:00.000Z');
    expect(instantOn('2026-03-29', '02:00', PARIS)).toBe('2026-03-29T01:00:00.000Z');
    expect(instantOn('2026-03-29', '02:30', PARIS)).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOn('2026-03-29', '03:00', PARIS)).toBe('2026-03-29T01:00:00.000Z');
    expect(timeOfInstant('2026-03-29T01:30:00.000Z', PARIS)).toBe('03:30');
    expect(hourOfInstant('2026-03-29T00:59:00.000Z', PARIS)).toBe(1);
  });

  it('the last Sunday of October has 25 hours; 02:30 happens twice and is read as the second', () => {
    expect(dayRange('2026-10-25', PARIS)).toEqual({
      fromIso: '2026-10-24T22:00:00.000Z',
      toIso: '2026-10-25T23:00:00.000Z',
    });
    expect(instantOn('2026-10-25', '01:59', PARIS)).toBe('2026-10-24T23:59:00.000Z');
    expect(instantOn('2026-10-25', '02:30', PARIS)).toBe('2026-10-25T01:30:00.000Z');
    expect(instantOn('2026-10-25', '03:00', PARIS)).toBe('2026-10-25T02:00:00.000Z');
    expect(timeOfInstant('2026-10-25T00:30:00.000Z', PARIS)).toBe('02:30');
    expect(timeOfInstant('2026-10-25T01:30:00.000Z', PARIS)).toBe('02:30');
    expect(dayOfInstant('2026-10-25T22:59:59.999Z', PARIS)).toBe('2026-10-25');
    expect(dayOfInstant('2026-10-25T23:00:00.000Z', PARIS)).toBe('2026-10-26');
  });

  it('a midnight that does not exist (Santiago) moves to 01:00', () => {
    expect(instantOn('2026-09-06', '00:00', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
  });

  it('noon and today', () => {
    expect(noonOf('2026-03-29', PARIS).toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(todayIn(PARIS, Date.parse('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
    expect(todayIn('America/New_York', Date.parse('2026-12-31T23:30:00.000Z'))).toBe('2026-12-31');
    expect(isDay('2026-03-29')).toBe(true);
    expect(isDay('29/03/2026')).toBe(false);
  });
});

describe('calendar (properties)', () => {
  const zones = fc.constantFrom(PARIS, 'America/New_York', 'Asia/Kolkata', 'UTC', 'Australia/Lord_Howe');
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) });

  it('an instant lies in the range of its own day', () => {
    fc.assert(
      fc.property(instant, zones, (ms, zone) => {
        const { fromIso, toIso } = dayRange(dayOfInstant(ms, zone), zone);
        expect(Date.parse(fromIso)).toBeLessThanOrEqual(ms);
        expect(ms).toBeLessThan(Date.parse(toIso));
      }),
    );
  });

  it('an instant read as day and time is found again (outside the repeated hour)', () => {
    fc.assert(
      fc.property(instant, zones, (raw, zone) => {
        const ms = raw - (raw % 60_000);
        const back = Date.parse(instantOn(dayOfInstant(ms, zone), timeOfInstant(ms, zone), zone));
        if (back !== ms) {
          // Only a repeated wall-clock time may be read as its other occurrence.
          expect(timeOfInstant(back, zone)).toBe(timeOfInstant(ms, zone));
          expect(Math.abs(back - ms)).toBeLessThanOrEqual(3_600_000);
        }
      }),
    );
  });
});
