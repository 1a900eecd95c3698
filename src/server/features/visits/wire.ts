/** Visit reports as they go on the wire. */
import type { SQL } from 'drizzle-orm';
import type { Visit } from '../../../shared/domain/activity/activity.js';
import { visits } from '../../db/schema.js';
import { selectLiveWire } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';

export function selectVisits(db: DbOrTx, where: SQL): Promise<Visit[]> {
  return selectLiveWire(db, visits, where, [
    'id',
    'customerId',
    'repId',
    'at',
    'channel',
    'outcome',
    'objections',
    'summary',
    'appointmentId',
    'noSaleReason',
    'followUpAppointmentId',
    'needs',
    'motives',
    'offered',
    'orderIds',
    'nextStep',
    'notes',
    'reachedStep',
    'closingId',
    'closingName',
    'families',
    'version',
  ]);
}
