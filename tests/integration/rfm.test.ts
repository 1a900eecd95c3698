/**
 * RFM at head office (SQL) against the laptop's function and against an independent
 * implementation of the definition (plain counting), on the demo company; the migration matrix
 * likewise; each caller sees only their scope; bad dates are refused.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRfmRow, MigrationCell } from '../../src/shared/contract/rfm.js';
import type { RfmOrder } from '../../src/shared/domain/rfm/rfm.js';
import { computeRfm, segmentFor } from '../../src/shared/domain/rfm/rfm.js';
import type { Score } from '../../src/shared/domain/rfm/rfm.js';
import { customers, orders, users } from '../../src/server/db/schema.js';
import { backends, DEMO, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = isoDay(Date.now());
const HALF_YEAR_AGO = isoDay(Date.now() - 182 * DAY);

interface Purchase {
  customerId: string;
  day: number;
  cents: number;
}

/**
 * The definition read literally, by a different route from the product's: for each customer,
 * count the customers with a strictly worse value one by one.
 */
function independentRfm(
  purchases: readonly Purchase[],
  asOf: string,
): Map<string, Omit<CustomerRfmRow, 'customerRef'>> {
  const d = Math.floor(Date.parse(`${asOf}T00:00:00Z`) / DAY);
  const figures = new Map<string, { last: number; f: number; m: number }>();
  for (const p of purchases) {
    if (p.day > d) continue;
    const row = figures.get(p.customerId) ?? { last: -Infinity, f: 0, m: 0 };
    row.last = Math.max(row.last, p.day);
    if (p.day >= d - 364) {
      row.f += 1;
      row.m += p.cents;
    }
    figures.set(p.customerId, row);
  }
  const all = [...figures.entries()].map(([id, x]) => ({ id, recency: d - x.last, f: x.f, m: x.m }));
  const n = all.length;
  const score = (worse: number) => (1 + Math.floor((5 * worse) / n)) as Score;
  const result = new Map<string, Omit<CustomerRfmRow, 'customerRef'>>();
  for (const c of all) {
    let worseR = 0;
    let worseF = 0;
    let worseM = 0;
    for (const o of all) {
      if (o.recency > c.recency) worseR += 1;
      if (o.f < c.f) worseF += 1;
      if (o.m < c.m) worseM += 1;
    }
    const [r, f, m] = [score(worseR), score(worseF), score(worseM)];
    result.set(c.id, {
      customerId: c.id,
      recencyDays: c.recency,
      frequency: c.f,
      monetaryCents: c.m,
      r,
      f,
      m,
      segment: segmentFor(r, f, m),
    });
  }
  return result;
}

describe.each(backends)('RFM at head office on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let manager: string;
  let camille: string;
  let rows: RfmOrder[];
  let allCustomerIds: string[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    [admin, manager, camille] = await Promise.all([
      server.login(DEMO.admin),
      server.login(DEMO.manager),
      server.login(DEMO.camille),
    ]);
    const db = server.database.db;
    allCustomerIds = (
      await db.select({ id: customers.id }).from(customers).where(isNull(customers.deletedAt))
    ).map((c) => c.id);
    rows = (
      await db
        .select({
          customerId: orders.customerId,
          orderedAt: orders.orderedAt,
          totalExclCents: orders.totalExclCents,
          status: orders.status,
        })
        .from(orders)
        .where(isNull(orders.deletedAt))
    ).map((o) => ({ ...o, orderedAt: new Date(o.orderedAt).toISOString() }));
  });

  afterAll(async () => {
    await server.close();
  });

  const purchases = () =>
    rows
      .filter((o) => o.status !== 'cancelled' && o.status !== 'draft')
      .map((o) => ({
        customerId: o.customerId,
        day: Math.floor(Date.parse(o.orderedAt) / DAY),
        cents: o.totalExclCents,
      }));

  it('gives, customer by customer, what the laptop computes and what the definition read literally gives', async () => {
    const { customers: sqlRows } = await server.ok<{ customers: CustomerRfmRow[] }>(
      'rfm-scores',
      { asOf: TODAY },
      admin,
    );
    expect(sqlRows.length).toBeGreaterThan(20);
    // Ties exist on the demo company (F and R above all), so this exercises the tie rule.
    expect(new Set(sqlRows.map((r) => r.frequency)).size).toBeLessThan(sqlRows.length);

    const laptop = computeRfm(allCustomerIds, rows, new Date(`${TODAY}T12:00:00Z`));
    const independent = independentRfm(purchases(), TODAY);
    expect(sqlRows.length).toBe(independent.size);
    for (const row of sqlRows) {
      const { customerRef: _ref, ...figures } = row;
      expect(figures, row.customerId).toEqual(independent.get(row.customerId));
      const mine = laptop.get(row.customerId)!;
      expect(
        {
          recencyDays: mine.recencyDays,
          frequency: mine.frequency,
          monetaryCents: mine.monetaryCents,
          ...mine.scores,
          segment: mine.segment,
        },
        row.customerId,
      ).toEqual({
        recencyDays: row.recencyDays,
        frequency: row.frequency,
        monetaryCents: row.monetaryCents,
        r: row.r,
        f: row.f,
        m: row.m,
        segment: row.segment,
      });
    }
  });

  it('gives the migration matrix cell by cell as counted from the two days independently', async () => {
    const { cells } = await server.ok<{ cells: MigrationCell[] }>(
      'rfm-migrations',
      { from: HALF_YEAR_AGO, to: TODAY },
      admin,
    );
    const before = independentRfm(purchases(), HALF_YEAR_AGO);
    const after = independentRfm(purchases(), TODAY);
    const expected = new Map<string, MigrationCell>();
    for (const row of after.values()) {
      const fromSegment = before.get(row.customerId)?.segment ?? 'none';
      const key = `${fromSegment}>${row.segment}`;
      const cell = expected.get(key) ?? {
        fromSegment,
        toSegment: row.segment,
        customers: 0,
        revenueCents: 0,
      };
      cell.customers += 1;
      cell.revenueCents += row.monetaryCents;
      expected.set(key, cell);
    }
    const byKey = (list: Iterable<MigrationCell>) =>
      [...list].sort((a, b) =>
        `${a.fromSegment}>${a.toSegment}`.localeCompare(`${b.fromSegment}>${b.toSegment}`),
      );
    expect(byKey(cells)).toEqual(byKey(expected.values()));
    expect(cells.reduce((n, c) => n + c.customers, 0)).toBe(after.size);
  });

  it('scores a manager over their team and a rep over their portfolio only', async () => {
    const db = server.database.db;
    const team = await db
      .select({ id: customers.id })
      .from(customers)
      .innerJoin(users, eq(users.id, customers.ownerId))
      .where(and(eq(users.teamId, server.ids.teamId), isNull(customers.deletedAt)));
    const own = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.ownerId, server.ids.repIds.camille), isNull(customers.deletedAt)));

    const teamIds = new Set(team.map((c) => c.id));
    const ownIds = new Set(own.map((c) => c.id));
    const forManager = await server.ok<{ customers: CustomerRfmRow[] }>(
      'rfm-scores',
      { asOf: TODAY },
      manager,
    );
    const forRep = await server.ok<{ customers: CustomerRfmRow[] }>('rfm-scores', { asOf: TODAY }, camille);
    expect(forManager.customers.length).toBeGreaterThan(0);
    expect(forManager.customers.every((c) => teamIds.has(c.customerId))).toBe(true);
    expect(forRep.customers.length).toBeGreaterThan(0);
    expect(forRep.customers.every((c) => ownIds.has(c.customerId))).toBe(true);
    expect(forRep.customers.length).toBeLessThan(forManager.customers.length);
    // A rep's scores rank their own portfolio: the same definition over fewer customers.
    const ownPurchases = purchases().filter((p) => ownIds.has(p.customerId));
    const expected = independentRfm(ownPurchases, TODAY);
    for (const row of forRep.customers) {
      const { customerRef: _ref, ...figures } = row;
      expect(figures).toEqual(expected.get(row.customerId));
    }

    const anonymous = await server.call('rfm-scores', { asOf: TODAY });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a reversed period, a date in the future and a malformed date, naming the field', async () => {
    const reversed = await server.call('rfm-migrations', { from: TODAY, to: HALF_YEAR_AGO }, manager);
    expect(reversed.body).toMatchObject({
      ok: false,
      error: { code: 'bad-request', key: 'rfm.periodReversed', field: 'to' },
    });
    const future = await server.call('rfm-scores', { asOf: isoDay(Date.now() + 3 * DAY) }, manager);
    expect(future.body).toMatchObject({ ok: false, error: { key: 'rfm.dateInFuture', field: 'asOf' } });
    const malformed = await server.call('rfm-scores', { asOf: '2026-13-40' }, manager);
    expect(malformed.status).toBe(400);
  });
});
