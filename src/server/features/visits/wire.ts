/** Visit reports as they go on the wire. */
import type { SQL } from 'drizzle-orm';
import type { Visit } from '../../../shared/domain/activity/activity.js';
import { visits } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export async function selectVisits(db: DbOrTx, where: SQL): Promise<Visit[]> {
  const rows = await selectLive(db, visits, where);
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    repId: r.repId,
    at: toIso(r.at),
    channel: r.channel,
    outcome: r.outcome,
    objections: r.objections,
    summary: r.summary,
    appointmentId: r.appointmentId,
    noSaleReason: r.noSaleReason,
    followUpAppointmentId: r.followUpAppointmentId,
    needs: r.needs,
    motives: r.motives,
    offered: r.offered,
    orderIds: r.orderIds,
    nextStep: r.nextStep,
    notes: r.notes,
    version: r.version,
  }));
}
