/**
 * Campaigns at head office: creating one (members, control group drawn at random, a task per
 * targeted customer who has a rep), the tasks as they sync, and ticking a task off when a visit
 * report of its customer arrives inside the campaign's period.
 */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { CampaignDraft, CampaignTask } from '../../../shared/domain/campaign/campaign.js';
import { campaignProblem, drawControlGroup } from '../../../shared/domain/campaign/campaign.js';
import type { User } from '../../../shared/domain/user/user.js';
import { COMPANY_TIME_ZONE, dayOfInstant } from '../../../shared/lib/calendar.js';
import { msg } from '../../../shared/lib/messages.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import { bulkInsert } from '../../db/bulk.js';
import { campaignMembers, campaignTasks, campaigns, customers } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { queryRows } from '../../db/types.js';
import { customerScope } from '../../lib/scope.js';
import { toIso } from '../../lib/time.js';

type Creator = Pick<User, 'id' | 'name' | 'role' | 'teamId'>;
export interface Created {
  id: string;
  targeted: number;
  control: number;
  withoutRep: number;
}

const MEMBER_CHUNK = 2_000;

async function countsOf(db: DbOrTx, id: string): Promise<Created> {
  const [row] = await queryRows<{ targeted: number; control: number; without_rep: number }>(
    db,
    sql`select (count(*) filter (where not control))::int as targeted,
          (count(*) filter (where control))::int as control,
          (count(*) filter (where not control and rep_id is null))::int as without_rep
        from ${campaignMembers} where campaign_id = ${id}`,
  );
  return {
    id,
    targeted: row?.targeted ?? 0,
    control: row?.control ?? 0,
    withoutRep: row?.without_rep ?? 0,
  };
}

export async function createCampaign(
  db: DbOrTx,
  request: { draft: CampaignDraft; creator: Creator; now: Date },
): Promise<Result<Created>> {
  const { draft, creator, now } = request;
  const problem = campaignProblem(draft, dayOfInstant(now, COMPANY_TIME_ZONE));
  if (problem !== null) {
    switch (problem.key) {
      case 'campaign.controlOutOfRange':
        return fail('bad-request', msg(problem.key, { max: problem.max }), { field: problem.field });
      case 'campaign.periodTooLong':
        return fail('bad-request', msg(problem.key, { days: problem.days }), { field: problem.field });
      default:
        return fail('bad-request', msg(problem.key), { field: problem.field });
    }
  }
  const ids = [...new Set(draft.customerIds)];

  return db.transaction(async (tx): Promise<Result<Created>> => {
    // The same draft sent twice at once (a double click, a retry racing the first answer): the
    // second waits for the first here, then finds the campaign.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${draft.id}, 0))`);
    const [existing] = await tx
      .select({ createdById: campaigns.createdById })
      .from(campaigns)
      .where(eq(campaigns.id, draft.id))
      .limit(1);
    if (existing !== undefined) {
      // Sent again (a lost answer): the campaign is already there.
      return existing.createdById === creator.id
        ? ok(await countsOf(tx, draft.id))
        : fail('conflict', msg('campaign.idTaken'), { field: 'id' });
    }
    const owned: { id: string; ownerId: string | null }[] = [];
    for (let i = 0; i < ids.length; i += MEMBER_CHUNK) {
      owned.push(
        ...(await tx
          .select({ id: customers.id, ownerId: customers.ownerId })
          .from(customers)
          .where(
            and(
              inArray(customers.id, ids.slice(i, i + MEMBER_CHUNK)),
              isNull(customers.deletedAt),
              customerScope(creator),
            ),
          )),
      );
    }
    if (owned.length < ids.length) {
      return fail('forbidden', msg('campaign.customersOutOfScope', { count: ids.length - owned.length }), {
        field: 'customerIds',
      });
    }
    const control = drawControlGroup(ids, draft.controlPercent, draft.id);
    await tx.insert(campaigns).values({
      id: draft.id,
      name: draft.name,
      objective: draft.objective,
      offer: draft.offer,
      family: draft.family,
      discountPercent: draft.discountPercent,
      channel: draft.channel,
      startsOn: draft.from,
      endsOn: draft.to,
      controlPercent: draft.controlPercent,
      source: draft.source,
      sourceLabel: draft.sourceLabel,
      createdById: creator.id,
      createdByName: creator.name,
      teamId: creator.role === 'admin' ? null : creator.teamId,
      createdAt: now,
      updatedAt: now,
    });
    for (let i = 0; i < owned.length; i += MEMBER_CHUNK) {
      await tx.insert(campaignMembers).values(
        owned.slice(i, i + MEMBER_CHUNK).map((c) => ({
          campaignId: draft.id,
          customerId: c.id,
          repId: c.ownerId,
          control: control.has(c.id),
        })),
      );
    }
    await bulkInsert(
      tx,
      campaignTasks,
      owned
        .filter((c) => !control.has(c.id) && c.ownerId !== null)
        .map((c) => ({
          id: uuidv7(),
          campaignId: draft.id,
          customerId: c.id,
          createdAt: now,
          updatedAt: now,
        })),
    );
    return ok(await countsOf(tx, draft.id));
  });
}

const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);

/**
 * Ticks off the open tasks of the visit's customer whose campaign ran on the visit's day (company
 * time) and existed by then: the rule of `visitTicksTask`, in SQL. A task bumps its version, so
 * the rep's laptops and the manager see it done at their next pull.
 */
export async function tickCampaignTasks(
  tx: Tx,
  visit: { id: string; customerId: string; at: string },
  now: Date,
): Promise<void> {
  await tx.execute(sql`
    update ${campaignTasks} t
      set status = 'done', done_visit_id = ${visit.id}, done_at = ${now}, version = t.version + 1,
        updated_at = ${now}
      from ${campaigns} c
      where c.id = t.campaign_id and t.customer_id = ${visit.customerId} and t.status = 'open'
        and t.deleted_at is null and c.deleted_at is null
        and ${visit.at}::timestamptz >= c.created_at
        and (${visit.at}::timestamptz at time zone ${zone})::date between c.starts_on and c.ends_on`);
}

interface TaskRow {
  id: string;
  campaign_id: string;
  customer_id: string;
  rep_id: string | null;
  channel: CampaignTask['channel'];
  name: string;
  objective: string;
  offer: string;
  family: string | null;
  discount_percent: number | null;
  starts_on: string;
  ends_on: string;
  created_at: Date | string;
  status: CampaignTask['status'];
  done_visit_id: string | null;
  version: number;
}

/** The tasks matching `where` as they go on the wire, with their campaign's wording and offer. */
export async function selectCampaignTasks(db: DbOrTx, where: SQL): Promise<CampaignTask[]> {
  const rows = await queryRows<TaskRow>(
    db,
    sql`select ${campaignTasks.id} as id, ${campaignTasks.campaignId} as campaign_id,
        ${campaignTasks.customerId} as customer_id, ${customers.ownerId} as rep_id, c.channel, c.name,
        c.objective, c.offer, c.family, c.discount_percent, c.starts_on::text as starts_on,
        c.ends_on::text as ends_on, c.created_at, ${campaignTasks.status} as status,
        ${campaignTasks.doneVisitId} as done_visit_id, ${campaignTasks.version} as version
      from ${campaignTasks}
      join ${campaigns} c on c.id = ${campaignTasks.campaignId}
      join ${customers} on ${customers.id} = ${campaignTasks.customerId}
      where ${where} and ${campaignTasks.deletedAt} is null`,
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    customerId: r.customer_id,
    repId: r.rep_id,
    channel: r.channel,
    campaignName: r.name,
    objective: r.objective,
    offer: r.offer,
    family: r.family,
    discountPercent: r.discount_percent === null ? null : Number(r.discount_percent),
    from: r.starts_on,
    to: r.ends_on,
    createdAt: toIso(new Date(r.created_at)),
    status: r.status,
    doneVisitId: r.done_visit_id,
    version: Number(r.version),
  }));
}

export interface Ended {
  id: string;
  outcome: 'ended' | 'cancelled';
  to: string;
  tasksWithdrawn: number;
}

/**
 * Ends a campaign today, or cancels it if it has not started: open tasks are tombstoned (the
 * laptops drop them at their next pull), done ones stay with the new last day (their version
 * goes up so the laptops learn it). Only the creating team's managers and admins may; a second
 * call changes nothing more.
 */
export async function endCampaign(
  db: DbOrTx,
  request: { id: string; reader: Creator; now: Date },
): Promise<Result<Ended>> {
  const { id, reader, now } = request;
  const today = dayOfInstant(now, COMPANY_TIME_ZONE);
  return db.transaction(async (tx): Promise<Result<Ended>> => {
    const [found] = await tx
      .select({
        teamId: campaigns.teamId,
        from: campaigns.startsOn,
        to: campaigns.endsOn,
        deletedAt: campaigns.deletedAt,
      })
      .from(campaigns)
      .where(eq(campaigns.id, id))
      .for('update')
      .limit(1);
    if (found === undefined) return fail('not-found', msg('campaign.notFound'), { field: 'id' });
    if (reader.role !== 'admin' && (found.teamId === null || found.teamId !== reader.teamId)) {
      return fail('forbidden', msg('campaign.notYours'), { field: 'id' });
    }
    if (found.deletedAt !== null) return ok({ id, outcome: 'cancelled', to: found.to, tasksWithdrawn: 0 });
    if (found.to < today) return fail('conflict', msg('campaign.alreadyOver'), { field: 'id' });
    const cancelling = found.from > today;
    const withdrawn = await tx
      .update(campaignTasks)
      .set({ deletedAt: now, updatedAt: now, version: sql`${campaignTasks.version} + 1` })
      .where(
        and(
          eq(campaignTasks.campaignId, id),
          isNull(campaignTasks.deletedAt),
          cancelling ? undefined : eq(campaignTasks.status, 'open'),
        ),
      )
      .returning({ id: campaignTasks.id });
    if (cancelling) {
      await tx.update(campaigns).set({ deletedAt: now, updatedAt: now }).where(eq(campaigns.id, id));
      return ok({ id, outcome: 'cancelled', to: found.to, tasksWithdrawn: withdrawn.length });
    }
    if (found.to !== today) {
      await tx
        .update(campaigns)
        .set({ endsOn: today, updatedAt: now, version: sql`${campaigns.version} + 1` })
        .where(eq(campaigns.id, id));
      // The done tasks carry the campaign's last day to the laptops: they must learn the new one.
      await tx
        .update(campaignTasks)
        .set({ updatedAt: now, version: sql`${campaignTasks.version} + 1` })
        .where(and(eq(campaignTasks.campaignId, id), isNull(campaignTasks.deletedAt)));
    }
    return ok({ id, outcome: 'ended', to: today, tasksWithdrawn: withdrawn.length });
  });
}
