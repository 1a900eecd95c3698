/**
 * RFM in SQL, the definition of `shared/domain/rfm/rfm.ts` word for word: days counted on the
 * company's calendar day of `ordered_at`; F and M over D − 364 … D; scores `1 + floor(5 × (rank − 1) / N)`
 * where `rank()` over worst-first order is 1 + the customers strictly worse, so ties share a
 * score. The segment comes from the shared rule table, so both sides map scores alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CustomerRfmRow, MigrationCell, RfmCustomer } from '../../../shared/contract/rfm.js';
import type { RfmSegment, Score } from '../../../shared/domain/rfm/rfm.js';
import { OVERDUE_FACTOR, segmentFor, segmentForSum } from '../../../shared/domain/rfm/rfm.js';
import { COMPANY_TIME_ZONE } from '../../../shared/lib/calendar.js';
import { customers, orders, users } from '../../db/schema.js';
import { queryRows } from '../../db/types.js';
import type { DbOrTx } from '../../db/types.js';
import { customerScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';

const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);
/** Orders that count as purchases: not deleted, not cancelled, not drafts. */
const COUNTED = sql`${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')`;
/** The first instant after `day` in the company's calendar. */
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone ${zone}`;
/** The first instant of `days` days before `day`. */
const startBefore = (day: string, days: number) =>
  sql`(${day}::date - ${sql.raw(String(days))})::timestamp at time zone ${zone}`;

/**
 * The scores r, f, m (named `as`) of the rows of a query from its recency, frequency and monetary
 * columns: `rank()` over worst-first order is 1 + the customers strictly worse, so ties share a
 * score; n comes from a window, not a join (a join with count(*) may be re-run per row, and
 * PGlite has no statistics to plan joins of derived rows well); bigint division is floor here,
 * every value being ≥ 0. With `among`, each row is ranked only among the rows where it holds
 * (the others get null).
 */
function scoresOf(
  columns: { recency: string; frequency: string; monetary: string },
  as: { r: string; f: string; m: string },
  among?: SQL,
): SQL {
  const over = (order: string) =>
    among === undefined
      ? sql.raw(`over (order by ${order})`)
      : sql`over (partition by ${among} order by ${sql.raw(order)})`;
  const n = among === undefined ? sql`count(*) over ()` : sql`count(*) over (partition by ${among})`;
  const score = (order: string, name: string) => {
    const value = sql`(1 + (5 * (rank() ${over(order)} - 1)) / ${n})::int`;
    return among === undefined
      ? sql`${value} as ${sql.raw(name)}`
      : sql`case when ${among} then ${value} end as ${sql.raw(name)}`;
  };
  return sql.join(
    [score(`${columns.recency} desc`, as.r), score(columns.frequency, as.f), score(columns.monetary, as.m)],
    sql`, `,
  );
}

const scoreColumns = scoresOf(
  { recency: 'recency_days', frequency: 'frequency', monetary: 'monetary_cents' },
  { r: 'r', f: 'f', m: 'm' },
);

/** A scored customer as the query's JSON gives it (monetary: a JSON number, cents below 2^53). */
type ScoreTuple = [string, string | null, number, number, number, Score, Score, Score];

/** Every customer the reader may see with a purchase on or before `asOf` (YYYY-MM-DD). */
export async function rfmScores(db: DbOrTx, reader: Reader, asOf: string): Promise<CustomerRfmRow[]> {
  /** The first instant of D − 364, where F and M start counting. */
  const yearStart = startBefore(asOf, 364);
  // One JSON value of [id, ref, recency, frequency, monetary, r, f, m] rows, not a row each:
  // PGlite hands each row from its engine to JavaScript at a cost that, for a whole company's
  // customers, was most of the time.
  const [result] = await queryRows<{ rows: ScoreTuple[] | null }>(
    db,
    sql`
      with figures as (
        -- Instants, not days, are compared row by row (a time-zone conversion per order costs);
        -- the day of the last purchase is taken once per customer.
        select ${customers.id} as customer_id, ${customers.externalRef} as customer_ref,
          (${asOf}::date - (max(${orders.orderedAt}) at time zone ${zone})::date)::int as recency_days,
          (count(*) filter (where ${orders.orderedAt} >= ${yearStart}))::int as frequency,
          coalesce(sum(${orders.totalExclCents}) filter (where ${orders.orderedAt} >= ${yearStart}), 0)::bigint
            as monetary_cents
        from ${orders}
        join ${customers} on ${customers.id} = ${orders.customerId}
        where ${COUNTED} and ${orders.orderedAt} < ${endOf(asOf)}
          and ${customers.deletedAt} is null and ${customerScope(reader)}
        group by ${customers.id}, ${customers.externalRef}
      ), scored as (
        select customer_id, customer_ref, recency_days, frequency, monetary_cents, ${scoreColumns}
        from figures
      )
      select json_agg(json_build_array(customer_id, customer_ref, recency_days, frequency, monetary_cents, r, f, m)
        order by customer_ref nulls last, customer_id) as rows
      from scored`,
  );
  return (result?.rows ?? []).map(([customerId, customerRef, recencyDays, frequency, monetary, r, f, m]) => ({
    customerId,
    customerRef,
    recencyDays,
    frequency,
    monetaryCents: monetary,
    r,
    f,
    m,
    segment: segmentFor(r, f, m),
  }));
}

/** The migration matrix from `from` to `to`: customers with a segment at `to`, by their two segments. */
export async function rfmMigrations(
  db: DbOrTx,
  reader: Reader,
  from: string,
  to: string,
): Promise<MigrationCell[]> {
  // Grouped by the scores a segment depends on (R and S = F + M on each day): at most
  // 5 × 9 × 5 × 9 rows leave the database, mapped to segments by the shared rule table.
  const groups = await queryRows<{
    from_r: number | null;
    from_s: number | null;
    r: number;
    s: number;
    customers: number;
    revenue_cents: string | number;
  }>(
    db,
    sql`
      with ${twoDays(reader, from, to)}
      select from_r, from_f + from_m as from_s, r, f + m as s, count(*)::int as customers,
        sum(monetary_cents)::bigint as revenue_cents
      from scored group by 1, 2, 3, 4`,
  );
  const cells = new Map<string, MigrationCell>();
  for (const group of groups) {
    const fromSegment =
      group.from_r === null || group.from_s === null
        ? 'none'
        : segmentForSum(group.from_r as Score, group.from_s);
    const toSegment = segmentForSum(group.r as Score, group.s);
    const key = `${fromSegment}>${toSegment}`;
    const cell = cells.get(key) ?? { fromSegment, toSegment, customers: 0, revenueCents: 0 };
    cell.customers += group.customers;
    cell.revenueCents += Number(group.revenue_cents);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

interface CustomerRow {
  customer_id: string;
  name: string;
  city: string;
  rep_name: string | null;
  recency_days: number;
  monetary_cents: string | number;
  r: number;
  f: number;
  m: number;
  from_r: number | null;
  from_f: number | null;
  from_m: number | null;
}

interface HistoryRow {
  customer_id: string;
  rhythm: number | null;
  year_before_cents: string | number;
}

/**
 * The steps of a `with` ending in `scored`: per customer with a purchase on or before `to`, the
 * scores as of `to` and, for those with a purchase on or before `from`, as of `from` (each day
 * ranked over its own customers, as `rfmScores` does), from one read of the orders up to `to`.
 */
function twoDays(reader: Reader, from: string, to: string): SQL {
  return sql`
      purchases as (
        select ${orders.customerId} as customer_id, ${orders.orderedAt} as ordered_at,
          ${orders.totalExclCents} as cents
        from ${orders} join ${customers} on ${customers.id} = ${orders.customerId}
        where ${COUNTED} and ${orders.orderedAt} < ${endOf(to)}
          and ${customers.deletedAt} is null and ${customerScope(reader)}
      ), per_customer as (
        select customer_id,
          (${from}::date - (max(ordered_at) filter (where ordered_at < ${endOf(from)}) at time zone ${zone})::date)::int
            as from_recency,
          (count(*) filter (where ordered_at >= ${startBefore(from, 364)} and ordered_at < ${endOf(from)}))::int
            as from_frequency,
          coalesce(sum(cents) filter (where ordered_at >= ${startBefore(from, 364)} and ordered_at < ${endOf(from)}), 0)
            ::bigint as from_monetary,
          (${to}::date - (max(ordered_at) at time zone ${zone})::date)::int as recency_days,
          (count(*) filter (where ordered_at >= ${startBefore(to, 364)}))::int as frequency,
          coalesce(sum(cents) filter (where ordered_at >= ${startBefore(to, 364)}), 0)::bigint as monetary_cents
        from purchases group by customer_id
      ), scored as (
        -- Both days ranked in one pass over the customers, no join of derived rows.
        select per_customer.*, ${scoreColumns},
          ${scoresOf(
            { recency: 'from_recency', frequency: 'from_frequency', monetary: 'from_monetary' },
            { r: 'from_r', f: 'from_f', m: 'from_m' },
            sql`from_recency is not null`,
          )}
        from per_customer
      )`;
}

/**
 * Per customer with a purchase on or before `to`: the rhythm (the median of the days between
 * consecutive purchases up to `to`, rounded, as `customerFigures` on the laptop; null with one
 * purchase) and the revenue of the year before M's (D − 729 … D − 365, for the forecast).
 */
function historyUpTo(reader: Reader, to: string): SQL {
  return sql`
      with purchases as (
        select ${orders.customerId} as customer_id, ${orders.orderedAt} as ordered_at,
          ${orders.totalExclCents} as cents,
          -- date_part is float8; extract would be numeric, several times slower per row.
          date_part('epoch', ${orders.orderedAt} - lag(${orders.orderedAt}) over (
            partition by ${orders.customerId} order by ${orders.orderedAt})) / 86400 as gap
        from ${orders} join ${customers} on ${customers.id} = ${orders.customerId}
        where ${COUNTED} and ${orders.orderedAt} < ${endOf(to)}
          and ${customers.deletedAt} is null and ${customerScope(reader)}
      )
      select customer_id,
        round((percentile_cont(0.5) within group (order by gap))::numeric)::int as rhythm,
        coalesce(sum(cents) filter (
          where ordered_at >= ${startBefore(to, 729)} and ordered_at < ${startBefore(to, 364)}), 0)::bigint
          as year_before_cents
      from purchases group by customer_id`;
}

/** The segments of a two-day row: `none` at `from` for a customer who had not bought yet. */
function segmentsOf(row: CustomerRow): { fromSegment: RfmSegment | 'none'; toSegment: RfmSegment } {
  return {
    fromSegment:
      row.from_r === null || row.from_f === null || row.from_m === null
        ? 'none'
        : segmentFor(row.from_r as Score, row.from_f as Score, row.from_m as Score),
    toSegment: segmentFor(row.r as Score, row.f as Score, row.m as Score),
  };
}

/**
 * Every customer with a purchase on or before `to`, with their segment then and now, revenue
 * (M at `to`), recency and rhythm: the rows behind the matrix's cells and the churn-risk list.
 *
 * With the revenue of the year before M's (D − 729 … D − 365, for the forecast) and the rhythm:
 * the median of the days between consecutive purchases up to `to`, rounded (as
 * `customerFigures` on the laptop), absent with one purchase.
 */
export async function rfmCustomers(
  db: DbOrTx,
  reader: Reader,
  from: string,
  to: string,
): Promise<RfmCustomer[]> {
  // The scores and the history are two reads of the same orders, run side by side: on a
  // pooled database each takes a core, where one statement doing both would take one.
  const [rows, history] = await Promise.all([
    queryRows<CustomerRow>(
      db,
      sql`
      with ${twoDays(reader, from, to)}
      select scored.customer_id, ${customers.name} as name, ${customers.city} as city,
        ${users.name} as rep_name, scored.recency_days, scored.monetary_cents, scored.r, scored.f, scored.m,
        scored.from_r, scored.from_f, scored.from_m
      from scored
      join ${customers} on ${customers.id} = scored.customer_id
      left join ${users} on ${users.id} = ${customers.ownerId}
      order by ${customers.externalRef} nulls last, scored.customer_id`,
    ),
    queryRows<HistoryRow>(db, historyUpTo(reader, to)),
  ]);
  const historyOf = new Map(history.map((row) => [row.customer_id, row]));
  return rows.map((row) => {
    const past = historyOf.get(row.customer_id);
    const rhythmDays = past?.rhythm ?? null;
    const { fromSegment, toSegment } = segmentsOf(row);
    return {
      customerId: row.customer_id,
      name: row.name,
      city: row.city,
      repName: row.rep_name,
      fromSegment,
      toSegment,
      monetaryCents: Number(row.monetary_cents),
      yearBeforeCents: Number(past?.year_before_cents ?? 0),
      recencyDays: row.recency_days,
      rhythmDays,
      overdue: rhythmDays !== null && rhythmDays > 0 && row.recency_days > OVERDUE_FACTOR * rhythmDays,
    };
  });
}
