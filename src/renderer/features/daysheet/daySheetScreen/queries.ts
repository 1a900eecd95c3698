/** The day sheet's own read: the customers of the day's calls (`undefined` = loading). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../../db/AppDB.js';
import type { CustomerRow } from '../../../db/schema.js';
import type { DayPlanState } from '../../route/index.js';

export function useCallCustomers(db: AppDB, plan: DayPlanState) {
  const callIds = plan.state === 'ready' ? plan.calls.map((c) => c.customerId).join(',') : '';
  return useLiveQuery(async () => {
    const rows = await db.customers.bulkGet(callIds ? callIds.split(',') : []);
    return new Map(rows.filter((c): c is CustomerRow => c !== undefined).map((c) => [c.id, c]));
  }, [db, callIds]);
}
