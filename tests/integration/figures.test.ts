/**
 * The team review at head office: its counts on the demo company against a plain recount of the
 * rows; the ratios; the scope of each role (a manager never sees another team's rep, through the
 * list or by asking for the rep); freshness as the laptops report it; bad periods refused.
 */
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ComplaintsReview,
  LostCustomer,
  ReviewCustomer,
  TeamReview,
} from '../../src/shared/contract/figures.js';
import type { PeriodCounts } from '../../src/shared/domain/figures/figures.js';
import type { FailureFigures } from '../../src/shared/domain/figures/visitFailures.js';
import { complaintEvents, complaints, customers, orders, users, visits } from '../../src/server/db/schema.js';
import { v7 as uuidv7 } from 'uuid';
import { backends, DEMO, pullInput, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';
import { DAY } from './rfmIndependent.js';

const isoDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
/** Calendar days before a day, counted on the day numbers (never on instants: a DST change between
 * the two would move a late-evening instant to the next day in Paris). */
const daysBefore = (day: string, n: number) =>
  new Date((dayNumber(day) - n) * DAY).toISOString().slice(0, 10);
const TODAY = isoDay(Date.now());
const FROM = daysBefore(TODAY, 119);
const PRIOR = { from: daysBefore(TODAY, 239), to: daysBefore(TODAY, 120) };

interface Rows {
  visits: { repId: string; customerId: string; channel: string; outcome: string; day: string }[];
  orders: {
    customerId: string;
    repId: string | null;
    at: number;
    day: string;
    cents: number;
    counts: boolean;
  }[];
  owners: Map<string, string | null>;
  complaints: { id: string; customerId: string; day: string; at: number }[];
  resolutions: Map<string, number>;
}

const between = (day: string, from: string, to: string) => day >= from && day <= to;

/** The review's counts recounted row by row, the plain way, for one owner/rep (or everyone). */
function recount(
  rows: Rows,
  from: string,
  to: string,
  prior: { from: string; to: string },
  rep: string | null,
) {
  const mine = (customerId: string) => rep === null || rows.owners.get(customerId) === rep;
  const visitsNow = rows.visits.filter((v) => between(v.day, from, to) && (rep === null || v.repId === rep));
  const counting = rows.orders.filter((o) => o.counts && rows.owners.has(o.customerId));
  const ordersNow = counting.filter(
    (o) => between(o.day, from, to) && (rep === null || (o.repId ?? rows.owners.get(o.customerId)) === rep),
  );
  const byCustomer = new Map<string, typeof counting>();
  for (const o of counting) {
    if (o.day > to || !mine(o.customerId)) continue;
    byCustomer.set(o.customerId, [...(byCustomer.get(o.customerId) ?? []), o]);
  }
  let previousBuyers = 0;
  let repeatBuyers = 0;
  let newCustomers = 0;
  let lost = 0;
  for (const list of byCustomer.values()) {
    const now = list.some((o) => between(o.day, from, to));
    const before = list.some((o) => between(o.day, prior.from, prior.to));
    const first = list.map((o) => o.day).sort()[0]!;
    if (before) previousBuyers += 1;
    if (first >= from) newCustomers += 1;
    else if (before && now) repeatBuyers += 1;
    else if (before) {
      const times = list.map((o) => o.at).sort((a, b) => a - b);
      const gaps = times
        .slice(1)
        .map((t, i) => (t - times[i]!) / DAY)
        .sort((a, b) => a - b);
      if (gaps.length === 0) continue;
      const mid = gaps.length >> 1;
      const median = gaps.length % 2 ? gaps[mid]! : (gaps[mid - 1]! + gaps[mid]!) / 2;
      const rhythm = Math.round(median);
      const last = list
        .map((o) => o.day)
        .sort()
        .at(-1)!;
      if (rhythm > 0 && dayNumber(to) - dayNumber(last) > 2 * rhythm) lost += 1;
    }
  }
  const closed = rows.complaints.filter((c) => {
    const at = rows.resolutions.get(c.id);
    return at !== undefined && between(isoDay(at), from, to) && mine(c.customerId);
  });
  return {
    visits: visitsNow.filter((v) => v.channel === 'visit').length,
    visitsWithOrder: visitsNow.filter((v) => v.channel === 'visit' && v.outcome === 'order').length,
    calls: visitsNow.filter((v) => v.channel === 'phone').length,
    orders: ordersNow.length,
    revenueCents: ordersNow.reduce((sum, o) => sum + o.cents, 0),
    previousBuyers,
    repeatBuyers,
    newCustomers,
    lostCustomers: lost,
    complaintsOpened: rows.complaints.filter((c) => between(c.day, from, to) && mine(c.customerId)).length,
    complaintsClosed: closed.length,
  } satisfies Omit<PeriodCounts, 'medianResolveHours'>;
}

describe.each(backends)('team review at head office on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let manager: string;
  let camille: string;
  let karimId: string;
  let rows: Rows;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [admin, manager, camille] = await Promise.all([
      server.login(DEMO.admin),
      server.login(DEMO.manager),
      server.login(DEMO.camille),
    ]);
    const db = server.database.db;
    const [karim] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'karim.benali@tournee.test'));
    karimId = karim!.id;
    const owners = new Map(
      (
        await db
          .select({ id: customers.id, owner: customers.ownerId })
          .from(customers)
          .where(isNull(customers.deletedAt))
      ).map((c) => [c.id, c.owner] as const),
    );
    const ms = (v: Date | string) => new Date(v).getTime();
    rows = {
      owners,
      visits: (await db.select().from(visits).where(isNull(visits.deletedAt)))
        .filter((v) => owners.has(v.customerId))
        .map((v) => ({
          repId: v.repId,
          customerId: v.customerId,
          channel: v.channel,
          outcome: v.outcome,
          day: isoDay(ms(v.at)),
        })),
      orders: (await db.select().from(orders).where(isNull(orders.deletedAt))).map((o) => ({
        customerId: o.customerId,
        repId: o.repId,
        at: ms(o.orderedAt),
        day: isoDay(ms(o.orderedAt)),
        cents: o.totalExclCents,
        counts: o.status !== 'cancelled' && o.status !== 'draft',
      })),
      complaints: (await db.select().from(complaints).where(isNull(complaints.deletedAt)))
        .filter((c) => owners.has(c.customerId))
        .map((c) => ({
          id: c.id,
          customerId: c.customerId,
          day: isoDay(ms(c.createdAt)),
          at: ms(c.createdAt),
        })),
      resolutions: new Map(),
    };
    for (const e of await db.select().from(complaintEvents)) {
      if (e.status !== 'resolved' && e.status !== 'closed') continue;
      const at = ms(e.at);
      const seen = rows.resolutions.get(e.complaintId);
      if (seen === undefined || at < seen) rows.resolutions.set(e.complaintId, at);
    }
  });

  afterAll(async () => {
    await server.close();
  });

  const strip = ({
    medianResolveHours: _m,
    averageTicketCents: _a,
    conversionBp: _c,
    repurchaseBp: _r,
    ...counts
  }: TeamReview['team']['current']) => counts;

  it('counts, rep by rep and for the company, what a plain recount of the rows gives', async () => {
    const review = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, admin);
    expect(review.periods.previous).toEqual(PRIOR);
    expect(review.reps.length).toBe(10);
    expect(strip(review.team.current)).toEqual(recount(rows, FROM, TODAY, PRIOR, null));
    for (const rep of review.reps) {
      expect(strip(rep.figures.current), rep.repName).toEqual(recount(rows, FROM, TODAY, PRIOR, rep.repId));
    }
    // The demo company has activity worth comparing: the figures are not all zero.
    expect(review.team.current.orders).toBeGreaterThan(10);
    expect(review.team.current.visits).toBeGreaterThan(10);
    expect(review.team.current.previousBuyers).toBeGreaterThan(0);
    // The previous period is itself compared with the one before it.
    const before = { from: daysBefore(TODAY, 359), to: daysBefore(TODAY, 240) };
    expect(strip(review.team.previous)).toEqual(recount(rows, PRIOR.from, PRIOR.to, before, null));
    // And the same period a year before, with its own previous period.
    const lastYear = (day: string) =>
      `${Number(day.slice(0, 4)) - 1}${day.slice(4) === '-02-29' ? '-02-28' : day.slice(4)}`;
    const yearAgo = { from: lastYear(FROM), to: lastYear(TODAY) };
    const yearAgoLength = dayNumber(yearAgo.to) - dayNumber(yearAgo.from) + 1;
    const yearAgoPrior = { from: daysBefore(yearAgo.from, yearAgoLength), to: daysBefore(yearAgo.from, 1) };
    expect(review.periods.yearBefore).toEqual(yearAgo);
    expect(strip(review.team.yearBefore)).toEqual(
      recount(rows, yearAgo.from, yearAgo.to, yearAgoPrior, null),
    );
    expect(review.team.yearBefore.orders).toBeGreaterThan(0);
    for (const rep of review.reps) {
      expect(strip(rep.figures.previous), rep.repName).toEqual(
        recount(rows, PRIOR.from, PRIOR.to, before, rep.repId),
      );
    }
  });

  it('derives average ticket, conversion and repurchase from the counts, rounded half up', async () => {
    const { team } = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, admin);
    const f = team.current;
    expect(f.averageTicketCents).toBe(Math.round(f.revenueCents / f.orders));
    expect(f.conversionBp).toBe(Math.round((10_000 * f.visitsWithOrder) / f.visits));
    expect(f.repurchaseBp).toBe(Math.round((10_000 * f.repeatBuyers) / f.previousBuyers));
  });

  it('gives a manager their team only, a rep themselves only', async () => {
    const mine = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, manager);
    expect(mine.reps.map((r) => r.teamName)).toEqual(Array(5).fill('Rhône-Alpes'));
    expect(mine.reps.some((r) => r.repId === karimId)).toBe(false);
    const teamIds = new Set(mine.reps.map((r) => r.repId));
    const teamOwners = new Set(
      [...rows.owners].filter(([, o]) => o !== null && teamIds.has(o)).map(([c]) => c),
    );
    const teamRows = { ...rows, owners: new Map([...rows.owners].filter(([c]) => teamOwners.has(c))) };
    teamRows.visits = rows.visits.filter((v) => teamIds.has(v.repId));
    expect(mine.team.current.revenueCents).toBe(recount(teamRows, FROM, TODAY, PRIOR, null).revenueCents);

    const own = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, camille);
    expect(own.reps.map((r) => r.repId)).toEqual([server.ids.repIds.camille]);
    expect(strip(own.team.current)).toEqual(recount(rows, FROM, TODAY, PRIOR, server.ids.repIds.camille));
  });

  it('drills down to a rep’s customers, and refuses another team’s rep rather than showing nothing', async () => {
    const camilleId = server.ids.repIds.camille;
    const list = await server.ok<{ customers: ReviewCustomer[] }>(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: camilleId },
      manager,
    );
    expect(list.customers.length).toBeGreaterThan(0);
    const counts = recount(rows, FROM, TODAY, PRIOR, camilleId);
    expect(list.customers.filter((c) => c.standing === 'new').length).toBe(counts.newCustomers);
    expect(list.customers.filter((c) => c.standing === 'lost').length).toBe(counts.lostCustomers);
    expect(list.customers.filter((c) => c.standing === 'repeat').length).toBe(counts.repeatBuyers);
    for (const c of list.customers) expect(rows.owners.get(c.customerId)).toBe(camilleId);
    const revenue = list.customers.reduce((s, c) => s + c.revenueCents, 0);
    const owned = rows.orders
      .filter((o) => o.counts && rows.owners.get(o.customerId) === camilleId && between(o.day, FROM, TODAY))
      .reduce((s, o) => s + o.cents, 0);
    expect(revenue).toBe(owned);

    const other = await server.call(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: karimId },
      manager,
    );
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'repId' } });
    const notSelf = await server.call(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: server.ids.repIds.thomas },
      camille,
    );
    expect(notSelf.status).toBe(403);
    const unknown = await server.call(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: '0190a0a0-0000-7000-8000-000000000000' },
      manager,
    );
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const adminSees = await server.call(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: karimId },
      admin,
    );
    expect(adminSees.status).toBe(200);
  });

  it('shows each rep’s freshness: the last sync and the changes their laptop said were waiting', async () => {
    const camilleRow = async () =>
      (await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, manager)).reps.find(
        (r) => r.repId === server.ids.repIds.camille,
      )!;
    const never = await camilleRow();
    expect(never.freshness).toEqual({ lastSyncAt: null, pending: null, devices: 0 });

    const clientId = uuidv7();
    const before = Date.now();
    await server.ok('sync-pull', { ...pullInput(clientId, null, 1), pending: 7 }, camille);
    const synced = await camilleRow();
    expect(synced.freshness.pending).toBe(7);
    expect(synced.freshness.devices).toBe(1);
    expect(Date.parse(synced.freshness.lastSyncAt!)).toBeGreaterThanOrEqual(before - 1000);

    // The next sync says the laptop has sent everything.
    await server.ok('sync-pull', { ...pullInput(clientId, null, 1), pending: 0 }, camille);
    expect((await camilleRow()).freshness.pending).toBe(0);
  });

  it('says where the period’s visits fail, consistent with the review’s counts, and within the scope', async () => {
    const failures = await server.ok<{
      team: FailureFigures;
      reps: { repId: string; figures: FailureFigures }[];
      families: { family: string; figures: FailureFigures }[];
    }>('visit-failures', { from: FROM, to: TODAY }, admin);
    const review = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, admin);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(failures.team.visits).toBe(review.team.current.visits);
    expect(sum(failures.team.outcomes)).toBe(failures.team.visits);
    expect(failures.team.outcomes.order).toBe(review.team.current.visitsWithOrder);
    expect(sum(failures.team.noSaleReasons)).toBe(failures.team.outcomes['no-sale']);
    expect(sum(failures.team.stoppedAt)).toBe(
      failures.team.outcomes['no-sale'] + failures.team.outcomes['follow-up'],
    );
    // The demo company's visits say how far they went, which closings were used and what was objected.
    expect(failures.team.stoppedAt.unknown).toBe(0);
    expect(failures.team.closings.length).toBeGreaterThan(0);
    expect(failures.team.closings.reduce((n, c) => n + c.withOrder, 0)).toBe(failures.team.outcomes.order);
    expect(failures.team.objections.length).toBeGreaterThan(0);
    for (const rep of failures.reps) {
      expect(rep.figures.visits).toBe(review.reps.find((r) => r.repId === rep.repId)!.figures.current.visits);
    }
    expect(failures.families.length).toBeGreaterThan(1);

    const mine = await server.ok<{ reps: { repId: string }[] }>(
      'visit-failures',
      { from: FROM, to: TODAY },
      manager,
    );
    expect(mine.reps.some((r) => r.repId === karimId)).toBe(false);
    const reversed = await server.call('visit-failures', { from: TODAY, to: FROM }, manager);
    expect(reversed.body).toMatchObject({ ok: false, error: { field: 'to', key: 'figures.periodReversed' } });
  });

  it('lists the customers lost in the period, the same as the review counts, with what may say why', async () => {
    const { customers: lost } = await server.ok<{ customers: LostCustomer[] }>(
      'lost-customers',
      { from: FROM, to: TODAY },
      admin,
    );
    const review = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, admin);
    expect(lost.length).toBe(review.team.current.lostCustomers);
    expect(lost.length).toBeGreaterThan(0);
    const camilleId = server.ids.repIds.camille;
    const drill = await server.ok<{ customers: ReviewCustomer[] }>(
      'team-review-customers',
      { from: FROM, to: TODAY, repId: camilleId },
      admin,
    );
    const camilleLost = new Set(
      drill.customers.filter((c) => c.standing === 'lost').map((c) => c.customerId),
    );
    expect(new Set(lost.filter((c) => c.repName === 'Camille Martin').map((c) => c.customerId))).toEqual(
      camilleLost,
    );
    for (const c of lost) {
      const noSales = rows.visits.filter((v) => v.customerId === c.customerId && v.outcome === 'no-sale');
      if (noSales.length === 0) expect(c.lastNoSaleReason).toBeNull();
      expect(c.previousRevenueCents).toBeGreaterThan(0);
    }
    const mine = await server.ok<{ customers: LostCustomer[] }>(
      'lost-customers',
      { from: FROM, to: TODAY },
      manager,
    );
    expect(
      mine.customers.every(
        (c) => c.repName === null || !['Karim Benali', 'Julie Lambert'].includes(c.repName),
      ),
    ).toBe(true);
  });

  it('refuses a reversed period, a future end, an overlong period and an anonymous caller, at the field', async () => {
    const reversed = await server.call('team-review', { from: TODAY, to: FROM }, manager);
    expect(reversed.body).toMatchObject({
      ok: false,
      error: { code: 'bad-request', field: 'to', key: 'figures.periodReversed' },
    });
    const future = await server.call(
      'team-review',
      { from: FROM, to: isoDay(Date.now() + 3 * DAY) },
      manager,
    );
    expect(future.body).toMatchObject({ ok: false, error: { field: 'to', key: 'figures.dateInFuture' } });
    const long = await server.call('team-review', { from: '2020-01-01', to: TODAY }, manager);
    expect(long.body).toMatchObject({ ok: false, error: { field: 'from', key: 'figures.periodTooLong' } });
    const anonymous = await server.call('team-review', { from: FROM, to: TODAY });
    expect(anonymous.status).toBe(401);
    const malformed = await server.call('team-review', { from: '2026-13-01', to: TODAY }, manager);
    expect(malformed.status).toBe(400);
  });
  it('counts a complaint closed in the period once, with the median hours it took to resolve', async () => {
    const camilleId = server.ids.repIds.camille;
    const db = server.database.db;
    const customerId = [...rows.owners].find(([, o]) => o === camilleId)![0];
    const complaintId = uuidv7();
    await db.insert(complaints).values({
      id: complaintId,
      customerId,
      category: 'delivery',
      description: 'Carton abîmé',
      severity: 'medium',
      status: 'received',
      createdAt: new Date(Date.now() - 50 * 3_600_000),
    });
    const row = async () =>
      (await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, manager)).reps.find(
        (r) => r.repId === camilleId,
      )!.figures.current;
    const before = await row();
    for (const status of ['acknowledged', 'in-progress', 'resolved', 'closed']) {
      await server.ok('complaint-update-status', { complaintId, status }, manager);
    }
    const after = await row();
    expect(after.complaintsClosed).toBe(before.complaintsClosed + 1);

    // The median over Camille's complaints first resolved in the period, recounted.
    const created = new Map(
      (await db.select().from(complaints)).map((c) => [
        c.id,
        { at: new Date(c.createdAt).getTime(), customerId: c.customerId },
      ]),
    );
    const firstResolved = new Map<string, number>();
    for (const e of await db.select().from(complaintEvents)) {
      if (e.status !== 'resolved' && e.status !== 'closed') continue;
      const at = new Date(e.at).getTime();
      if (!(firstResolved.get(e.complaintId)! <= at)) firstResolved.set(e.complaintId, at);
    }
    const hours = [...firstResolved]
      .filter(
        ([id, at]) =>
          rows.owners.get(created.get(id)!.customerId) === camilleId && between(isoDay(at), FROM, TODAY),
      )
      .map(([id, at]) => Math.max(0, at - created.get(id)!.at) / 3_600_000)
      .sort((a, b) => a - b);
    expect(hours.length).toBe(after.complaintsClosed);
    const mid = hours.length >> 1;
    const median = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
    expect(after.medianResolveHours).toBeCloseTo(median, 0);
  });

  it('reviews complaints by cause, product and segment, the open ones by age, and the satisfaction at resolution', async () => {
    const read = () => server.ok<ComplaintsReview>('complaints-review', { from: FROM, to: TODAY }, admin);
    const before = await read();
    const review = await server.ok<TeamReview>('team-review', { from: FROM, to: TODAY }, admin);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(before.byCategory.map((c) => c.opened))).toBe(review.team.current.complaintsOpened);
    expect(sum(before.byCategory.map((c) => c.closed))).toBe(review.team.current.complaintsClosed);
    expect(sum(before.bySegment.map((c) => c.opened))).toBe(review.team.current.complaintsOpened);
    const open = (await server.database.db.select().from(complaints)).filter(
      (c) =>
        c.deletedAt === null &&
        c.status !== 'resolved' &&
        c.status !== 'closed' &&
        rows.owners.has(c.customerId),
    );
    expect(sum(before.openByAge.map((b) => b.open))).toBe(open.length);

    // Resolve one with the customer's satisfaction; satisfaction on any other move is refused.
    const complaintId = uuidv7();
    const customerId = [...rows.owners].find(([, o]) => o === server.ids.repIds.thomas)![0];
    await server.database.db.insert(complaints).values({
      id: complaintId,
      customerId,
      category: 'Qualité',
      description: 'Fût trouble',
      severity: 'high',
      status: 'received',
      createdAt: new Date(Date.now() - 30 * 3_600_000),
    });
    const early = await server.call(
      'complaint-update-status',
      { complaintId, status: 'acknowledged', satisfaction: 4 },
      manager,
    );
    expect(early.body).toMatchObject({
      ok: false,
      error: { field: 'satisfaction', key: 'complaint.satisfactionWhenResolved' },
    });
    for (const status of ['acknowledged', 'in-progress']) {
      await server.ok('complaint-update-status', { complaintId, status }, manager);
    }
    const resolved = await server.ok<{ event: { satisfaction: number | null } }>(
      'complaint-update-status',
      { complaintId, status: 'resolved', satisfaction: 4 },
      manager,
    );
    expect(resolved.event.satisfaction).toBe(4);
    const after = await read();
    expect(after.satisfaction.scores[3]).toBe(before.satisfaction.scores[3]! + 1);
    expect(after.byCategory.find((c) => c.category === 'Qualité')).toMatchObject({
      opened: expect.any(Number),
    });
    expect(sum(after.byCategory.map((c) => c.opened))).toBe(sum(before.byCategory.map((c) => c.opened)) + 1);
    const bad = await server.call(
      'complaint-update-status',
      { complaintId, status: 'closed', satisfaction: 9 },
      manager,
    );
    expect(bad.status).toBe(400);
  });
});
