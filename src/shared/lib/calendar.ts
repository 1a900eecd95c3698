/**
 * Calendar days and instants. A day is `YYYY-MM-DD` in a time zone (the user's, or the
 * company's on head office); an instant is an ISO-8601 UTC string (or epoch ms on input).
 *
 * Pure TypeScript over `Intl.DateTimeFormat` (no time-zone library in shared code). A wall-clock
 * time that does not exist (the spring-forward hour) moves forward by the gap; one that occurs
 * twice (the fall-back hour) is the later, standard-time occurrence.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR_MS = 3_600_000;

const pad = (n: number) => String(n).padStart(2, '0');

export function isDay(value: string): boolean {
  return DAY.test(value);
}

/** [year, month 0–11, day] of a `YYYY-MM-DD`. */
function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

const formats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock of an instant in `timeZone`. */
function wallClock(ms: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of zoneFormat(timeZone).formatToParts(new Date(ms))) {
    if (p.type in clock) clock[p.type as keyof WallClock] = Number(p.value);
  }
  return clock;
}

/** The zone's offset from UTC at an instant, in ms (Paris in summer: +2 h). */
export function offsetAt(ms: number, timeZone: string): number {
  const c = wallClock(ms, timeZone);
  const asUtc = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

function toMs(at: number | string | Date): number {
  return typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/**
 * The company's time zone: the calendar day an order is priced and scored on is the day in this
 * zone (head office has no per-company setting yet; the importers and the demo use the same zone).
 */
export const COMPANY_TIME_ZONE = 'Europe/Paris';

/** The calendar day of an instant in `timeZone`. */
export function dayOfInstant(at: number | string | Date, timeZone: string): string {
  const c = wallClock(toMs(at), timeZone);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** Today in `timeZone`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  return dayOfInstant(now, timeZone);
}

/** "hh:mm" of an instant in `timeZone` (an <input type="time"> value, not display text). */
export function timeOfInstant(at: number | string | Date, timeZone: string): string {
  const c = wallClock(toMs(at), timeZone);
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** The hour (0–23) of an instant in `timeZone`. */
export function hourOfInstant(at: number | string | Date, timeZone: string): number {
  return wallClock(toMs(at), timeZone).hour;
}

/** Epoch ms of a wall-clock time (month 0–11; overflowing days roll over) in `timeZone`. */
function zonedMs(timeZone: string, y: number, m: number, d: number, hh: number, mm: number): number {
  const local = Date.UTC(y, m, d, hh, mm);
  const before = local - offsetAt(local - 12 * HOUR_MS, timeZone);
  const after = local - offsetAt(local + 12 * HOUR_MS, timeZone);
  if (after === before) return before;
  const valid = (t: number) => t + offsetAt(t, timeZone) === local;
  if (valid(after)) return after; // the later of two occurrences, or the only one
  if (valid(before)) return before;
  return before; // in a gap: the time before the change, moved forward by it
}

/** The instant (ISO UTC) of hh:mm on `day` in `timeZone`. */
export function instantOn(day: string, time: string, timeZone: string): string {
  const [y, m, d] = parts(day);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(zonedMs(timeZone, y, m, d, hh, mm)).toISOString();
}

/** [from, to) of the `days` days starting on `day` in `timeZone`, as ISO strings. */
export function daysRange(day: string, days: number, timeZone: string): { fromIso: string; toIso: string } {
  const [y, m, d] = parts(day);
  return {
    fromIso: new Date(zonedMs(timeZone, y, m, d, 0, 0)).toISOString(),
    toIso: new Date(zonedMs(timeZone, y, m, d + days, 0, 0)).toISOString(),
  };
}

/** [start, end) of `day` in `timeZone`, as ISO strings for index range queries. */
export function dayRange(day: string, timeZone: string): { fromIso: string; toIso: string } {
  return daysRange(day, 1, timeZone);
}

/** The day `n` days after `day` (calendar arithmetic, time-zone free). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m, d + n)).toISOString().slice(0, 10);
}

/** The Monday of the week of `day`. */
export function mondayOf(day: string): string {
  const [y, m, d] = parts(day);
  const weekday = new Date(Date.UTC(y, m, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** Noon of `day` in `timeZone`, for formatting the day itself with Intl. */
export function noonOf(day: string, timeZone: string): Date {
  return new Date(instantOn(day, '12:00', timeZone));
}
