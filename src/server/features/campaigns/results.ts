/**
 * A campaign's results against its control group, over the members the reader may see: each
 * member's visits, calls, orders and revenue over the counted days (from the later of the
 * campaign's first day and its creation, to the earlier of its last day and now), whether they
 * had ordered in the 365 days before, and their RFM segment the day before the campaign and on
 * the last counted day (both scored over the reader's scope, as the segments screen does).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CampaignMember, CampaignResults, CampaignSummary } from '../../../shared/contract/campaigns.js';
import { groupFigures } from '../../../shared/domain/campaign/campaign.js';
import { addDays, COMPANY_TIME_ZONE, dayOfInstant } from '../../../shared/lib/calendar.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { campaignMembers, campaignTasks, campaigns, customers, users } from '../../db/schema.js';
import { queryRows, type DbOrTx } from '../../db/types.js';
import { customerScope, type Reader } from '../../lib/scope.js';
import { rfmScores } from '../rfm/index.js';

const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);

interface SummaryRow {
  id: string;
  name: string;
  objective: string;
  offer: string;
  family: string | null;
  discount_percent: number | null;
  channel: CampaignSummary['channel'];
  starts_on: string;
  ends_on: string;
  control_percent: number;
  source: CampaignSummary['source'];
  source_label: string;
  created_by_name: string;
  created_at: Date | string;
  targeted: number;
  control: number;
  tasks_done: number;
}

/** The campaigns with at least one member the reader may see, newest first, counted over those. */
export async function listCampaigns(db: DbOrTx, reader: Reader, only?: string): Promise<CampaignSummary[]> {
  const one: SQL = only === undefined ? sql`true` : sql`c.id = ${only}`;
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select c.id, c.name, c.objective, c.offer, c.family, c.discount_percent, c.channel,
        c.starts_on::text as starts_on, c.ends_on::text as ends_on, c.control_percent, c.source,
        c.source_label, c.created_by_name, c.created_at,
        (count(*) filter (where not m.control))::int as targeted,
        (count(*) filter (where m.control))::int as control,
        (count(t.id) filter (where t.status = 'done'))::int as tasks_done
      from ${campaigns} c
      join ${campaignMembers} m on m.campaign_id = c.id
      join ${customers} on ${customers.id} = m.customer_id
      left join ${campaignTasks} t on t.campaign_id = c.id and t.customer_id = m.customer_id
        and t.deleted_at is null
      where c.deleted_at is null and ${one} and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by c.id
      order by c.created_at desc, c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    objective: r.objective,
    offer: r.offer,
    family: r.family,
    discountPercent: r.discount_percent === null ? null : Number(r.discount_percent),
    channel: r.channel,
    from: r.starts_on,
    to: r.ends_on,
    controlPercent: r.control_percent,
    source: r.source,
    sourceLabel: r.source_label,
    createdByName: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    targeted: r.targeted,
    control: r.control,
    tasksDone: r.tasks_done,
  }));
}

interface MemberRow {
  customer_id: string;
  name: string;
  city: string;
  rep_name: string | null;
  control: boolean;
  task: 'open' | 'done' | null;
  visits: number;
  calls: number;
  orders: number;
  revenue: string | number;
  ordered_before: boolean;
}

export async function campaignResults(
  db: DbOrTx,
  reader: Reader,
  campaign: CampaignSummary,
  now: Date,
): Promise<CampaignResults> {
  const createdAt = new Date(campaign.createdAt);
  const startAt = sql`greatest((${campaign.from}::date)::timestamp at time zone ${zone}, ${createdAt}::timestamptz)`;
  const endAt = sql`least((${campaign.to}::date + 1)::timestamp at time zone ${zone}, ${now}::timestamptz)`;
  const rows = await queryRows<MemberRow>(
    db,
    sql`
    with members as (
      select m.customer_id, m.control, ${customers.name} as name, ${customers.city} as city,
        ${users.name} as rep_name, t.status as task
      from ${campaignMembers} m
      join ${customers} on ${customers.id} = m.customer_id
      left join ${users} on ${users.id} = ${customers.ownerId}
      left join ${campaignTasks} t on t.campaign_id = m.campaign_id and t.customer_id = m.customer_id
        and t.deleted_at is null
      where m.campaign_id = ${campaign.id} and ${customers.deletedAt} is null and ${customerScope(reader)}
    ), contacts as (
      select v.customer_id, (count(*) filter (where v.channel <> 'phone'))::int as visits,
        (count(*) filter (where v.channel = 'phone'))::int as calls
      from visits v join members on members.customer_id = v.customer_id
      where v.deleted_at is null and v.at >= ${startAt} and v.at < ${endAt}
      group by v.customer_id
    ), bought as (
      select o.customer_id,
        (count(*) filter (where o.ordered_at >= ${startAt}))::int as orders,
        coalesce(sum(o.total_excl_cents) filter (where o.ordered_at >= ${startAt}), 0)::bigint as revenue,
        bool_or(o.ordered_at < ${startAt}) as ordered_before
      from orders o join members on members.customer_id = o.customer_id
      where o.deleted_at is null and o.status not in ('cancelled', 'draft')
        and o.ordered_at >= ${startAt} - interval '365 days' and o.ordered_at < ${endAt}
      group by o.customer_id
    )
    select members.*, coalesce(contacts.visits, 0) as visits, coalesce(contacts.calls, 0) as calls,
      coalesce(bought.orders, 0) as orders, coalesce(bought.revenue, 0) as revenue,
      coalesce(bought.ordered_before, false) as ordered_before
    from members
      left join contacts on contacts.customer_id = members.customer_id
      left join bought on bought.customer_id = members.customer_id
    order by members.name, members.customer_id`,
  );
  const today = dayOfInstant(now, COMPANY_TIME_ZONE);
  const countedTo = campaign.to < today ? campaign.to : today;
  const countedFrom = [campaign.from, dayOfInstant(createdAt, COMPANY_TIME_ZONE)].sort()[1] ?? campaign.from;
  const before = addDays(campaign.from, -1);
  const scoreDay = countedTo < before ? before : countedTo;
  const [then, later] = await Promise.all([rfmScores(db, reader, before), rfmScores(db, reader, scoreDay)]);
  const segmentThen = new Map<string, RfmSegment>(then.map((r) => [r.customerId, r.segment]));
  const segmentNow = new Map<string, RfmSegment>(later.map((r) => [r.customerId, r.segment]));

  const members: CampaignMember[] = rows.map((r) => ({
    customerId: r.customer_id,
    name: r.name,
    city: r.city,
    repName: r.rep_name,
    control: r.control,
    segmentBefore: segmentThen.get(r.customer_id) ?? 'none',
    segmentNow: segmentNow.get(r.customer_id) ?? 'none',
    task: r.task,
    reached: r.visits + r.calls > 0,
    orders: r.orders,
    revenueCents: Number(r.revenue),
  }));
  const activity = (control: boolean) =>
    rows
      .filter((r) => r.control === control)
      .map((r) => ({
        visits: r.visits,
        calls: r.calls,
        orders: r.orders,
        revenueCents: Number(r.revenue),
        orderedBefore: r.ordered_before,
      }));
  const movements = new Map<string, CampaignResults['movements'][number]>();
  for (const m of members) {
    const key = `${String(m.control)}|${m.segmentBefore}|${m.segmentNow}`;
    const found = movements.get(key);
    if (found === undefined)
      movements.set(key, {
        control: m.control,
        fromSegment: m.segmentBefore,
        toSegment: m.segmentNow,
        customers: 1,
      });
    else found.customers += 1;
  }
  return {
    campaign,
    counted: { from: countedFrom, to: countedTo },
    targeted: groupFigures(activity(false)),
    control: groupFigures(activity(true)),
    movements: [...movements.values()],
    members,
    computedAt: now.toISOString(),
  };
}
