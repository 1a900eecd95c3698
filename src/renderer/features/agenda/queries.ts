/** Live reads of the agenda: appointments of a range with their customer, sync state and warnings. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppointmentProblem } from '../../../shared/domain/appointment/check.js';
import { dayWarnings } from '../../../shared/domain/appointment/check.js';
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import { defaultTravelSettings } from '../../../shared/domain/geo/geo.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow, OutboxEntry } from '../../db/schema.js';
import { dayOfInstant } from '../../../shared/lib/calendar.js';

export interface AgendaItem {
  appointment: AppointmentRow;
  customerName: string | null;
  city: string;
  /** A local write for it still waits for head office ("saved on this laptop"). */
  pending: boolean;
  /** Overlaps and impossible drives, computed per calendar day. */
  warnings: AppointmentProblem[];
}

export interface AgendaData {
  items: AgendaItem[];
  byId: Map<string, AgendaItem>;
}

/** The appointment id a pending outbox entry is about, if any. */
export function appointmentIdOf(entry: OutboxEntry): string | null {
  switch (entry.name) {
    case 'appointment-create':
    case 'appointment-update':
    case 'appointment-cancel':
      return entry.args.id;
    default:
      return null;
  }
}

export async function loadAgenda(
  db: AppDB,
  fromIso: string,
  toIso: string,
  timeZone: string,
  repId: string,
): Promise<AgendaData> {
  const [rows, outbox] = await Promise.all([
    db.appointments.where('startAt').between(fromIso, toIso, true, false).toArray(),
    db.outbox.toArray(),
  ]);
  const pendingIds = new Set(outbox.flatMap((e) => appointmentIdOf(e) ?? []));
  // A laptop-made appointment (version 0) with no pending write was refused by head office: its
  // refusal and text are in the sync panel; it is not in the agenda any more.
  const appointments = rows
    .filter((a) => a.repId === repId && (a.version > 0 || pendingIds.has(a.id)))
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id));
  const customers = await db.customers.bulkGet([...new Set(appointments.map((a) => a.customerId))]);
  const byCustomer = new Map(customers.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const roadFactor = (await db.getMeta('roadFactor')) ?? defaultTravelSettings.roadFactor;
  const speedKmh = (await db.getMeta('averageSpeedKmh')) ?? defaultTravelSettings.speedKmh;
  const locate = (id: string): LatLon | null => {
    const c = byCustomer.get(id);
    return c && c.latitude !== null && c.longitude !== null ? { lat: c.latitude, lon: c.longitude } : null;
  };
  const byDay = new Map<string, AppointmentRow[]>();
  for (const a of appointments) {
    const day = dayOfInstant(a.startAt, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), a]);
  }
  const warnings = new Map<string, AppointmentProblem[]>();
  for (const list of byDay.values()) {
    for (const [id, problems] of dayWarnings(list, { locate, travel: { roadFactor, speedKmh } })) {
      warnings.set(id, problems);
    }
  }
  const items = appointments.map((appointment) => {
    const customer = byCustomer.get(appointment.customerId);
    return {
      appointment,
      customerName: customer?.name ?? null,
      city: customer?.city ?? '',
      pending: pendingIds.has(appointment.id),
      warnings: warnings.get(appointment.id) ?? [],
    };
  });
  return { items, byId: new Map(items.map((i) => [i.appointment.id, i])) };
}

export function useAgenda(
  db: AppDB,
  fromIso: string,
  toIso: string,
  timeZone: string,
  repId: string,
): AgendaData | undefined {
  return useLiveQuery(
    () => loadAgenda(db, fromIso, toIso, timeZone, repId),
    [db, fromIso, toIso, timeZone, repId],
  );
}
