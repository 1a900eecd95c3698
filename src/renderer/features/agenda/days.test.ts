import { describe, expect, it } from 'vitest';
import { addDays, dayOfInstant, daysRange, instantOn, mondayOf, timeOfInstant } from './days.js';

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
