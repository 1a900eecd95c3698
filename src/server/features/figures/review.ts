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

/** A grouped row with one column per period (`visits_0`, `visits_1`…). */
type PeriodRow = Grouped & Record<string, unknown>;

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
 * `history: 'window'` reads only the two periods' orders (an index lookup says whether a buyer
 * of the period ordered before), and the full history of just the customers who may be lost, for
 * their rhythm: what the team's counts need, without scanning years of orders. Customers with no
 * order in the two periods are then absent. `history: 'full'` reads every order up to the
 * period's end and gives every buyer's last order and rhythm, for one rep's customer list.
 */
function customerPeriods(
  reader: Reader,
  p: Period,
  prior: Period,
  ownerId: string | null,
  history: 'window' | 'full' = 'window',
): SQL {
  const owner = ownerId === null ? sql`true` : sql`${customers.ownerId} = ${ownerId}`;
  const counted = sql`orders.deleted_at is null and orders.status not in ('cancelled', 'draft')`;
  // Instants, not days, are compared row by row: a time-zone conversion per order is what costs.
  const inPeriod = (q: Period) => sql`ordered_at >= ${startOf(q.from)} and ordered_at < ${endOf(q.to)}`;
  const since = history === 'window' ? sql`orders.ordered_at >= ${startOf(prior.from)}` : sql`true`;
  const isNew =
    history === 'window'
      ? sql`case when count(*) filter (where ordered_at < ${startOf(p.from)}) = 0 then not exists (
          select 1 from orders where orders.customer_id = purchases.customer_id and ${counted}
            and orders.ordered_at < ${startOf(prior.from)}) else false end`
      : sql`min(ordered_at) >= ${startOf(p.from)}`;
  // The rhythm (the median gap over every order of the customer) is what costs most: in 'window'
  // mode only the customers who may be lost need it. Each reads its customer's purchases with
  // their gaps through the (customer, ordered_at) index of order_facts.
  const needsRhythm =
    history === 'window' ? sql`per_customer.orders_before > 0 and per_customer.orders_now = 0` : sql`true`;
  return sql`
    purchases as (
      select orders.customer_id, ${customers.ownerId} as owner_id, orders.ordered_at,
        orders.total_excl_cents as cents
      from orders
      join ${customers} on ${customers.id} = orders.customer_id
      where ${counted} and ${since} and orders.ordered_at < ${endOf(p.to)}
        and ${customers.deletedAt} is null and ${customerScope(reader)} and ${owner}
    ), per_customer as (
      -- The owner travels with the customer, so the team's counts need no second join.
      select purchases.customer_id, purchases.owner_id,
        count(*) filter (where ${inPeriod(p)})::int as orders_now,
        coalesce(sum(cents) filter (where ${inPeriod(p)}), 0)::bigint as revenue_now,
        count(*) filter (where ${inPeriod(prior)})::int as orders_before,
        coalesce(sum(cents) filter (where ${inPeriod(prior)}), 0)::bigint as revenue_before,
        ${isNew} as is_new, (max(ordered_at) at time zone ${zone})::date as last_day,
        max(ordered_at) as last_order_at
      from purchases group by purchases.customer_id, purchases.owner_id
    ), with_rhythm as materialized (
      -- CASE evaluates the subquery only for the customers who need a rhythm; materialized, so
      -- that it is not inlined and evaluated again for each use of the rhythm below.
      -- The gaps are kept with each purchase in order_facts (decision 0018).
      select per_customer.*, case when ${needsRhythm} then (
        select round((percentile_cont(0.5) within group (order by ${orderFacts.gapDays}))::numeric)::int
        from ${orderFacts}
        where ${orderFacts.customerId} = per_customer.customer_id and ${orderFacts.orderedAt} < ${endOf(p.to)}
          and ${orderFacts.gapDays} is not null
      ) end as rhythm
      from per_customer
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
 * once for all the periods, each counted under its own filter: a query per period would read the
 * customers for the scope again each time, which costs more than the counting.
 */
export async function periodCounts(
  db: DbOrTx,
  reader: Reader,
  periods: readonly Period[],
  previousOf: (p: Period) => Period,
): Promise<CountsByRep[]> {
  const results: CountsByRep[] = periods.map(() => new Map([[TEAM, emptyCounts()]]));
  /** The columns of each period (named `<name>_<k>` with `col`), one list. */
  const perPeriod = (columns: (p: Period, k: number) => SQL) => sql.join(periods.map(columns), sql`, `);
  const inAny = (column: SQL) =>
    sql`(${sql.join(
      periods.map((p) => sql`(${within(column, p)})`),
      sql` or `,
    )})`;
  const col = (name: string, k: number) => sql.raw(`${name}_${k}`);
  const number = (row: PeriodRow, name: string, k: number): number => Number(row[`${name}_${k}`] ?? 0);
  const intoEach = (row: Grouped, set: (counts: PeriodCounts, k: number) => void) =>
    results.forEach((byRep, k) => into(byRep, row, (c) => set(c, k)));

  const visitAt = sql`${visits.at}`;
  const orderAt = sql`orders.ordered_at`;
  const openedAt = sql`complaints.created_at`;
  const resolvedAt = sql`resolved.at`;
  const [visitRows, orderRows, openedRows, closedRows, ...standingRows] = await Promise.all([
    queryRows<PeriodRow>(
      db,
      sql`
      select ${visits.repId} as rep_id, grouping(${visits.repId}) as total,
        ${perPeriod(
          (q, k) => sql`
          (count(*) filter (where ${within(visitAt, q)} and ${visits.channel} = 'visit'))::int as ${col('visits', k)},
          (count(*) filter (where ${within(visitAt, q)} and ${visits.channel} = 'visit'
            and ${visits.outcome} = 'order'))::int as ${col('with_order', k)},
          (count(*) filter (where ${within(visitAt, q)} and ${visits.channel} = 'phone'))::int as ${col('calls', k)}`,
        )}
      from ${visits}
      where ${visits.deletedAt} is null and ${inAny(visitAt)} and ${personScope(visits.repId, reader)}
      group by grouping sets ((${visits.repId}), ())`,
    ),
    queryRows<PeriodRow>(
      db,
      sql`
      select coalesce(orders.rep_id, ${customers.ownerId}) as rep_id,
        grouping(coalesce(orders.rep_id, ${customers.ownerId})) as total,
        ${perPeriod(
          (q, k) => sql`
          (count(*) filter (where ${within(orderAt, q)}))::int as ${col('orders', k)},
          coalesce(sum(orders.total_excl_cents) filter (where ${within(orderAt, q)}), 0)::bigint
            as ${col('revenue', k)}`,
        )}
      from orders join ${customers} on ${customers.id} = orders.customer_id
      where orders.deleted_at is null and orders.status not in ('cancelled', 'draft') and ${inAny(orderAt)}
        and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((coalesce(orders.rep_id, ${customers.ownerId})), ())`,
    ),
    queryRows<PeriodRow>(
      db,
      sql`
      select ${customers.ownerId} as rep_id, grouping(${customers.ownerId}) as total,
        ${perPeriod(
          (q, k) => sql`(count(*) filter (where ${within(openedAt, q)}))::int as ${col('opened', k)}`,
        )}
      from complaints join ${customers} on ${customers.id} = complaints.customer_id
      where complaints.deleted_at is null and ${inAny(openedAt)}
        and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((${customers.ownerId}), ())`,
    ),
    queryRows<PeriodRow>(
      db,
      sql`
      with resolved as (
        select complaint_id, min(at) as at from complaint_events
        where deleted_at is null and status in ('resolved', 'closed') group by complaint_id
      )
      select ${customers.ownerId} as rep_id, grouping(${customers.ownerId}) as total,
        ${perPeriod(
          (q, k) => sql`
          (count(*) filter (where ${within(resolvedAt, q)}))::int as ${col('closed', k)},
          percentile_cont(0.5) within group (
            order by greatest(0, extract(epoch from resolved.at - complaints.created_at)) / 3600
          ) filter (where ${within(resolvedAt, q)}) as ${col('median_hours', k)}`,
        )}
      from resolved
      join complaints on complaints.id = resolved.complaint_id
      join ${customers} on ${customers.id} = complaints.customer_id
      where complaints.deleted_at is null and ${inAny(resolvedAt)}
        and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by grouping sets ((${customers.ownerId}), ())`,
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
    intoEach(row, (c, k) => {
      c.visits = number(row, 'visits', k);
      c.visitsWithOrder = number(row, 'with_order', k);
      c.calls = number(row, 'calls', k);
    });
  }
  for (const row of orderRows) {
    intoEach(row, (c, k) => {
      c.orders = number(row, 'orders', k);
      c.revenueCents = number(row, 'revenue', k);
    });
  }
  for (const row of openedRows) intoEach(row, (c, k) => (c.complaintsOpened = number(row, 'opened', k)));
  for (const row of closedRows) {
    intoEach(row, (c, k) => {
      c.complaintsClosed = number(row, 'closed', k);
      const hours = row[`median_hours_${k}`];
      c.medianResolveHours =
        hours === null || hours === undefined ? null : Math.round(Number(hours) * 10) / 10;
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
