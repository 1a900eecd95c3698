/**
 * Head office's `order_facts` (migration 0017): whatever a statement does to `orders` (insert,
 * bulk insert, status moves, tombstones, a new instant or total, an order moved to another
 * customer, a hard delete), the facts afterwards are exactly the counted orders, each with the
 * days since the same customer's previous counted order. Checked after every step of random
 * sequences, on PGlite and PostgreSQL; and two transactions writing one customer's orders at once
 * on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/server/db/connect.js';
import { customers, orders } from '../../src/server/db/schema.js';
import { queryRows } from '../../src/server/db/types.js';
import { backends } from './harness.js';

const DAY_MS = 86_400_000;
const BASE = Date.parse('2025-01-06T09:00:00Z');
const COUNTED = new Set(['received', 'confirmed', 'shipped', 'delivered']);

interface OrderRow {
  id: string;
  customer_id: string;
  ordered_ms: number;
  status: string;
  deleted: boolean;
  total_excl_cents: string | number;
}
interface FactRow {
  order_id: string;
  customer_id: string;
  ordered_ms: number;
  total_excl_cents: string | number;
  gap_days: number | null;
}

/** The facts the definition gives, from the orders as they are. */
function expectedFacts(rows: OrderRow[]) {
  const counted = rows
    .filter((o) => !o.deleted && COUNTED.has(o.status))
    .sort(
      (a, b) =>
        a.customer_id.localeCompare(b.customer_id) || a.ordered_ms - b.ordered_ms || a.id.localeCompare(b.id),
    );
  return counted.map((o, i) => {
    const previous = counted[i - 1];
    return {
      orderId: o.id,
      customerId: o.customer_id,
      orderedAt: o.ordered_ms,
      cents: Number(o.total_excl_cents),
      gapDays: previous?.customer_id === o.customer_id ? (o.ordered_ms - previous.ordered_ms) / DAY_MS : null,
    };
  });
}

async function factsNow(database: Database) {
  const rows = await queryRows<FactRow>(
    database.db,
    sql`select order_id, customer_id, (extract(epoch from ordered_at) * 1000)::float8 as ordered_ms, total_excl_cents,
      gap_days from order_facts`,
  );
  return rows
    .map((f) => ({
      orderId: f.order_id,
      customerId: f.customer_id,
      orderedAt: f.ordered_ms,
      cents: Number(f.total_excl_cents),
      gapDays: f.gap_days === null ? null : Math.round(f.gap_days * 1e6) / 1e6,
    }))
    .sort(
      (a, b) =>
        a.customerId.localeCompare(b.customerId) ||
        a.orderedAt - b.orderedAt ||
        a.orderId.localeCompare(b.orderId),
    );
}

async function ordersNow(database: Database) {
  return queryRows<OrderRow>(
    database.db,
    sql`select id, customer_id, (extract(epoch from ordered_at) * 1000)::float8 as ordered_ms, status,
      deleted_at is not null as deleted, total_excl_cents from orders`,
  );
}

const rounded = (facts: ReturnType<typeof expectedFacts>) =>
  facts.map((f) => ({ ...f, gapDays: f.gapDays === null ? null : Math.round(f.gapDays * 1e6) / 1e6 }));

type Step =
  | {
      kind: 'insert';
      customer: number;
      day: number;
      hour: number;
      status: string;
      cents: number;
      count: number;
    }
  | { kind: 'status'; order: number; status: string }
  | { kind: 'tombstone'; order: number }
  | { kind: 'move'; order: number; day: number }
  | { kind: 'total'; order: number; cents: number }
  | { kind: 'reassign'; order: number; customer: number }
  | { kind: 'delete'; order: number }
  | { kind: 'touch'; order: number };

const statusArb = fc.constantFrom('draft', 'received', 'confirmed', 'delivered', 'cancelled');
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    customer: fc.nat(3),
    day: fc.nat(400),
    hour: fc.nat(10),
    status: statusArb,
    cents: fc.integer({ min: 0, max: 500_000 }),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('status' as const), order: fc.nat(), status: statusArb }),
  fc.record({ kind: fc.constant('tombstone' as const), order: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), order: fc.nat(), day: fc.nat(400) }),
  fc.record({
    kind: fc.constant('total' as const),
    order: fc.nat(),
    cents: fc.integer({ min: 0, max: 500_000 }),
  }),
  fc.record({ kind: fc.constant('reassign' as const), order: fc.nat(), customer: fc.nat(3) }),
  fc.record({ kind: fc.constant('delete' as const), order: fc.nat() }),
  fc.record({ kind: fc.constant('touch' as const), order: fc.nat() }),
);

describe.each(backends)('order facts kept by triggers on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  let customerIds: string[];
  let url: string | undefined;

  beforeAll(async () => {
    const created = await backend.create();
    drop = created.drop;
    url = created.options.url;
    database = await openDatabase(created.options);
    customerIds = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await database.db
      .insert(customers)
      .values(customerIds.map((id, i) => ({ id, name: `Client ${i}`, status: 'customer' as const })));
  });

  afterAll(async () => {
    await database.close();
    await drop();
  });

  let numbers = 0;
  async function apply(step: Step, ids: string[]): Promise<void> {
    const db = database.db;
    const pick = (n: number) => ids[n % ids.length];
    switch (step.kind) {
      case 'insert': {
        // Several rows in one statement: the trigger sees them together.
        const rows = Array.from({ length: step.count }, (_, i) => ({
          id: uuidv7(),
          customerId: customerIds[(step.customer + i) % customerIds.length]!,
          number: `T-${(numbers += 1)}`,
          orderedAt: new Date(BASE + step.day * DAY_MS + (step.hour + i) * 3_600_000),
          status: step.status as 'draft',
          totalExclCents: step.cents,
          totalVatCents: 0,
          totalInclCents: step.cents,
        }));
        await db.insert(orders).values(rows);
        ids.push(...rows.map((r) => r.id));
        return;
      }
      case 'status':
      case 'tombstone':
      case 'move':
      case 'total':
      case 'reassign':
      case 'delete':
      case 'touch': {
        const id = pick(step.order);
        if (id === undefined) return;
        if (step.kind === 'status')
          await db.execute(sql`update orders set status = ${step.status} where id = ${id}`);
        if (step.kind === 'tombstone')
          await db.execute(sql`update orders set deleted_at = now() where id = ${id}`);
        if (step.kind === 'move')
          await db.execute(
            sql`update orders set ordered_at = ${new Date(BASE + step.day * DAY_MS).toISOString()} where id = ${id}`,
          );
        if (step.kind === 'total')
          await db.execute(sql`update orders set total_excl_cents = ${step.cents} where id = ${id}`);
        if (step.kind === 'reassign')
          await db.execute(
            sql`update orders set customer_id = ${customerIds[step.customer % customerIds.length]!} where id = ${id}`,
          );
        if (step.kind === 'touch')
          await db.execute(sql`update orders set note = 'vu', version = version + 1 where id = ${id}`);
        if (step.kind === 'delete') {
          await db.execute(sql`delete from orders where id = ${id}`);
          ids.splice(ids.indexOf(id), 1);
        }
        return;
      }
    }
  }

  it('equal the counted orders with their gaps after every statement', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 25 }), async (steps) => {
        await database.db.execute(sql`delete from orders`);
        const ids: string[] = [];
        for (const step of steps) {
          await apply(step, ids);
          expect(await factsNow(database), JSON.stringify(step)).toEqual(
            rounded(expectedFacts(await ordersNow(database))),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a cancelled order leaves the facts and the next purchase counts its gap from the one before', async () => {
    await database.db.execute(sql`delete from orders`);
    const [customer] = customerIds;
    const at = (day: number) => new Date(BASE + day * DAY_MS);
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    await database.db.insert(orders).values(
      ids.map((id, i) => ({
        id,
        customerId: customer!,
        number: `C-${i}`,
        orderedAt: at(i * 10),
        status: 'confirmed' as const,
        totalExclCents: 1000,
        totalVatCents: 200,
        totalInclCents: 1200,
      })),
    );
    expect((await factsNow(database)).map((f) => f.gapDays)).toEqual([null, 10, 10]);
    await database.db.execute(sql`update orders set status = 'cancelled' where id = ${ids[1]!}`);
    expect((await factsNow(database)).map((f) => [f.orderId, f.gapDays])).toEqual([
      [ids[0], null],
      [ids[2], 20],
    ]);
  });

  /** Whether the session `pid` is waiting for a lock another transaction holds. */
  const waitingOnLock = async (pid: number) =>
    (
      await queryRows<{ waiting: boolean }>(
        database.db,
        sql`select coalesce(bool_or(wait_event_type = 'Lock'), false) as waiting from pg_stat_activity where pid = ${pid}`,
      )
    )[0]?.waiting === true;

  it.runIf(backend.name === 'postgres')(
    'two transactions writing one customer’s orders at once both succeed and leave the right facts',
    async () => {
      await database.db.execute(sql`delete from orders`);
      const [customer] = customerIds;
      const a = new pg.Client({ connectionString: url });
      const b = new pg.Client({ connectionString: url });
      await Promise.all([a.connect(), b.connect()]);
      try {
        const insert = (client: pg.Client, day: number) =>
          client.query(
            `insert into orders (id, customer_id, number, ordered_at, status, total_excl_cents, total_vat_cents, total_incl_cents)
             values ($1, $2, $3, $4, 'confirmed', 100, 20, 120)`,
            [uuidv7(), customer, `P-${day}`, new Date(BASE + day * DAY_MS)],
          );
        await a.query('begin');
        await b.query('begin');
        await insert(a, 1);
        // b's refresh waits for a's lock on the customer, then reads what a committed.
        const pid = (await b.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
        const second = insert(b, 5);
        await expect.poll(() => waitingOnLock(pid), { timeout: 10_000, interval: 50 }).toBe(true);
        await a.query('commit');
        await second;
        await b.query('commit');
      } finally {
        await Promise.all([a.end(), b.end()]);
      }
      expect((await factsNow(database)).map((f) => f.gapDays)).toEqual([null, 4]);
      expect(await factsNow(database)).toEqual(rounded(expectedFacts(await ordersNow(database))));
    },
  );
});
