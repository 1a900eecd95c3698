/**
 * The team review's counts in SQL. Every period is a run of the company's calendar days, both
 * ends included; an instant belongs to the day it falls on in `COMPANY_TIME_ZONE`.
 *
 * Who a figure belongs to: a visit or call to who made it; an order to who took it (the
 * customer's rep for an imported order without one); a customer's standing (new, repeat, lost)
 * and complaints to the customer's rep today. The team row counts everything the reader may see,
 * customers without a rep included, so it may be more than the sum of the rep rows.
 *
 * "Lost": ordered in the period before, not in this one, and at the end of this one more than
 * twice their own rhythm (the median of the days between consecutive orders up to that day,
 * rounded, as on the laptop in `shared/domain/rfm/rfm.ts`) since their last order. A customer
 * with a single order has no rhythm and is never counted lost.
 */
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Period, PeriodCounts } from '../../../shared/domain/figures/figures.js';
import { emptyCounts } from '../../../shared/domain/figures/figures.js';
import type { FailureVisit } from '../../../shared/domain/figures/visitFailures.js';
import type {
  ComplaintsReview,
  CustomerStanding,
  LostCustomer,
  ReviewCustomer,
} from '../../../shared/contract/figures.js';
import { ageBuckets } from '../../../shared/contract/figures.js';
import type { RfmSegment } from '../../../shared/domain/rfm/rfm.js';
import { COMPANY_TIME_ZONE } from '../../../shared/lib/calendar.js';
import { OVERDUE_FACTOR } from '../../../shared/domain/rfm/rfm.js';
import { queryRows, type DbOrTx } from '../../db/types.js';
import { customerScope, personScope, type Reader } from '../../lib/scope.js';
import { customers, orderFacts, visits } from '../../db/schema.js';

const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);

/** The first instant of `day` in the company's zone. */
const startOf = (day: string): SQL => sql`(${day}::date)::timestamp at time zone ${zone}`;
/** The first instant after `day` in the company's zone. */
const endOf = (day: string): SQL => sql`(${day}::date + 1)::timestamp at time zone ${zone}`;
const within = (column: SQL, p: Period): SQL =>
  sql`${column} >= ${startOf(p.from)} and ${column} < ${endOf(p.to)}`;

/** Rows keyed by rep id, plus the team row under `TEAM`. */
export const TEAM = '';
export type CountsByRep = Map<string, PeriodCounts>;

interface Grouped {
  rep_id: string | null;
  total: number;
}

/** A grouped row of one period: `k` its position in the periods asked for. */
type PeriodRow = Grouped & { k: number };

function into(byRep: CountsByRep, row: Grouped, set: (counts: PeriodCounts) => void): void {
  const key = Number(row.total) === 1 ? TEAM : row.rep_id;
  if (key === null) return; // visits or orders of nobody in particular count in the team row only
  let counts = byRep.get(key);
  if (counts === undefined) {
    counts = emptyCounts();
    byRep.set(key, counts);
  }
  set(counts);
}

/**
 * Per customer the reader may see (optionally one rep's): orders and revenue in the period and
 * the one before (`prior` ends the day before `p` starts), the last order up to the period's end,
 * whether the customer is new (first order ever in the period), and rhythm.
 *
 * Purchases are read from `order_facts` (the counted orders, each with the days since the
 * customer's previous one; decision 0018), summed per customer, and only then joined to the
 * customers for their rep, scope and tombstone: grouping narrow facts by customer needs no sort,
 * where joining the wide customers row to every order first did.
 *
 * `history: 'window'` reads only the two periods' purchases, through the index by instant; a
 * buyer of the period is new when one of them has no previous purchase (no gap). The rhythm is
 * read, through the (customer, instant) index, only for the customers who may be lost: what the
 * team's counts need, without scanning years of orders. Customers with no order in the two
 * periods are then absent. `history: 'full'` reads every purchase up to the period's end of the
 * customers in scope and gives every buyer's last order and rhythm, for one rep's customer list.
 */
function customerPeriods(
  reader: Reader,
  p: Period,
  prior: Period,
  ownerId: string | null,
  history: 'window' | 'full' = 'window',
): SQL {
  const owner = ownerId === null ? sql`true` : sql`${customers.ownerId} = ${ownerId}`;
  // The scope is also applied to the purchases read (a semi-join), unless it is everyone's.
  const readsEveryone = reader.role === 'admin' && ownerId === null;
  const visible = sql`${customers.deletedAt} is null and ${customerScope(reader)} and ${owner}`;
  // Instants, not days, are compared row by row: a time-zone conversion per order is what costs.
  const inPeriod = (q: Period) => sql`ordered_at >= ${startOf(q.from)} and ordered_at < ${endOf(q.to)}`;
  const since = history === 'window' ? sql` and ${orderFacts.orderedAt} >= ${startOf(prior.from)}` : sql``;
  const isNew =
    history === 'window'
      ? sql`count(*) filter (where ordered_at < ${startOf(p.from)}) = 0 and bool_or(gap is null)`
      : sql`min(ordered_at) >= ${startOf(p.from)}`;
  // The rhythm is the median gap over every purchase of the customer up to the period's end.
  const rhythm =
    history === 'window'
      ? sql`case when bought.orders_before > 0 and bought.orders_now = 0 then (
        select round((percentile_cont(0.5) within group (order by ${orderFacts.gapDays}))::numeric)::int
        from ${orderFacts}
        where ${orderFacts.customerId} = bought.customer_id and ${orderFacts.orderedAt} < ${endOf(p.to)}
          and ${orderFacts.gapDays} is not null
      ) end`
      : sql`bought.full_rhythm`;
  return sql`
    purchases as (
      select ${orderFacts.customerId} as customer_id, ${orderFacts.orderedAt} as ordered_at,
        ${orderFacts.totalExclCents} as cents, ${orderFacts.gapDays} as gap
      from ${orderFacts}
      where ${orderFacts.orderedAt} < ${endOf(p.to)}${since}${
        readsEveryone
          ? sql``
          : sql` and ${orderFacts.customerId} in (select ${customers.id} from ${customers} where ${visible})`
      }
    ), bought as (
      select customer_id,
        count(*) filter (where ${inPeriod(p)})::int as orders_now,
        coalesce(sum(cents) filter (where ${inPeriod(p)}), 0)::bigint as revenue_now,
        count(*) filter (where ${inPeriod(prior)})::int as orders_before,
        coalesce(sum(cents) filter (where ${inPeriod(prior)}), 0)::bigint as revenue_before,
        ${isNew} as is_new, (max(ordered_at) at time zone ${zone})::date as last_day,
        max(ordered_at) as last_order_at${
          history === 'full'
            ? sql`,
        round((percentile_cont(0.5) within group (order by gap))::numeric)::int as full_rhythm`
            : sql``
        }
      from purchases group by customer_id
    ), with_rhythm as materialized (
      -- Materialized, so that the rhythm's subquery is not inlined and run again for each use below.
      select bought.customer_id, ${customers.ownerId} as owner_id, bought.orders_now, bought.revenue_now,
        bought.orders_before, bought.revenue_before, bought.is_new, bought.last_day, bought.last_order_at,
        ${rhythm} as rhythm
      from bought join ${customers} on ${customers.id} = bought.customer_id
      where ${visible}
    ), standing as (
      select with_rhythm.*,
        case
          when is_new and orders_now > 0 then 'new'
          when orders_before > 0 and orders_now > 0 then 'repeat'
          when orders_before > 0 and rhythm > 0
            and (${p.to}::date - last_day) > ${OVERDUE_FACTOR} * rhythm then 'lost'
          when orders_before > 0 then 'lapsed'
          when orders_now > 0 then 'returning'
          else 'other'
        end as standing
      from with_rhythm
    )`;
}

/**
 * Every count of the review for each of `periods` (each with its own previous period for the
 * standing), per rep and for the team, in the order given. Visits, orders and complaints are read
 * once for all the periods: each row is joined to every period it falls in (`periods(k, starts,
 * ends)`, so periods may overlap), each period's range read through an index on the instant, and
 * counted per period and rep. A query per period would read the customers for the scope again
 * each time, which costs more than the counting.
 */
export async function periodCounts(
  db: DbOrTx,
  reader: Reader,
  periods: readonly Period[],
  previousOf: (p: Period) => Period,
): Promise<CountsByRep[]> {
  const results: CountsByRep[] = periods.map(() => new Map([[TEAM, emptyCounts()]]));
  const periodsTable = sql`(values ${sql.join(
    periods.map((p, k) => sql`(${sql.raw(String(k))}, ${startOf(p.from)}, ${endOf(p.to)})`),
    sql`, `,
  )}) as periods(k, starts, ends)`;
  const during = (column: SQL) => sql`${column} >= periods.starts and ${column} < periods.ends`;
  const intoPeriod = (row: PeriodRow, set: (counts: PeriodCounts) => void) => {
    const byRep = results[Number(row.k)];
    if (byRep !== undefined) into(byRep, row, set);
  };

  const [visitRows, orderRows, openedRows, closedRows, ...standingRows] = await Promise.all([
    queryRows<PeriodRow & { visits: number; with_order: number; calls: number }>(
      db,
      sql`
      select periods.k, ${visits.repId} as rep_id, grouping(${visits.repId}) as total,
        (count(*) filter (where ${visits.channel} = 'visit'))::int as visits,
        (count(*) filter (where ${visits.channel} = 'visit' and ${visits.outcome} = 'order'))::int as with_order,
        (count(*) filter (where ${visits.channel} = 'phone'))::int as calls
      from ${periodsTable}
      join ${visits} on ${during(sql`${visits.at}`)} and ${visits.deletedAt} is null
      where ${personScope(visits.repId, reader)}
      group by grouping sets ((periods.k, ${visits.repId}), (periods.k))`,
    ),
    queryRows<PeriodRow & { orders: number; revenue: string | number }>(
      db,
      sql`
      select periods.k, coalesce(orders.rep_id, ${customers.ownerId}) as rep_id,
        grouping(coalesce(orders.rep_id, ${customers.ownerId})) as total,
        count(*)::int as orders, sum(orders.total_excl_cents)::bigint as revenue
      from ${periodsTable}
      join orders on ${during(sql`orders.ordered_at`)}
        and orders.deleted_at is null and orders.status not in ('cancelled', 'draft')
      join ${customers} on ${customers.id} = orders.customer_id
      where ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((periods.k, coalesce(orders.rep_id, ${customers.ownerId})), (periods.k))`,
    ),
    queryRows<PeriodRow & { opened: number }>(
      db,
      sql`
      select periods.k, ${customers.ownerId} as rep_id, grouping(${customers.ownerId}) as total,
        count(*)::int as opened
      from ${periodsTable}
      join complaints on ${during(sql`complaints.created_at`)} and complaints.deleted_at is null
      join ${customers} on ${customers.id} = complaints.customer_id
      where ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((periods.k, ${customers.ownerId}), (periods.k))`,
    ),
    queryRows<PeriodRow & { closed: number; median_hours: number | string | null }>(
      db,
      sql`
      with resolved as (
        select complaint_id, min(at) as at from complaint_events
        where deleted_at is null and status in ('resolved', 'closed') group by complaint_id
      )
      select periods.k, ${customers.ownerId} as rep_id, grouping(${customers.ownerId}) as total,
        count(*)::int as closed,
        percentile_cont(0.5) within group (
          order by greatest(0, extract(epoch from resolved.at - complaints.created_at)) / 3600
        ) as median_hours
      from ${periodsTable}
      join resolved on ${during(sql`resolved.at`)}
      join complaints on complaints.id = resolved.complaint_id
      join ${customers} on ${customers.id} = complaints.customer_id
      where complaints.deleted_at is null and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((periods.k, ${customers.ownerId}), (periods.k))`,
    ),
    ...periods.map((p) =>
      queryRows<
        Grouped & { previous_buyers: number; repeat_buyers: number; new_customers: number; lost: number }
      >(
        db,
        sql`
      with ${customerPeriods(reader, p, previousOf(p), null)}
      select owner_id as rep_id, grouping(owner_id) as total,
        (count(*) filter (where orders_before > 0))::int as previous_buyers,
        (count(*) filter (where standing = 'repeat'))::int as repeat_buyers,
        (count(*) filter (where standing = 'new'))::int as new_customers,
        (count(*) filter (where standing = 'lost'))::int as lost
      from standing
      group by grouping sets ((owner_id), ())`,
      ),
    ),
  ]);

  for (const row of visitRows) {
    intoPeriod(row, (c) => {
      c.visits = row.visits;
      c.visitsWithOrder = row.with_order;
      c.calls = row.calls;
    });
  }
  for (const row of orderRows) {
    intoPeriod(row, (c) => {
      c.orders = row.orders;
      c.revenueCents = Number(row.revenue);
    });
  }
  for (const row of openedRows) intoPeriod(row, (c) => (c.complaintsOpened = row.opened));
  for (const row of closedRows) {
    intoPeriod(row, (c) => {
      c.complaintsClosed = row.closed;
      c.medianResolveHours =
        row.median_hours === null ? null : Math.round(Number(row.median_hours) * 10) / 10;
    });
  }
  standingRows.forEach((rows, k) => {
    for (const row of rows) {
      into(results[k]!, row, (c) => {
        c.previousBuyers = row.previous_buyers;
        c.repeatBuyers = row.repeat_buyers;
        c.newCustomers = row.new_customers;
        c.lostCustomers = row.lost;
      });
    }
  });
  return results;
}

/** One rep's customers with any order in the period or the one before, or a visit or complaint now. */
export async function reviewCustomers(
  db: DbOrTx,
  reader: Reader,
  repId: string,
  p: Period,
  prior: Period,
): Promise<ReviewCustomer[]> {
  const rows = await queryRows<{
    customer_id: string;
    name: string;
    city: string;
    orders_now: number | null;
    revenue_now: string | number | null;
    orders_before: number | null;
    revenue_before: string | number | null;
    visits: number;
    calls: number;
    complaints: number;
    last_order_at: Date | string | null;
    rhythm: number | null;
    standing: CustomerStanding | null;
  }>(
    db,
    sql`
      with ${customerPeriods(reader, p, prior, repId, 'full')},
      contacts_now as (
        select ${visits.customerId} as customer_id,
          (count(*) filter (where ${visits.channel} = 'visit'))::int as visits,
          (count(*) filter (where ${visits.channel} = 'phone'))::int as calls
        from ${visits}
        where ${visits.deletedAt} is null and ${within(sql`${visits.at}`, p)} and ${personScope(visits.repId, reader)}
        group by ${visits.customerId}
      ), complaints_now as (
        select customer_id, count(*)::int as complaints from complaints
        where deleted_at is null and ${within(sql`created_at`, p)} group by customer_id
      )
      select ${customers.id} as customer_id, ${customers.name} as name, ${customers.city} as city,
        standing.orders_now, standing.revenue_now, standing.orders_before, standing.revenue_before,
        coalesce(contacts_now.visits, 0) as visits, coalesce(contacts_now.calls, 0) as calls,
        coalesce(complaints_now.complaints, 0) as complaints,
        standing.last_order_at, standing.rhythm, standing.standing
      from ${customers}
      left join standing on standing.customer_id = ${customers.id}
      left join contacts_now on contacts_now.customer_id = ${customers.id}
      left join complaints_now on complaints_now.customer_id = ${customers.id}
      where ${customers.deletedAt} is null and ${customerScope(reader)} and ${customers.ownerId} = ${repId}
        and (coalesce(standing.orders_now, 0) + coalesce(standing.orders_before, 0)
          + coalesce(contacts_now.visits, 0) + coalesce(contacts_now.calls, 0)
          + coalesce(complaints_now.complaints, 0)) > 0
      order by coalesce(standing.revenue_now, 0) desc, ${customers.name}, ${customers.id}`,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    name: row.name,
    city: row.city,
    orders: row.orders_now ?? 0,
    revenueCents: Number(row.revenue_now ?? 0),
    previousOrders: row.orders_before ?? 0,
    previousRevenueCents: Number(row.revenue_before ?? 0),
    visits: row.visits,
    calls: row.calls,
    complaintsOpened: row.complaints,
    lastOrderAt: row.last_order_at === null ? null : new Date(row.last_order_at).toISOString(),
    rhythmDays: row.rhythm,
    standing: row.standing ?? 'other',
  }));
}

/** The on-site visits of the period made by the reps the reader may see, for "where visits fail". */
export async function visitsOfPeriod(db: DbOrTx, reader: Reader, p: Period): Promise<FailureVisit[]> {
  const rows = await db
    .select({
      repId: visits.repId,
      outcome: visits.outcome,
      noSaleReason: visits.noSaleReason,
      reachedStep: visits.reachedStep,
      closingId: visits.closingId,
      closingName: visits.closingName,
      families: visits.families,
      objections: visits.objections,
    })
    .from(visits)
    .where(
      and(
        isNull(visits.deletedAt),
        eq(visits.channel, 'visit'),
        within(sql`${visits.at}`, p),
        personScope(visits.repId, reader),
      ),
    );
  return rows;
}

/**
 * The customers lost in the period (see "Lost" above) with what may say why: the reason of their
 * last visit without a sale and their complaints of the twelve months up to the period's end.
 */
export async function lostCustomers(
  db: DbOrTx,
  reader: Reader,
  p: Period,
  prior: Period,
): Promise<LostCustomer[]> {
  const rows = await queryRows<{
    customer_id: string;
    name: string;
    city: string;
    rep_name: string | null;
    last_order_at: Date | string;
    rhythm: number;
    revenue_before: string | number;
    no_sale_reason: LostCustomer['lastNoSaleReason'];
    complaints: number;
    open_complaints: number;
  }>(
    db,
    sql`
      with ${customerPeriods(reader, p, prior, null)},
      lost as (select customer_id from standing where standing = 'lost'),
      -- Only the lost customers' visits and complaints are read, not the company's.
      last_no_sale as (
        select distinct on (v.customer_id) v.customer_id, v.no_sale_reason as reason
        from ${visits} v join lost on lost.customer_id = v.customer_id
        where v.deleted_at is null and v.outcome = 'no-sale' and v.at < ${endOf(p.to)}
        order by v.customer_id, v.at desc
      ), complained as (
        select c.customer_id, count(*)::int as complaints,
          (count(*) filter (where c.status not in ('resolved', 'closed')))::int as open_complaints
        from complaints c join lost on lost.customer_id = c.customer_id
        where c.deleted_at is null and c.created_at < ${endOf(p.to)}
          and c.created_at >= ${endOf(p.to)} - interval '365 days'
        group by c.customer_id
      )
      select standing.customer_id, ${customers.name} as name, ${customers.city} as city, users.name as rep_name,
        standing.last_order_at, standing.rhythm, standing.revenue_before,
        last_no_sale.reason as no_sale_reason,
        coalesce(complained.complaints, 0) as complaints, coalesce(complained.open_complaints, 0) as open_complaints
      from standing
      join ${customers} on ${customers.id} = standing.customer_id
      left join users on users.id = ${customers.ownerId}
      left join last_no_sale on last_no_sale.customer_id = standing.customer_id
      left join complained on complained.customer_id = standing.customer_id
      where standing.standing = 'lost'
      order by standing.revenue_before desc, ${customers.name}, standing.customer_id`,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    name: row.name,
    city: row.city,
    repName: row.rep_name,
    lastOrderAt: new Date(row.last_order_at).toISOString(),
    rhythmDays: row.rhythm,
    previousRevenueCents: Number(row.revenue_before),
    lastNoSaleReason: row.no_sale_reason,
    complaints: row.complaints,
    openComplaints: row.open_complaints,
  }));
}

const OLDEST_OPEN = 20;

/** Complaints of the period by cause, product and segment, those open now by age, and satisfaction. */
export async function complaintsReview(
  db: DbOrTx,
  reader: Reader,
  p: Period,
  segmentOf: (customerId: string) => RfmSegment | 'none',
  now: Date,
): Promise<ComplaintsReview> {
  const scoped = sql`${customers.deletedAt} is null and ${customerScope(reader)}`;
  const [categories, productRows, openedRows, openRows, satisfactionRows] = await Promise.all([
    queryRows<{ category: string; opened: number; closed: number; median_hours: number | string | null }>(
      db,
      sql`
        with resolved as (
          select complaint_id, min(at) as at from complaint_events
          where deleted_at is null and status in ('resolved', 'closed') group by complaint_id
        )
        select complaints.category,
          (count(*) filter (where ${within(sql`complaints.created_at`, p)}))::int as opened,
          (count(*) filter (where ${within(sql`resolved.at`, p)}))::int as closed,
          percentile_cont(0.5) within group (
            order by greatest(0, extract(epoch from resolved.at - complaints.created_at)) / 3600
          ) filter (where ${within(sql`resolved.at`, p)}) as median_hours
        from complaints
        join ${customers} on ${customers.id} = complaints.customer_id
        left join resolved on resolved.complaint_id = complaints.id
        where complaints.deleted_at is null and ${scoped}
          and (${within(sql`complaints.created_at`, p)} or ${within(sql`resolved.at`, p)})
        group by complaints.category
        order by opened desc, complaints.category`,
    ),
    queryRows<{ product_id: string; product_name: string; opened: number }>(
      db,
      sql`
        select products.id as product_id, products.name as product_name, count(*)::int as opened
        from complaints
        join ${customers} on ${customers.id} = complaints.customer_id
        join products on products.id = complaints.product_id
        where complaints.deleted_at is null and ${scoped} and ${within(sql`complaints.created_at`, p)}
        group by products.id, products.name
        order by opened desc, products.name limit 20`,
    ),
    queryRows<{ customer_id: string; opened: number }>(
      db,
      sql`
        select complaints.customer_id, count(*)::int as opened
        from complaints join ${customers} on ${customers.id} = complaints.customer_id
        where complaints.deleted_at is null and ${scoped} and ${within(sql`complaints.created_at`, p)}
        group by complaints.customer_id`,
    ),
    queryRows<{
      id: string;
      customer_id: string;
      customer_name: string;
      category: string;
      status: ComplaintsReview['oldestOpen'][number]['status'];
      severity: ComplaintsReview['oldestOpen'][number]['severity'];
      created_at: Date | string;
    }>(
      db,
      sql`
        select complaints.id, complaints.customer_id, ${customers.name} as customer_name, complaints.category,
          complaints.status, complaints.severity, complaints.created_at
        from complaints join ${customers} on ${customers.id} = complaints.customer_id
        where complaints.deleted_at is null and ${scoped} and complaints.status not in ('resolved', 'closed')
        order by complaints.created_at, complaints.id`,
    ),
    queryRows<{ satisfaction: number; n: number }>(
      db,
      sql`
        select complaint_events.satisfaction, count(*)::int as n
        from complaint_events join ${customers} on ${customers.id} = complaint_events.customer_id
        where complaint_events.deleted_at is null and complaint_events.satisfaction is not null
          and ${scoped} and ${within(sql`complaint_events.at`, p)}
        group by complaint_events.satisfaction`,
    ),
  ]);

  const bySegment = new Map<RfmSegment | 'none', number>();
  for (const row of openedRows) {
    const segment = segmentOf(row.customer_id);
    bySegment.set(segment, (bySegment.get(segment) ?? 0) + row.opened);
  }
  const ageOf = (at: Date | string) =>
    Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 86_400_000));
  const bucketOf = (days: number): (typeof ageBuckets)[number] =>
    days <= 2 ? '0-2' : days <= 7 ? '3-7' : days <= 14 ? '8-14' : days <= 30 ? '15-30' : '31+';
  const buckets = new Map(ageBuckets.map((b) => [b, 0]));
  for (const row of openRows) {
    const bucket = bucketOf(ageOf(row.created_at));
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
  }
  const scores = [1, 2, 3, 4, 5].map((s) => satisfactionRows.find((r) => r.satisfaction === s)?.n ?? 0);
  const answered = scores.reduce((a, b) => a + b, 0);
  return {
    byCategory: categories.map((c) => ({
      category: c.category,
      opened: c.opened,
      closed: c.closed,
      medianResolveHours: c.median_hours === null ? null : Math.round(Number(c.median_hours) * 10) / 10,
    })),
    byProduct: productRows.map((r) => ({
      productId: r.product_id,
      productName: r.product_name,
      opened: r.opened,
    })),
    bySegment: [...bySegment]
      .map(([segment, opened]) => ({ segment, opened }))
      .sort((a, b) => b.opened - a.opened || a.segment.localeCompare(b.segment)),
    openByAge: ageBuckets.map((age) => ({ age, open: buckets.get(age) ?? 0 })),
    oldestOpen: openRows.slice(0, OLDEST_OPEN).map((r) => ({
      complaintId: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      category: r.category,
      status: r.status,
      severity: r.severity,
      ageDays: ageOf(r.created_at),
    })),
    satisfaction: {
      scores,
      average:
        answered === 0
          ? null
          : Math.round((scores.reduce((n, c, i) => n + c * (i + 1), 0) / answered) * 10) / 10,
    },
  };
}
