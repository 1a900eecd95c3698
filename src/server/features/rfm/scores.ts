/**
 * RFM in SQL, the definition of `shared/domain/rfm/rfm.ts` word for word: days counted on the
 * company's calendar day of `ordered_at`; F and M over D − 364 … D; scores `1 + floor(5 × (rank − 1) / N)`
 * where `rank()` over worst-first order is 1 + the customers strictly worse, so ties share a
 * score. The segment comes from the shared rule table, so both sides map scores alike.
 */
import { sql } from 'drizzle-orm';
import type { CustomerRfmRow, MigrationCell, RfmCustomer } from '../../../shared/contract/rfm.js';
import type { RfmSegment, Score } from '../../../shared/domain/rfm/rfm.js';
import { OVERDUE_FACTOR, segmentFor } from '../../../shared/domain/rfm/rfm.js';
import { COMPANY_TIME_ZONE } from '../../../shared/lib/calendar.js';
import { customers, orders, users } from '../../db/schema.js';
import { queryRows } from '../../db/types.js';
import type { DbOrTx } from '../../db/types.js';
import { customerScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';

const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);
/** The first instant after `day` in the company's calendar. */
const endOf = (day: string) => sql`(${day}::date + 1)::timestamp at time zone ${zone}`;
/** The first instant of `days` days before `day`. */
const startBefore = (day: string, days: number) =>
  sql`(${day}::date - ${sql.raw(String(days))})::timestamp at time zone ${zone}`;

/**
 * The scores r, f, m of each row of a query with recency_days, frequency and monetary_cents:
 * `rank()` over worst-first order is 1 + the customers strictly worse, so ties share a score; n
 * comes from a window, not a join (a join with count(*) may be re-run per row); bigint division
 * is floor here, every value being ≥ 0.
 */
const scoreColumns = sql`
  (1 + (5 * (rank() over (order by recency_days desc) - 1)) / count(*) over ())::int as r,
  (1 + (5 * (rank() over (order by frequency) - 1)) / count(*) over ())::int as f,
  (1 + (5 * (rank() over (order by monetary_cents) - 1)) / count(*) over ())::int as m`;

interface ScoreRow {
  customer_id: string;
  customer_ref: string | null;
  recency_days: number;
  frequency: number;
  monetary_cents: string | number;
  r: number;
  f: number;
  m: number;
}

/** Every customer the reader may see with a purchase on or before `asOf` (YYYY-MM-DD). */
export async function rfmScores(db: DbOrTx, reader: Reader, asOf: string): Promise<CustomerRfmRow[]> {
  /** The first instant of D − 364, where F and M start counting. */
  const yearStart = startBefore(asOf, 364);
  const rows = await queryRows<ScoreRow>(
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
        where ${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')
          and ${orders.orderedAt} < ${endOf(asOf)}
          and ${customers.deletedAt} is null and ${customerScope(reader)}
        group by ${customers.id}, ${customers.externalRef}
      )
      select customer_id, customer_ref, recency_days, frequency, monetary_cents, ${scoreColumns}
      from figures
      order by customer_ref nulls last, customer_id`,
  );
  return rows.map((row) => {
    const [r, f, m] = [row.r, row.f, row.m] as Score[];
    return {
      customerId: row.customer_id,
      customerRef: row.customer_ref,
      recencyDays: row.recency_days,
      frequency: row.frequency,
      monetaryCents: Number(row.monetary_cents),
      r: r!,
      f: f!,
      m: m!,
      segment: segmentFor(r!, f!, m!),
    };
  });
}

/** The migration matrix from `from` to `to`: customers with a segment at `to`, by their two segments. */
export async function rfmMigrations(
  db: DbOrTx,
  reader: Reader,
  from: string,
  to: string,
): Promise<MigrationCell[]> {
  const [before, after] = await Promise.all([rfmScores(db, reader, from), rfmScores(db, reader, to)]);
  const earlier = new Map(before.map((row) => [row.customerId, row.segment]));
  const cells = new Map<string, MigrationCell>();
  for (const row of after) {
    const fromSegment: RfmSegment | 'none' = earlier.get(row.customerId) ?? 'none';
    const key = `${fromSegment}>${row.segment}`;
    const cell = cells.get(key) ?? { fromSegment, toSegment: row.segment, customers: 0, revenueCents: 0 };
    cell.customers += 1;
    cell.revenueCents += row.monetaryCents;
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
  year_before_cents: string | number;
  rhythm: number | null;
}

/**
 * Every customer with a purchase on or before `to`, with their segment then and now, revenue
 * (M at `to`), recency and rhythm: the rows behind the matrix's cells and the churn-risk list.
 *
 * One read of the orders up to `to` gives both scorings (each ranked over its own customers,
 * as `rfmScores` does), the revenue of the year before M's (D − 729 … D − 365, for the forecast)
 * and the rhythm: the median of the days between consecutive purchases up to `to`, rounded (as
 * `customerFigures` on the laptop), absent with one purchase.
 */
export async function rfmCustomers(
  db: DbOrTx,
  reader: Reader,
  from: string,
  to: string,
): Promise<RfmCustomer[]> {
  const counted = sql`${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')`;
  const rows = await queryRows<CustomerRow>(
    db,
    sql`
      with purchases as (
        select ${orders.customerId} as customer_id, ${orders.orderedAt} as ordered_at,
          ${orders.totalExclCents} as cents,
          date_part('epoch', ${orders.orderedAt} - lag(${orders.orderedAt}) over (
            partition by ${orders.customerId} order by ${orders.orderedAt})) / 86400 as gap
        from ${orders} join ${customers} on ${customers.id} = ${orders.customerId}
        where ${counted} and ${orders.orderedAt} < ${endOf(to)}
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
          coalesce(sum(cents) filter (where ordered_at >= ${startBefore(to, 364)}), 0)::bigint as monetary_cents,
          coalesce(sum(cents) filter (where ordered_at >= ${startBefore(to, 729)} and ordered_at < ${startBefore(to, 364)}), 0)
            ::bigint as year_before_cents,
          round((percentile_cont(0.5) within group (order by gap))::numeric)::int as rhythm
        from purchases group by customer_id
      ), scored_to as (
        select customer_id, ${scoreColumns} from per_customer
      ), scored_from as (
        select customer_id, ${scoreColumns}
        from (
          select customer_id, from_recency as recency_days, from_frequency as frequency,
            from_monetary as monetary_cents
          from per_customer where from_recency is not null
        ) as at_from
      )
      select per_customer.customer_id, ${customers.name} as name, ${customers.city} as city,
        ${users.name} as rep_name, per_customer.recency_days, per_customer.monetary_cents,
        scored_to.r, scored_to.f, scored_to.m,
        scored_from.r as from_r, scored_from.f as from_f, scored_from.m as from_m,
        per_customer.year_before_cents, per_customer.rhythm
      from per_customer
      join scored_to on scored_to.customer_id = per_customer.customer_id
      left join scored_from on scored_from.customer_id = per_customer.customer_id
      join ${customers} on ${customers.id} = per_customer.customer_id
      left join ${users} on ${users.id} = ${customers.ownerId}
      order by ${customers.externalRef} nulls last, per_customer.customer_id`,
  );
  return rows.map((row) => {
    const rhythmDays = row.rhythm;
    const fromSegment =
      row.from_r === null || row.from_f === null || row.from_m === null
        ? 'none'
        : segmentFor(row.from_r as Score, row.from_f as Score, row.from_m as Score);
    return {
      customerId: row.customer_id,
      name: row.name,
      city: row.city,
      repName: row.rep_name,
      fromSegment,
      toSegment: segmentFor(row.r as Score, row.f as Score, row.m as Score),
      monetaryCents: Number(row.monetary_cents),
      yearBeforeCents: Number(row.year_before_cents),
      recencyDays: row.recency_days,
      rhythmDays,
      overdue: rhythmDays !== null && rhythmDays > 0 && row.recency_days > OVERDUE_FACTOR * rhythmDays,
    };
  });
}
