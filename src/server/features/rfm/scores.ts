/**
 * RFM in SQL, the definition of `shared/domain/rfm/rfm.ts` word for word: days counted on the
 * company's calendar day of `ordered_at`; F and M over D − 364 … D; scores `1 + floor(5 × (rank − 1) / N)`
 * where rank − 1 is the number of customers strictly worse, so ties share a score. The segment
 * comes from the shared rule table, so both sides map scores alike. Purchases are read from
 * `order_facts`, head office's copy of the counted orders kept by triggers (migration 0017).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CustomerRfmRow, MigrationCell, RfmCustomer } from '../../../shared/contract/rfm.js';
import type { Score } from '../../../shared/domain/rfm/rfm.js';
import { OVERDUE_FACTOR, segmentFor, segmentForSum } from '../../../shared/domain/rfm/rfm.js';
import { COMPANY_TIME_ZONE } from '../../../shared/lib/calendar.js';
import { customers, orderFacts, users } from '../../db/schema.js';
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

/** The columns of one day's figures and scores in the steps below (`from_` for the earlier day). */
interface DayColumns {
  recency: string;
  frequency: string;
  monetary: string;
  r: string;
  f: string;
  m: string;
}
const LATER: DayColumns = {
  recency: 'recency_days',
  frequency: 'frequency',
  monetary: 'monetary_cents',
  r: 'r',
  f: 'f',
  m: 'm',
};
const EARLIER: DayColumns = {
  recency: 'from_recency',
  frequency: 'from_frequency',
  monetary: 'from_monetary',
  r: 'from_r',
  f: 'from_f',
  m: 'from_m',
};
const STEPS = [1, 2, 3, 4] as const;

/**
 * The score of a value is `1 + floor(5 × c / N)`, c the customers strictly worse: it reaches
 * k + 1 exactly when c ≥ ⌈kN/5⌉, that is when the ⌈kN/5⌉-th worst value is strictly worse than
 * it. So a day is scored from four values per figure, read from its customers' values sorted
 * worst first (one sort of a column each), instead of ranking whole rows: ties share a score by
 * construction. With `among`, only the rows where it holds count and are scored (others: null).
 */
function dayScores(day: DayColumns, among?: string) {
  const figures = [
    { column: day.recency, as: day.r, order: 'desc', worse: '>' },
    { column: day.frequency, as: day.f, order: 'asc', worse: '<' },
    { column: day.monetary, as: day.m, order: 'asc', worse: '<' },
  ] as const;
  const filter = among === undefined ? '' : ` filter (where ${among})`;
  const n = `${day.r}_n`;
  return {
    /** Columns of the one-row `sorted` step: the count and each figure's values worst first. */
    sorted: [
      `count(*)${filter} as ${n}`,
      ...figures.map(
        (x) => `array_agg(${x.column} order by ${x.column} ${x.order})${filter} as ${x.as}_sorted`,
      ),
    ],
    /** Columns of the one-row `limits` step: the ⌈kN/5⌉-th worst value of each figure. */
    limits: figures.flatMap((x) => STEPS.map((k) => `${x.as}_sorted[(${k} * ${n} + 4) / 5] as ${x.as}_${k}`)),
    /** The scores of a row of the scored relation. */
    scores: figures.map((x) => {
      const value = `1 + ${STEPS.map((k) => `(${x.as}_${k} ${x.worse} ${x.column})::int`).join(' + ')}`;
      return among === undefined ? `${value} as ${x.as}` : `case when ${among} then ${value} end as ${x.as}`;
    }),
  };
}

/**
 * The steps of a `with` ending in `scored`, one row per customer in the reader's scope with a
 * purchase on or before `to`: its figures and scores as of `to`; with `from`, also as of `from`
 * for those who had bought by then (each day ranked over its own customers, as `rfmScores`
 * does); with `history`, the rhythm (median days between consecutive purchases up to `to`,
 * rounded as `customerFigures` on the laptop; null with one purchase) and the revenue of the year
 * before M's (D − 729 … D − 365, for the forecast). Each row also carries the customer's
 * reference, name, town and rep.
 *
 * One read of the purchases (`order_facts`: the counted orders, each with the days since the
 * customer's previous one) in (customer, instant) order through their covering index, so the
 * per-customer sums and the median gap need no sort of the orders; the scope is applied to the
 * purchases read (a semi-join, skipped for an admin, who sees every customer) and again, with
 * deleted customers left out, before anything is ranked.
 */
function scoredCustomers(reader: Reader, days: { from?: string; to: string }, history: boolean): SQL {
  const { from, to } = days;
  const readsEveryone = reader.role === 'admin';
  const later = dayScores(LATER);
  const earlier = from === undefined ? null : dayScores(EARLIER, `${EARLIER.recency} is not null`);
  const figuresAt = (day: string, columns: DayColumns, before: SQL | null) => {
    const upTo = before === null ? sql`` : sql` and ordered_at < ${before}`;
    return sql`
          (${day}::date - (max(ordered_at)${before === null ? sql`` : sql` filter (where ordered_at < ${before})`}
            at time zone ${zone})::date)::int as ${sql.raw(columns.recency)},
          (count(*) filter (where ordered_at >= ${startBefore(day, 364)}${upTo}))::int as ${sql.raw(columns.frequency)},
          coalesce(sum(cents) filter (where ordered_at >= ${startBefore(day, 364)}${upTo}), 0)::bigint
            as ${sql.raw(columns.monetary)}`;
  };
  const raw = (parts: string[]) => sql.raw(parts.join(', '));
  return sql`
      purchases as (
        select ${orderFacts.customerId} as customer_id, ${orderFacts.orderedAt} as ordered_at,
          ${orderFacts.totalExclCents} as cents${history ? sql`, ${orderFacts.gapDays} as gap` : sql``}
        from ${orderFacts}
        where ${orderFacts.orderedAt} < ${endOf(to)}${
          readsEveryone
            ? sql``
            : sql` and ${orderFacts.customerId} in (
            select ${customers.id} from ${customers} where ${customers.deletedAt} is null and ${customerScope(reader)})`
        }
      ), per_customer as (
        select customer_id,${figuresAt(to, LATER, null)}${from === undefined ? sql`` : sql`,${figuresAt(from, EARLIER, endOf(from))}`}${
          history
            ? sql`,
          round((percentile_cont(0.5) within group (order by gap))::numeric)::int as rhythm,
          coalesce(sum(cents) filter (
            where ordered_at >= ${startBefore(to, 729)} and ordered_at < ${startBefore(to, 364)}), 0)::bigint
            as year_before_cents`
            : sql``
        }
        from purchases group by customer_id
      ), in_scope as (
        select per_customer.*, ${customers.externalRef} as customer_ref, ${customers.name} as name,
          ${customers.city} as city, ${customers.ownerId} as owner_id
        from per_customer join ${customers} on ${customers.id} = per_customer.customer_id
        where ${customers.deletedAt} is null and ${customerScope(reader)}
      ), sorted as (
        select ${raw([...later.sorted, ...(earlier?.sorted ?? [])])} from in_scope
      ), limits as materialized (
        -- Materialized: inlined, each score would index the sorted arrays again, row by row.
        select ${raw([...later.limits, ...(earlier?.limits ?? [])])} from sorted
      ), scored as (
        select in_scope.*, ${raw([...later.scores, ...(earlier?.scores ?? [])])}
        from in_scope cross join limits
      )`;
}

/** A scored customer as the query's JSON gives it (monetary: a JSON number, cents below 2^53). */
type ScoreTuple = [string, string | null, number, number, number, Score, Score, Score];

/** Every customer the reader may see with a purchase on or before `asOf` (YYYY-MM-DD). */
export async function rfmScores(db: DbOrTx, reader: Reader, asOf: string): Promise<CustomerRfmRow[]> {
  // One JSON value of [id, ref, recency, frequency, monetary, r, f, m] rows, not a row each:
  // PGlite hands each row from its engine to JavaScript at a cost that, for a whole company's
  // customers, was most of the time.
  const [result] = await queryRows<{ rows: ScoreTuple[] | null }>(
    db,
    sql`
      with ${scoredCustomers(reader, { to: asOf }, false)}
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
      with ${scoredCustomers(reader, { from, to }, false)}
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

/** A customer of `rfmCustomers` as the query gives it (bigint sums arrive as text from node-postgres). */
interface CustomerRow {
  customer_id: string;
  name: string;
  city: string;
  rep_name: string | null;
  recency_days: number;
  monetary_cents: string | number;
  r: Score;
  f: Score;
  m: Score;
  from_r: Score | null;
  from_f: Score | null;
  from_m: Score | null;
  rhythm: number | null;
  year_before_cents: string | number;
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
  // Rows, not one JSON value as `rfmScores` gives: on PostgreSQL (the scaled-out head office,
  // where the figures' goal is measured), node-postgres decodes them faster than the server
  // builds the JSON of a team's customers; PGlite, which hands rows over one by one, pays more.
  const rows = await queryRows<CustomerRow>(
    db,
    sql`
      with ${scoredCustomers(reader, { from, to }, true)}
      select scored.customer_id, scored.name, scored.city, ${users.name} as rep_name, scored.recency_days,
        scored.monetary_cents, scored.r, scored.f, scored.m, scored.from_r, scored.from_f, scored.from_m,
        scored.rhythm, scored.year_before_cents
      from scored left join ${users} on ${users.id} = scored.owner_id
      order by scored.customer_ref nulls last, scored.customer_id`,
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    name: row.name,
    city: row.city,
    repName: row.rep_name,
    fromSegment:
      row.from_r === null || row.from_f === null || row.from_m === null
        ? 'none'
        : segmentFor(row.from_r, row.from_f, row.from_m),
    toSegment: segmentFor(row.r, row.f, row.m),
    monetaryCents: Number(row.monetary_cents),
    yearBeforeCents: Number(row.year_before_cents),
    recencyDays: row.recency_days,
    rhythmDays: row.rhythm,
    overdue: row.rhythm !== null && row.rhythm > 0 && row.recency_days > OVERDUE_FACTOR * row.rhythm,
  }));
}
