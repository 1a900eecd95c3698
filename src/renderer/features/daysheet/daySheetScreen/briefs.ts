import type { AppointmentRow } from '../../../db/schema.js';
import type { DayPlanReady } from '../../route/index.js';

export interface SheetBrief {
  key: string;
  customerId: string;
  appointment: AppointmentRow | null;
}

/** Every customer of the day with a brief: route stops in order, then calls, then unplaced. */
export function briefsOf(plan: DayPlanReady): SheetBrief[] {
  const out: SheetBrief[] = [];
  const seen = new Set<string>();
  const add = (key: string, customerId: string | null, appointment: AppointmentRow | null) => {
    if (customerId === null || seen.has(key)) return;
    seen.add(key);
    out.push({ key, customerId, appointment });
  };
  for (const stop of plan.stops) add(stop.id, stop.customer?.id ?? null, stop.appointment);
  for (const call of plan.calls) add(call.id, call.customerId, call);
  // A stop whose customer left the portfolio still gets its brief (which says so).
  for (const u of plan.unplaced)
    add(u.id, u.customer?.id ?? u.appointment?.customerId ?? null, u.appointment);
  return out;
}
