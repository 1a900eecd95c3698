/**
 * Live reads of the campaign tasks synced to this laptop (read-only here: head office ticks
 * them off). A task also shows as done as soon as a local visit report of its customer falls
 * inside its period, before that report reaches head office (`isTaskDone`).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { isTaskDone } from '../../../shared/domain/campaign/campaign.js';
import { useApp } from '../../app/context.js';
import type { AppDB } from '../../db/AppDB.js';
import type { CampaignTaskRow } from '../../db/schema.js';

/** A task as the laptop shows it. */
export interface CampaignTaskView extends CampaignTaskRow {
  /** Done at head office, or by a local visit report inside the period not synced yet. */
  done: boolean;
  /** The customer's name, null when the customer is not on this laptop. */
  customerName: string | null;
}

/**
 * Which tasks: one customer's (optionally only those active on `day`), or every task of `repId`
 * (default: any rep) active on `day` (or on any day from `day` to `until`, for a week).
 */
export type CampaignTaskQuery =
  { customerId: string; day?: string } | { day: string; until?: string; repId?: string };

/** A task is active on a day of its period, bounds included (days are `YYYY-MM-DD`). */
export function isActiveOn(task: Pick<CampaignTaskRow, 'from' | 'to'>, day: string): boolean {
  return task.from <= day && day <= task.to;
}

/** Open tasks first, then the one ending soonest, then by campaign name. */
function byUrgency(a: CampaignTaskView, b: CampaignTaskView): number {
  return (
    Number(a.done) - Number(b.done) ||
    a.to.localeCompare(b.to) ||
    a.campaignName.localeCompare(b.campaignName) ||
    a.id.localeCompare(b.id)
  );
}

export async function loadCampaignTasks(
  db: AppDB,
  query: CampaignTaskQuery,
  timeZone: string,
): Promise<CampaignTaskView[]> {
  const rows =
    'customerId' in query
      ? await db.campaignTasks.where('customerId').equals(query.customerId).toArray()
      : await db.campaignTasks.toArray();
  const repId = 'repId' in query ? query.repId : undefined;
  const until = 'until' in query ? query.until : undefined;
  const active = (t: CampaignTaskRow) =>
    query.day === undefined ||
    (until === undefined ? isActiveOn(t, query.day) : t.from <= until && query.day <= t.to);
  const tasks = rows.filter((t) => active(t) && (repId === undefined || t.repId === repId));
  if (tasks.length === 0) return [];
  const customerIds = [...new Set(tasks.map((t) => t.customerId))];
  const [visits, customers] = await Promise.all([
    db.visits.where('customerId').anyOf(customerIds).toArray(),
    db.customers.bulkGet(customerIds),
  ]);
  const visitsOf = new Map<string, { customerId: string; at: string }[]>();
  for (const v of visits) {
    visitsOf.set(v.customerId, [
      ...(visitsOf.get(v.customerId) ?? []),
      { customerId: v.customerId, at: v.at },
    ]);
  }
  const names = new Map(customers.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
  return tasks
    .map((task) => ({
      ...task,
      done: isTaskDone(task, visitsOf.get(task.customerId) ?? [], timeZone),
      customerName: names.get(task.customerId) ?? null,
    }))
    .sort(byUrgency);
}

/** The tasks of `query`, live; `undefined` while loading. Days are read in the user's time zone. */
export function useCampaignTasks(query: CampaignTaskQuery): CampaignTaskView[] | undefined {
  const { db, user } = useApp();
  const customerId = 'customerId' in query ? query.customerId : undefined;
  const repId = 'repId' in query ? query.repId : undefined;
  const until = 'until' in query ? query.until : undefined;
  const day = query.day;
  return useLiveQuery(
    () =>
      loadCampaignTasks(
        db,
        customerId !== undefined ? { customerId, day } : { day: day ?? '', until, repId },
        user.timeZone,
      ),
    [db, customerId, repId, day, until, user.timeZone],
  );
}
