/** Live reads of the Today screen (`undefined` = loading). All local: Today works offline. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AppDB } from '../../db/AppDB.js';
import type { OrderRow, TodaySeen } from '../../db/schema.js';
import type { SeenRows } from './seen.js';

const terminal = ['delivered', 'cancelled'];

/**
 * The rows "since you were last here" compares: the user's orders still moving, those the
 * marker knew and those made since; every complaint with its status changes; appointments from
 * `fromIso` on.
 */
async function readSeenRows(
  db: AppDB,
  userId: string,
  fromIso: string,
  seen: TodaySeen | null,
): Promise<SeenRows> {
  const [moving, known, recent, complaints, events, appointments, outbox, acknowledged] = await Promise.all([
    db.orders.where('status').noneOf(terminal).toArray(),
    seen ? db.orders.bulkGet(Object.keys(seen.orders)) : Promise.resolve([]),
    seen ? db.orders.where('orderedAt').above(seen.seenAt).toArray() : Promise.resolve([]),
    db.complaints.toArray(),
    db.complaintEvents.filter((e) => e.previousStatus !== null && e.previousStatus !== e.status).toArray(),
    db.appointments.where('startAt').aboveOrEqual(fromIso).toArray(),
    db.outbox.toArray(),
    db.acknowledged.toArray(),
  ]);
  const orders = new Map<string, OrderRow>();
  for (const o of [...moving, ...known, ...recent]) if (o && o.repId === userId) orders.set(o.id, o);
  const cancelledHere = new Set(
    [...outbox, ...acknowledged].flatMap((e) => (e.name === 'order-cancel' ? [e.args.id] : [])),
  );
  return {
    orders: [...orders.values()],
    complaints,
    complaintEvents: events,
    appointments: appointments.filter((a) => a.repId === userId),
    cancelledHere,
  };
}

export function useSeenRows(
  db: AppDB,
  userId: string,
  fromIso: string,
  seen: TodaySeen | null | undefined,
): SeenRows | undefined {
  return useLiveQuery(
    () => (seen === undefined ? undefined : readSeenRows(db, userId, fromIso, seen)),
    [db, userId, fromIso, seen],
  );
}

/** Customer names by id (for the lists of Today); `undefined` until those ids are read. */
export function useCustomerNames(db: AppDB, ids: readonly string[]): ReadonlyMap<string, string> | undefined {
  const key = [...new Set(ids)].sort().join(',');
  const result = useLiveQuery(async () => {
    const rows = await db.customers.bulkGet(key === '' ? [] : key.split(','));
    return { key, names: new Map(rows.flatMap((c) => (c ? [[c.id, c.name] as const] : []))) };
  }, [db, key]);
  // A result for other ids (the previous render's) is not this one.
  return result?.key === key ? result.names : undefined;
}
