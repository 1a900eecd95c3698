/**
 * RFM at head office (SQL) against the laptop's function and against an independent
 * implementation of the definition (plain counting), on the demo company; the migration matrix
 * likewise; each caller sees only their scope; bad dates are refused.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRfmRow, MigrationCell, RfmCustomer } from '../../src/shared/contract/rfm.js';
import type { RfmOrder } from '../../src/shared/domain/rfm/rfm.js';
import { computeRfm } from '../../src/shared/domain/rfm/rfm.js';
import { customers, orders, users } from '../../src/server/db/schema.js';
import { backends, DEMO, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';
import { DAY, independentMigrations, independentRfm } from './rfmIndependent.js';

/** The day in Paris, read with Intl (sv-SE writes YYYY-MM-DD). */
const isoDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const TODAY = isoDay(Date.now());
const HALF_YEAR_AGO = isoDay(Date.now() - 182 * DAY);

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
        day: Date.parse(`${isoDay(Date.parse(o.orderedAt))}T00:00:00Z`) / DAY,
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
    const after = independentRfm(purchases(), TODAY);
    const expected = independentMigrations(purchases(), HALF_YEAR_AGO, TODAY);
    const byKey = (list: Iterable<MigrationCell>) =>
      [...list].sort((a, b) =>
        `${a.fromSegment}>${a.toSegment}`.localeCompare(`${b.fromSegment}>${b.toSegment}`),
      );
    expect(byKey(cells)).toEqual(byKey(expected));
    expect(cells.reduce((n, c) => n + c.customers, 0)).toBe(after.size);
  });

  it('lists the customers behind every cell, with the laptop’s rhythm and overdue flag, within the scope', async () => {
    const { cells } = await server.ok<{ cells: MigrationCell[] }>(
      'rfm-migrations',
      { from: HALF_YEAR_AGO, to: TODAY },
      admin,
    );
    const { customers: listed } = await server.ok<{ customers: RfmCustomer[] }>(
      'rfm-customers',
      { from: HALF_YEAR_AGO, to: TODAY },
      admin,
    );
    const grouped = new Map<string, MigrationCell>();
    for (const c of listed) {
      const key = `${c.fromSegment}>${c.toSegment}`;
      const cell = grouped.get(key) ?? {
        fromSegment: c.fromSegment,
        toSegment: c.toSegment,
        customers: 0,
        revenueCents: 0,
      };
      cell.customers += 1;
      cell.revenueCents += c.monetaryCents;
      grouped.set(key, cell);
    }
    const byKey = (list: Iterable<MigrationCell>) =>
      [...list].sort((a, b) =>
        `${a.fromSegment}>${a.toSegment}`.localeCompare(`${b.fromSegment}>${b.toSegment}`),
      );
    expect(byKey(grouped.values())).toEqual(byKey(cells));

    const laptop = computeRfm(allCustomerIds, rows, new Date(`${TODAY}T12:00:00Z`));
    expect(listed.some((c) => c.overdue)).toBe(true);
    const today = Date.parse(`${TODAY}T00:00:00Z`) / DAY;
    const yearBefore = new Map<string, number>();
    for (const p of purchases()) {
      if (p.day >= today - 729 && p.day <= today - 365)
        yearBefore.set(p.customerId, (yearBefore.get(p.customerId) ?? 0) + p.cents);
    }
    for (const c of listed) {
      const mine = laptop.get(c.customerId)!;
      expect({ rhythm: c.rhythmDays, overdue: c.overdue, recency: c.recencyDays }, c.customerId).toEqual({
        rhythm: mine.rhythmDays,
        overdue: mine.overdue,
        recency: mine.recencyDays,
      });
      expect(c.name.length).toBeGreaterThan(0);
      // The year before M's (D − 729 … D − 365), for the forecast, counted plainly.
      expect(c.yearBeforeCents, c.customerId).toBe(yearBefore.get(c.customerId) ?? 0);
    }

    const team = new Set(
      (
        await server.database.db
          .select({ id: customers.id })
          .from(customers)
          .innerJoin(users, eq(users.id, customers.ownerId))
          .where(eq(users.teamId, server.ids.teamId))
      ).map((c) => c.id),
    );
    const forManager = await server.ok<{ customers: RfmCustomer[] }>(
      'rfm-customers',
      { from: HALF_YEAR_AGO, to: TODAY },
      manager,
    );
    expect(forManager.customers.length).toBeGreaterThan(0);
    expect(forManager.customers.every((c) => team.has(c.customerId))).toBe(true);
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

  it("ranks a manager's customers among their team's only, on both days", async () => {
    const team = new Set(
      (
        await server.database.db
          .select({ id: customers.id })
          .from(customers)
          .innerJoin(users, eq(users.id, customers.ownerId))
          .where(and(eq(users.teamId, server.ids.teamId), isNull(customers.deletedAt)))
      ).map((c) => c.id),
    );
    const teamPurchases = purchases().filter((p) => team.has(p.customerId));
    const now = independentRfm(teamPurchases, TODAY);
    const then = independentRfm(teamPurchases, HALF_YEAR_AGO);
    const { customers: listed } = await server.ok<{ customers: RfmCustomer[] }>(
      'rfm-customers',
      { from: HALF_YEAR_AGO, to: TODAY },
      manager,
    );
    expect(listed.length).toBe(now.size);
    // Ranked over the whole company instead, some scores would differ: the check has teeth.
    const company = independentRfm(purchases(), TODAY);
    expect(listed.some((c) => company.get(c.customerId)?.segment !== now.get(c.customerId)?.segment)).toBe(
      true,
    );
    for (const c of listed) {
      expect([c.fromSegment, c.toSegment, c.monetaryCents], c.customerId).toEqual([
        then.get(c.customerId)?.segment ?? 'none',
        now.get(c.customerId)?.segment,
        now.get(c.customerId)?.monetaryCents,
      ]);
    }
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

  it('neither lists nor ranks a deleted customer, whose orders stay', async () => {
    const before = independentRfm(purchases(), TODAY);
    const [gone] = [...before.entries()].sort((a, b) => b[1].frequency - a[1].frequency)[0]!;
    await server.database.db.update(customers).set({ deletedAt: new Date() }).where(eq(customers.id, gone));
    try {
      const { customers: scored } = await server.ok<{ customers: CustomerRfmRow[] }>(
        'rfm-scores',
        { asOf: TODAY },
        admin,
      );
      const expected = independentRfm(
        purchases().filter((p) => p.customerId !== gone),
        TODAY,
      );
      expect(scored.length).toBe(before.size - 1);
      for (const row of scored) {
        const { customerRef: _ref, ...figures } = row;
        expect(figures, row.customerId).toEqual(expected.get(row.customerId));
      }
      const { customers: listed } = await server.ok<{ customers: RfmCustomer[] }>(
        'rfm-customers',
        { from: HALF_YEAR_AGO, to: TODAY },
        admin,
      );
      expect(listed.map((c) => c.customerId)).not.toContain(gone);
      expect(listed.length).toBe(before.size - 1);
    } finally {
      await server.database.db.update(customers).set({ deletedAt: null }).where(eq(customers.id, gone));
    }
  });
});
