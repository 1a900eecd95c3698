/** Appointments as they go on the wire. */
import type { SQL } from 'drizzle-orm';
import type { Appointment } from '../../../shared/domain/appointment/appointment.js';
import { appointments } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

type AppointmentRow = typeof appointments.$inferSelect;

export function toAppointmentWire(row: AppointmentRow): Appointment {
  return {
    id: row.id,
    customerId: row.customerId,
    contactId: row.contactId,
    repId: row.repId,
    kind: row.kind,
    startAt: toIso(row.startAt),
    durationMinutes: row.durationMinutes,
    objective: row.objective,
    notes: row.notes,
    status: row.status,
    setByManagerName: row.setByManagerName,
    version: row.version,
    updatedAt: toIso(row.updatedAt),
  };
}

export async function selectAppointments(db: DbOrTx, where: SQL): Promise<Appointment[]> {
  const rows = await selectLive(db, appointments, where);
  return rows.map(toAppointmentWire);
}
