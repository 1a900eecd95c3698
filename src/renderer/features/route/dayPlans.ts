/**
 * The rep's own arrangement of a day, kept in the local-only `dayPlans` table (never synced):
 * the order of the stops and the customers added as flexible stops. Every change is one `rw`
 * transaction (read, modify, write) so two quick moves never lose each other.
 */
import type { AppDB } from '../../db/AppDB.js';
import type { DayPlanRow } from '../../db/schema.js';
import { dayPlanSchema } from '../../db/schema.js';

function empty(day: string): DayPlanRow {
  return { day, order: [], extraCustomerIds: [], departureTime: null, updatedAt: new Date().toISOString() };
}

async function update(db: AppDB, day: string, change: (row: DayPlanRow) => DayPlanRow): Promise<DayPlanRow> {
  return db.transaction('rw', db.dayPlans, async () => {
    const current = (await db.dayPlans.get(day)) ?? empty(day);
    const next = dayPlanSchema.parse({ ...change(current), day, updatedAt: new Date().toISOString() });
    await db.dayPlans.put(next);
    return next;
  });
}

/** Saves the order the rep chose (or the optimiser found). */
export function saveDayOrder(db: AppDB, day: string, order: readonly string[]): Promise<DayPlanRow> {
  return update(db, day, (row) => ({ ...row, order: [...order] }));
}

/** Adds a customer as a flexible stop, after `afterStopId` (or at the end). */
export function addDayStop(
  db: AppDB,
  day: string,
  customerId: string,
  currentOrder: readonly string[],
  afterIndex: number | null = null,
): Promise<DayPlanRow> {
  return update(db, day, (row) => {
    if (row.extraCustomerIds.includes(customerId)) return row;
    const order = currentOrder.filter((id) => id !== customerId);
    const at = afterIndex === null ? order.length : Math.max(0, Math.min(order.length, afterIndex));
    order.splice(at, 0, customerId);
    return { ...row, order, extraCustomerIds: [...row.extraCustomerIds, customerId] };
  });
}

export function removeDayStop(db: AppDB, day: string, customerId: string): Promise<DayPlanRow> {
  return update(db, day, (row) => ({
    ...row,
    order: row.order.filter((id) => id !== customerId),
    extraCustomerIds: row.extraCustomerIds.filter((id) => id !== customerId),
  }));
}

export function setDayDeparture(db: AppDB, day: string, departureTime: string | null): Promise<DayPlanRow> {
  return update(db, day, (row) => ({ ...row, departureTime }));
}
