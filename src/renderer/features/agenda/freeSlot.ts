/**
 * The next free slot of a day: what the new-appointment form proposes instead of a fixed 09:00.
 * Within working hours, after "now" on today, clear of the rep's planned appointments (each with
 * its duration), on a quarter of an hour. A full day proposes the next working day.
 */
import { appointmentEndMs } from '../../../shared/domain/appointment/appointment.js';
import { addDays, dayRange, instantOn, timeOfInstant } from '../../../shared/lib/calendar.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow } from '../../db/schema.js';

/** The rep's working hours (no per-rep setting yet: see decision 0029). */
export const WORKING_HOURS = { start: '09:00', end: '18:00' } as const;
/** Proposed starts fall on a quarter of an hour. */
export const SLOT_STEP_MINUTES = 15;
/** How many days ahead a full day looks for room. */
const SEARCH_DAYS = 31;

const MINUTE = 60_000;

type Busy = Pick<AppointmentRow, 'startAt' | 'durationMinutes' | 'status'>;

/**
 * The first start (`HH:mm`) on `day` where `durationMinutes` fits between `busy` appointments,
 * within working hours and not before `now`; null when the day has no such room.
 */
export function firstFreeTime(
  day: string,
  durationMinutes: number,
  busy: readonly Busy[],
  options: { timeZone: string; now: number },
): string | null {
  const { timeZone, now } = options;
  const dayStart = Date.parse(instantOn(day, WORKING_HOURS.start, timeZone));
  const dayEnd = Date.parse(instantOn(day, WORKING_HOURS.end, timeZone));
  const length = Math.max(1, durationMinutes) * MINUTE;
  const step = SLOT_STEP_MINUTES * MINUTE;
  // On the next quarter of an hour counted from the start of working hours.
  const onStep = (ms: number) =>
    ms <= dayStart ? dayStart : dayStart + Math.ceil((ms - dayStart) / step) * step;
  const intervals = busy
    .filter((a) => a.status === 'planned')
    .map((a) => ({ start: Date.parse(a.startAt), end: appointmentEndMs(a) }));
  let candidate = onStep(now);
  for (;;) {
    if (candidate + length > dayEnd) return null;
    const end = candidate + length;
    const clash = intervals.filter((i) => i.start < end && candidate < i.end);
    if (clash.length === 0) return timeOfInstant(candidate, timeZone);
    candidate = onStep(Math.max(...clash.map((i) => i.end)));
  }
}

/** Saturday or Sunday (a calendar day, time-zone free). */
function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export interface SlotProposal {
  day: string;
  time: string;
}

/** The rep's planned appointments of `day`, but `exceptId` (the one being moved). */
async function busyOn(db: AppDB, repId: string, day: string, timeZone: string, exceptId?: string) {
  const { fromIso, toIso } = dayRange(day, timeZone);
  return db.appointments
    .where('startAt')
    .between(fromIso, toIso, true, false)
    .filter((a) => a.repId === repId && a.status === 'planned' && a.id !== exceptId)
    .toArray();
}

/** The first free start on `day` itself, read from this laptop's database. */
export async function freeTimeOn(
  db: AppDB,
  input: { repId: string; day: string; durationMinutes: number; timeZone: string; now: number },
): Promise<string | null> {
  const busy = await busyOn(db, input.repId, input.day, input.timeZone);
  return firstFreeTime(input.day, input.durationMinutes, busy, input);
}

/**
 * The first free slot from `day` on: that day if it has room, otherwise the next working day
 * (Monday to Friday) that has; null if none within a month.
 */
export async function proposeSlot(
  db: AppDB,
  input: { repId: string; day: string; durationMinutes: number; timeZone: string; now: number },
): Promise<SlotProposal | null> {
  for (let i = 0; i <= SEARCH_DAYS; i += 1) {
    const day = addDays(input.day, i);
    if (i > 0 && isWeekend(day)) continue;
    const time = await freeTimeOn(db, { ...input, day });
    if (time !== null) return { day, time };
  }
  return null;
}
