/** Calendar days (yyyy-mm-dd) in the user's time zone, and instants within them. */
import { TZDate } from '@date-fns/tz';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in `timeZone`. */
export function dayOfInstant(at: number | string, timeZone: string): string {
  const d = new TZDate(typeof at === 'string' ? Date.parse(at) : at, timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "hh:mm" of an instant in `timeZone` (an <input type="time"> value, not display text). */
export function timeOfInstant(at: string, timeZone: string): string {
  const d = new TZDate(Date.parse(at), timeZone);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The hour (0–23) of an instant in `timeZone`. */
export function hourOfInstant(at: string, timeZone: string): number {
  return new TZDate(Date.parse(at), timeZone).getHours();
}

/** The instant (ISO UTC) of hh:mm on `day` in `timeZone`. */
export function instantOn(day: string, time: string, timeZone: string): string {
  const [y, m, d] = parts(day);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return new Date(TZDate.tz(timeZone, y, m, d, hh, mm).getTime()).toISOString();
}

/** [from, to) of the `days` days starting on `day` in `timeZone`, as ISO strings. */
export function daysRange(day: string, days: number, timeZone: string): { fromIso: string; toIso: string } {
  const [y, m, d] = parts(day);
  const from = TZDate.tz(timeZone, y, m, d, 0, 0).getTime();
  const to = TZDate.tz(timeZone, y, m, d + days, 0, 0).getTime();
  return { fromIso: new Date(from).toISOString(), toIso: new Date(to).toISOString() };
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
