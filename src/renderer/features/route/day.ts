/** Calendar days (yyyy-mm-dd) in the user's time zone, and instants within them. */
import { TZDate } from '@date-fns/tz';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Not a day: ${day}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

/** Today in `timeZone`. */
export function todayIn(timeZone: string, now: number = Date.now()): string {
  const d = new TZDate(now, timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Epoch ms of hh:mm on `day` in `timeZone`. */
export function instantOn(day: string, time: string, timeZone: string): number {
  const [y, m, d] = parts(day);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return TZDate.tz(timeZone, y, m, d, hh, mm).getTime();
}

/** [start, end) of `day` in `timeZone`, as ISO strings for index range queries. */
export function dayRange(day: string, timeZone: string): { fromIso: string; toIso: string } {
  const [y, m, d] = parts(day);
  const from = TZDate.tz(timeZone, y, m, d, 0, 0).getTime();
  const to = TZDate.tz(timeZone, y, m, d + 1, 0, 0).getTime();
  return { fromIso: new Date(from).toISOString(), toIso: new Date(to).toISOString() };
}

/** The day `n` days after `day` (calendar arithmetic, time-zone free). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m, d + n)).toISOString().slice(0, 10);
}

export function isDay(value: string): boolean {
  return DAY.test(value);
}
