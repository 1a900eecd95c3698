/**
 * The overlap and driving-time warnings of the appointment being typed, recomputed from this
 * laptop's database as its date, time, duration, kind or customer change (and when the agenda
 * itself changes), so the rep sees them while choosing, not only after saving.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppointmentKind } from '../../../../shared/domain/appointment/appointment.js';
import { appointmentEndMs } from '../../../../shared/domain/appointment/appointment.js';
import { durationProblem } from '../../../../shared/domain/appointment/check.js';
import { instantOn, isDay } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import { checkAppointmentDraft } from '../mutators.js';

export type LiveWarning =
  | { code: 'overlap'; otherId: string; other: string | null; startAt: string; endMs: number }
  | {
      code: 'travel-too-short';
      otherId: string;
      other: string | null;
      direction: 'from-previous' | 'to-next';
      km: number;
      minutesNeeded: number;
      minutesAvailable: number;
    };

export interface DraftValues {
  customerId: string;
  kind: AppointmentKind;
  date: string;
  time: string;
  durationMinutes: number;
}

/** The warnings of the draft; `[]` while it is not a complete slot yet. */
export function useLiveWarnings(
  draft: DraftValues,
  options: { editingId: string | null; previousStartAt: string | null; timeZone: string },
): LiveWarning[] {
  const { db, user } = useApp();
  const { customerId, kind, date, time, durationMinutes } = draft;
  const { editingId, previousStartAt, timeZone } = options;
  const warnings = useLiveQuery(async (): Promise<LiveWarning[]> => {
    if (!isDay(date) || !/^\d{2}:\d{2}$/.test(time) || durationProblem(durationMinutes) !== null) return [];
    const problems = await checkAppointmentDraft(
      db,
      {
        id: editingId ?? '',
        customerId,
        kind,
        startAt: instantOn(date, time, timeZone),
        durationMinutes,
        status: 'planned',
        repId: user.id,
      },
      { timeZone, now: Date.now(), previousStartAt },
    );
    const found: LiveWarning[] = [];
    for (const p of problems) {
      if (p.code !== 'overlap' && p.code !== 'travel-too-short') continue;
      const other = await db.appointments.get(p.otherId);
      if (!other) continue;
      const name = (await db.customers.get(other.customerId))?.name ?? null;
      if (p.code === 'overlap') {
        found.push({
          code: 'overlap',
          otherId: p.otherId,
          other: name,
          startAt: other.startAt,
          endMs: appointmentEndMs(other),
        });
      } else {
        found.push({ ...p, other: name });
      }
    }
    return found;
  }, [db, user.id, customerId, kind, date, time, durationMinutes, editingId, previousStartAt, timeZone]);
  return warnings ?? [];
}
