/**
 * Checks an appointment a rep (or a manager) is about to save against the rep's other
 * appointments. Pure: the caller passes "now", the neighbours and how to locate a customer.
 *
 * What each problem does (the issue: "an appointment in the past, overlapping or with a
 * duration of zero gets a clear message and nothing half-saved"):
 * - `block`: never saved. A start in the past (only when the start is new or changed: a past
 *   appointment can still be cancelled or annotated), a duration ≤ 0, shorter than
 *   `minAppointmentMinutes` or longer than `maxAppointmentMinutes`.
 * - `confirm`: an overlap with another planned appointment. Not saved unless the rep
 *   explicitly chooses "save anyway" (a call during a visit can be deliberate); once saved,
 *   the agenda keeps flagging both appointments.
 * - `warn`: not enough driving time from the previous visit or to the next one (great circle ×
 *   the rep's road factor at their average speed). Saved; flagged on the agenda with the
 *   reason, since the estimate is rough and the rep knows the roads.
 * Head office re-checks only the duration bounds: a laptop pushing late must not see its
 * appointment refused for being in the past by then, and overlaps are the rep's call.
 */
import type { LatLon, TravelSettings } from '../geo/geo.js';
import { travelBetween } from '../geo/geo.js';
import type { Appointment } from './appointment.js';
import { appointmentEndMs, maxAppointmentMinutes, minAppointmentMinutes } from './appointment.js';

export type ProblemSeverity = 'block' | 'confirm' | 'warn';

export type AppointmentProblem =
  | { code: 'start-in-past'; severity: 'block' }
  | { code: 'duration-not-positive'; severity: 'block' }
  | { code: 'duration-too-short'; severity: 'block'; min: number }
  | { code: 'duration-too-long'; severity: 'block'; max: number }
  | { code: 'overlap'; severity: 'confirm'; otherId: string }
  | {
      code: 'travel-too-short';
      severity: 'warn';
      otherId: string;
      /** Whether the other appointment comes before (drive from it) or after (drive to it). */
      direction: 'from-previous' | 'to-next';
      /** Estimated road km (rounded to the km). */
      km: number;
      /** Estimated driving minutes (rounded up). */
      minutesNeeded: number;
      /** Minutes between the end of the first and the start of the second (may be 0). */
      minutesAvailable: number;
    };
export type AppointmentProblemCode = AppointmentProblem['code'];

/** What the check needs of an appointment. */
export type AppointmentSlot = Pick<
  Appointment,
  'id' | 'customerId' | 'kind' | 'startAt' | 'durationMinutes' | 'status'
>;

export interface CheckContext {
  /** The rep's other appointments around the draft (the caller passes the same calendar day). */
  others: readonly AppointmentSlot[];
  /** Epoch milliseconds. */
  now: number;
  travel: TravelSettings;
  /** A customer's coordinates, null when unknown (the travel check is then skipped for that pair). */
  locate: (customerId: string) => LatLon | null;
  /** The start saved before this edit: an unchanged start is not refused for being past. */
  previousStartAt?: string | null;
}

/** Problems of a duration alone (shared with head office, which re-checks it). */
export function durationProblem(minutes: number): AppointmentProblem | null {
  if (!Number.isFinite(minutes) || minutes <= 0) return { code: 'duration-not-positive', severity: 'block' };
  if (minutes < minAppointmentMinutes)
    return { code: 'duration-too-short', severity: 'block', min: minAppointmentMinutes };
  if (minutes > maxAppointmentMinutes)
    return { code: 'duration-too-long', severity: 'block', max: maxAppointmentMinutes };
  return null;
}

/** Every problem of `draft`, blocking ones first. */
export function checkAppointment(draft: AppointmentSlot, context: CheckContext): AppointmentProblem[] {
  const problems: AppointmentProblem[] = [];
  const startChanged = context.previousStartAt == null || context.previousStartAt !== draft.startAt;
  if (startChanged && Date.parse(draft.startAt) < context.now) {
    problems.push({ code: 'start-in-past', severity: 'block' });
  }
  const duration = durationProblem(draft.durationMinutes);
  if (duration) problems.push(duration);
  // Overlaps and travel only mean something for a valid, planned slot.
  if (duration || draft.status !== 'planned') return problems;
  const others = context.others.filter((o) => o.id !== draft.id && o.status === 'planned');
  for (const other of others) {
    if (overlaps(draft, other)) problems.push({ code: 'overlap', severity: 'confirm', otherId: other.id });
  }
  problems.push(...travelProblems(draft, others, context));
  return problems;
}

/** Whether two time ranges share at least a minute (touching ends do not overlap). */
export function overlaps(
  a: Pick<Appointment, 'startAt' | 'durationMinutes'>,
  b: Pick<Appointment, 'startAt' | 'durationMinutes'>,
): boolean {
  return Date.parse(a.startAt) < appointmentEndMs(b) && Date.parse(b.startAt) < appointmentEndMs(a);
}

function travelProblems(
  draft: AppointmentSlot,
  others: readonly AppointmentSlot[],
  context: CheckContext,
): AppointmentProblem[] {
  // Only visits are places to drive between; a call can be taken from anywhere.
  if (draft.kind !== 'visit') return [];
  const start = Date.parse(draft.startAt);
  const end = appointmentEndMs(draft);
  const visits = others.filter((o) => o.kind === 'visit' && !overlaps(o, draft));
  const previous = latest(visits.filter((o) => appointmentEndMs(o) <= start));
  const next = earliest(visits.filter((o) => Date.parse(o.startAt) >= end));
  const problems: AppointmentProblem[] = [];
  if (previous) {
    const p = travelProblem(previous, draft, context, 'from-previous', previous.id);
    if (p) problems.push(p);
  }
  if (next) {
    const p = travelProblem(draft, next, context, 'to-next', next.id);
    if (p) problems.push(p);
  }
  return problems;
}

function travelProblem(
  first: AppointmentSlot,
  second: AppointmentSlot,
  context: CheckContext,
  direction: 'from-previous' | 'to-next',
  otherId: string,
): AppointmentProblem | null {
  const from = context.locate(first.customerId);
  const to = context.locate(second.customerId);
  if (from === null || to === null) return null;
  const travel = travelBetween(from, to, context.travel);
  const minutesAvailable = Math.max(0, (Date.parse(second.startAt) - appointmentEndMs(first)) / 60_000);
  if (travel.minutes <= minutesAvailable) return null;
  return {
    code: 'travel-too-short',
    severity: 'warn',
    otherId,
    direction,
    km: Math.round(travel.km),
    minutesNeeded: Math.ceil(travel.minutes),
    minutesAvailable: Math.floor(minutesAvailable),
  };
}

function latest(list: readonly AppointmentSlot[]): AppointmentSlot | undefined {
  let best: AppointmentSlot | undefined;
  for (const a of list) if (!best || appointmentEndMs(a) > appointmentEndMs(best)) best = a;
  return best;
}

function earliest(list: readonly AppointmentSlot[]): AppointmentSlot | undefined {
  let best: AppointmentSlot | undefined;
  for (const a of list) if (!best || Date.parse(a.startAt) < Date.parse(best.startAt)) best = a;
  return best;
}

/**
 * The warnings the agenda shows on each planned appointment of a day: overlaps with another
 * and impossible drives from the previous visit (each drive flagged once, on its arrival).
 */
export function dayWarnings(
  day: readonly AppointmentSlot[],
  context: Pick<CheckContext, 'travel' | 'locate'>,
): Map<string, AppointmentProblem[]> {
  const planned = day.filter((a) => a.status === 'planned');
  const result = new Map<string, AppointmentProblem[]>();
  const add = (id: string, p: AppointmentProblem) => {
    const list = result.get(id);
    if (list) list.push(p);
    else result.set(id, [p]);
  };
  for (const a of planned) {
    for (const b of planned) {
      if (a.id !== b.id && overlaps(a, b)) add(a.id, { code: 'overlap', severity: 'confirm', otherId: b.id });
    }
    const others = planned.filter((o) => o.id !== a.id);
    for (const p of travelProblems(a, others, { ...context, others, now: 0 })) {
      if (p.code === 'travel-too-short' && p.direction === 'from-previous') add(a.id, p);
    }
  }
  return result;
}

/** Whether the problems allow saving; `confirmed` is the rep's explicit "save anyway". */
export function maySave(problems: readonly AppointmentProblem[], confirmed: boolean): boolean {
  return problems.every((p) => p.severity === 'warn' || (p.severity === 'confirm' && confirmed));
}
