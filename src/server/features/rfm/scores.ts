/**
 * RFM in SQL, the definition of `shared/domain/rfm/rfm.ts` word for word: days counted on the
 * company's calendar day of `ordered_at`; F and M over D − 364 … D; scores `1 + floor(5 × (rank − 1) / N)`
 * where `rank()` over worst-first order is 1 + the customers strictly worse, so ties share a
 * score. The segment comes from the shared rule table, so both sides map scores alike.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { CustomerRfmRow, MigrationCell, RfmCustomer } from '../../../shared/contract/rfm.js';
import type { RfmSegment, Score } from '../../../shared/domain/rfm/rfm.js';
import { OVERDUE_FACTOR, segmentFor } from '../../../shared/domain/rfm/rfm.js';
import { COMPANY_TIME_ZONE } from '../../../shared/lib/calendar.js';
import { customers, orders, users } from '../../db/schema.js';
import { queryRows } from '../../db/types.js';
import type { DbOrTx } from '../../db/types.js';
import { customerScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';

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
  const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);
  const rows = await queryRows<ScoreRow>(
    db,
    sql`
      with purchases as (
        select ${orders.customerId} as customer_id, ${orders.totalExclCents} as cents,
          (${orders.orderedAt} at time zone ${zone})::date as day
        from ${orders}
        where ${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')
          and ${orders.orderedAt} < (${asOf}::date + 1)::timestamp at time zone ${zone}
      ), figures as (
        select ${customers.id} as customer_id, ${customers.externalRef} as customer_ref,
          (${asOf}::date - max(purchases.day))::int as recency_days,
          (count(*) filter (where purchases.day > ${asOf}::date - 365))::int as frequency,
          coalesce(sum(purchases.cents) filter (where purchases.day > ${asOf}::date - 365), 0)::bigint
            as monetary_cents
        from purchases
        join ${customers} on ${customers.id} = purchases.customer_id
        where ${customers.deletedAt} is null and ${customerScope(reader)}
        group by ${customers.id}, ${customers.externalRef}
      ), ranked as (
        select figures.*, count(*) over () as n,
          rank() over (order by recency_days desc) as r_rank,
          rank() over (order by frequency) as f_rank,
          rank() over (order by monetary_cents) as m_rank
        from figures
      )
      -- n comes from a window, not a join (a join with count(*) may be re-run per row);
      -- bigint division is floor here, every value being ≥ 0.
      select customer_id, customer_ref, recency_days, frequency, monetary_cents,
        (1 + (5 * (r_rank - 1)) / n)::int as r,
        (1 + (5 * (f_rank - 1)) / n)::int as f,
        (1 + (5 * (m_rank - 1)) / n)::int as m
      from ranked
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

interface RhythmRow {
  customer_id: string;
  rhythm: number | null;
}

/**
 * Each customer's usual rhythm as of `asOf`: the median of the days between consecutive
 * purchases up to that day, rounded (as `customerFigures` on the laptop); absent with one purchase.
 */
async function rhythmsAsOf(db: DbOrTx, reader: Reader, asOf: string): Promise<Map<string, number>> {
  const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);
  const rows = await queryRows<RhythmRow>(
    db,
    sql`
      with purchases as (
        select ${orders.customerId} as customer_id, ${orders.orderedAt} as ordered_at
        from ${orders} join ${customers} on ${customers.id} = ${orders.customerId}
        where ${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')
          and ${orders.orderedAt} < (${asOf}::date + 1)::timestamp at time zone ${zone}
          and ${customers.deletedAt} is null and ${customerScope(reader)}
      ), gaps as (
        select customer_id,
          extract(epoch from ordered_at - lag(ordered_at) over (partition by customer_id order by ordered_at))
            / 86400 as gap
        from purchases
      )
      select customer_id, round((percentile_cont(0.5) within group (order by gap))::numeric)::int as rhythm
      from gaps where gap is not null group by customer_id`,
  );
  return new Map(rows.flatMap((r) => (r.rhythm === null ? [] : [[r.customer_id, r.rhythm] as const])));
}

/** Each customer's revenue excluding tax over the 365 days before the year ending on `asOf` (D − 729 … D − 365). */
async function revenueOfYearBefore(db: DbOrTx, reader: Reader, asOf: string): Promise<Map<string, number>> {
  const zone = sql.raw(`'${COMPANY_TIME_ZONE}'`);
  const rows = await queryRows<{ customer_id: string; cents: string | number }>(
    db,
    sql`
      select ${orders.customerId} as customer_id, sum(${orders.totalExclCents})::bigint as cents
      from ${orders} join ${customers} on ${customers.id} = ${orders.customerId}
      where ${orders.deletedAt} is null and ${orders.status} not in ('cancelled', 'draft')
        and ${orders.orderedAt} >= (${asOf}::date - 729)::timestamp at time zone ${zone}
        and ${orders.orderedAt} < (${asOf}::date - 364)::timestamp at time zone ${zone}
        and ${customers.deletedAt} is null and ${customerScope(reader)}
      group by ${orders.customerId}`,
  );
  return new Map(rows.map((r) => [r.customer_id, Number(r.cents)]));
}

/**
 * Every customer with a purchase on or before `to`, with their segment then and now, revenue
 * (M at `to`), recency and rhythm: the rows behind the matrix's cells and the churn-risk list.
 */
export async function rfmCustomers(
  db: DbOrTx,
  reader: Reader,
  from: string,
  to: string,
): Promise<RfmCustomer[]> {
  const [before, after, rhythms, names, yearBefore] = await Promise.all([
    rfmScores(db, reader, from),
    rfmScores(db, reader, to),
    rhythmsAsOf(db, reader, to),
    db
      .select({ id: customers.id, name: customers.name, city: customers.city, repName: users.name })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(and(isNull(customers.deletedAt), customerScope(reader))),
    revenueOfYearBefore(db, reader, to),
  ]);
  const earlier = new Map(before.map((row) => [row.customerId, row.segment]));
  const named = new Map(names.map((n) => [n.id, n]));
  return after.map((row) => {
    const rhythmDays = rhythms.get(row.customerId) ?? null;
    const who = named.get(row.customerId);
    return {
      customerId: row.customerId,
      name: who?.name ?? '',
      city: who?.city ?? '',
      repName: who?.repName ?? null,
      fromSegment: earlier.get(row.customerId) ?? 'none',
      toSegment: row.segment,
      monetaryCents: row.monetaryCents,
      yearBeforeCents: yearBefore.get(row.customerId) ?? 0,
      recencyDays: row.recencyDays,
      rhythmDays,
      overdue: rhythmDays !== null && rhythmDays > 0 && row.recencyDays > OVERDUE_FACTOR * rhythmDays,
    };
  });
}
