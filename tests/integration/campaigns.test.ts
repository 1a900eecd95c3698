/**
 * Campaigns at head office: a manager targets customers of their team with a control group drawn
 * at random; each targeted customer with a rep becomes a task that syncs to that rep's laptop;
 * a visit report inside the period ticks it off; the results compare the two groups. Bad
 * drafts and another team's customers are refused with nothing written; every read is scoped.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignResults, CampaignSummary } from '../../src/shared/contract/campaigns.js';
import type { CampaignTask } from '../../src/shared/domain/campaign/campaign.js';
import { drawControlGroup } from '../../src/shared/domain/campaign/campaign.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { PullResponse } from '../../src/shared/sync/protocol.js';
import { campaignMembers, campaignTasks, campaigns, customers, users } from '../../src/server/db/schema.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const TODAY = isoDay(Date.now());
const IN_A_MONTH = isoDay(Date.now() + 30 * DAY);

function tasksIn(pages: PullResponse[]): CampaignTask[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'campaignTask' ? [op.value as CampaignTask] : [],
    ),
  );
}

function withdrawnIn(pages: PullResponse[]): string[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'del' && op.entity === 'campaignTask' ? [op.id] : [])),
  );
}

describe.each(backends)('campaigns at head office on $name', (backend) => {
  let server: TestServer;
  let admin: string;
  let manager: string;
  let otherManager: string;
  let camille: string;
  let camilleId: string;
  let teamCustomers: { id: string; ownerId: string | null }[];
  let otherTeamCustomer: string;
  const camilleClient = uuidv7();
  let camilleCookie: number | null = null;
  let mid = 0;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [admin, manager, otherManager, camille] = await Promise.all([
      server.login(DEMO.admin),
      server.login(DEMO.manager),
      server.login('isabelle.faure@tournee.test'),
      server.login(DEMO.camille),
    ]);
    const db = server.database.db;
    const [julien] = await db.select().from(users).where(eq(users.email, DEMO.manager));
    const [me] = await db.select().from(users).where(eq(users.email, DEMO.camille));
    camilleId = me!.id;
    const all = await db
      .select({ id: customers.id, ownerId: customers.ownerId, teamId: users.teamId })
      .from(customers)
      .leftJoin(users, eq(users.id, customers.ownerId))
      .where(isNull(customers.deletedAt))
      .orderBy(customers.id);
    teamCustomers = all.filter((c) => c.teamId === julien!.teamId);
    otherTeamCustomer = all.find((c) => c.teamId !== null && c.teamId !== julien!.teamId)!.id;
    camilleCookie = (await pullAll(server, camille, camilleClient, null)).at(-1)?.cookie ?? null;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  const draft = (over: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    name: 'Relance des clients à risque',
    objective: 'Faire recommander les clients à risque avant Noël',
    offer: '5 % sur le mobilier',
    family: 'Mobilier',
    discountPercent: 5,
    channel: 'visit',
    from: TODAY,
    to: IN_A_MONTH,
    controlPercent: 25,
    source: 'migration',
    sourceLabel: 'À risque → Perdu',
    customerIds: teamCustomers.slice(0, 20).map((c) => c.id),
    ...over,
  });
  async function camillePull(): Promise<PullResponse[]> {
    const pages = await pullAll(server, camille, camilleClient, camilleCookie);
    camilleCookie = pages.at(-1)?.cookie ?? camilleCookie;
    return pages;
  }
  function visitLog(customerId: string, at: string): Mutation {
    mid += 1;
    return {
      mid,
      mutationId: uuidv7(),
      createdAt: new Date().toISOString(),
      name: 'visit-log',
      args: {
        id: uuidv7(),
        customerId,
        appointmentId: null,
        startedAt: at,
        endedAt: at,
        channel: 'visit',
        followUpAppointmentId: null,
        course: { reachedStep: 'closing', closingId: null, closingName: null, families: ['Mobilier'] },
        report: {
          outcome: 'no-sale',
          noSaleReason: 'timing',
          orderIds: [],
          needs: [],
          motives: [],
          objections: [],
          offered: ['5 % sur le mobilier'],
          nextStep: 'Rappeler la semaine prochaine',
          summary: 'Offre présentée',
          notes: '',
        },
      },
    };
  }

  let campaignId: string;
  let control: Set<string>;

  it('creates a campaign with a control group drawn at random, and a task per targeted customer for their rep', async () => {
    const input = draft();
    const created = await server.ok<{ id: string; targeted: number; control: number; withoutRep: number }>(
      'campaign-create',
      input,
      manager,
    );
    campaignId = created.id;
    control = drawControlGroup(input.customerIds, 25, input.id);
    expect(created).toEqual({ id: input.id, targeted: 15, control: 5, withoutRep: 0 });
    // Sent again (a lost answer): the same campaign, no second set of tasks.
    expect(await server.ok('campaign-create', input, manager)).toEqual(created);
    const db = server.database.db;
    const members = await db.select().from(campaignMembers).where(eq(campaignMembers.campaignId, campaignId));
    expect(new Set(members.filter((m) => m.control).map((m) => m.customerId))).toEqual(control);
    const tasks = await db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, campaignId));
    expect(tasks).toHaveLength(15);
    expect(tasks.some((t) => control.has(t.customerId))).toBe(false);

    // Camille's laptop gets her targeted customers' tasks, with the offer; nobody else's, no control.
    const mine = teamCustomers
      .slice(0, 20)
      .filter((c) => c.ownerId === camilleId && !control.has(c.id))
      .map((c) => c.id);
    const pulled = tasksIn(await camillePull());
    expect(pulled.map((t) => t.customerId).sort()).toEqual([...mine].sort());
    for (const t of pulled) {
      expect(t).toMatchObject({
        campaignName: input.name,
        offer: input.offer,
        status: 'open',
        repId: camilleId,
      });
    }
  });

  it('ticks a task off with the first visit report inside the period, and the results count it', async () => {
    const db = server.database.db;
    const [task] = await db
      .select()
      .from(campaignTasks)
      .innerJoin(customers, eq(customers.id, campaignTasks.customerId))
      .where(and(eq(campaignTasks.campaignId, campaignId), eq(customers.ownerId, camilleId)));
    expect(task).toBeDefined();
    const customerId = task!.campaign_tasks.customerId;
    // A visit dated before the campaign existed does not tick it.
    const old = visitLog(customerId, new Date(Date.now() - 2 * DAY).toISOString());
    await server.ok('sync-push', pushInput(camilleClient, [old]), camille);
    expect(tasksIn(await camillePull())).toHaveLength(0);

    const log = visitLog(customerId, new Date().toISOString());
    await server.ok('sync-push', pushInput(camilleClient, [log]), camille);
    const ticked = tasksIn(await camillePull());
    expect(ticked).toHaveLength(1);
    expect(ticked[0]).toMatchObject({ customerId, status: 'done', doneVisitId: log.args.id });

    const results = await server.ok<CampaignResults>('campaign-results', { id: campaignId }, manager);
    expect(results.targeted.customers).toBe(15);
    expect(results.control.customers).toBe(5);
    expect(results.targeted.reached).toBe(1);
    expect(results.targeted.visits).toBe(1);
    expect(results.control.reached).toBe(0);
    expect(results.targeted.reachedBp).toBe(Math.round(10_000 / 15));
    const member = results.members.find((m) => m.customerId === customerId);
    expect(member).toMatchObject({ control: false, task: 'done', reached: true });
    expect(
      results.members
        .filter((m) => m.control)
        .map((m) => m.customerId)
        .sort(),
    ).toEqual([...control].sort());
    expect(results.members.every((m) => m.control === (m.task === null))).toBe(true);
    // Every member moved from one segment to another (or stayed): the movement cells add up.
    expect(results.movements.reduce((n, m) => n + m.customers, 0)).toBe(20);

    const list = await server.ok<{ campaigns: CampaignSummary[] }>('campaign-list', {}, manager);
    expect(list.campaigns.find((c) => c.id === campaignId)).toMatchObject({
      targeted: 15,
      control: 5,
      tasksDone: 1,
    });
  });

  it('shows a rep only their own customers of a campaign, and refuses it to another team', async () => {
    const repView = await server.ok<CampaignResults>('campaign-results', { id: campaignId }, camille);
    const camilleIds = new Set(teamCustomers.filter((c) => c.ownerId === camilleId).map((c) => c.id));
    expect(repView.members.length).toBeGreaterThan(0);
    expect(repView.members.every((m) => camilleIds.has(m.customerId))).toBe(true);

    const refused = await server.call('campaign-results', { id: campaignId }, otherManager);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'not-found', field: 'id' } });
    const otherList = await server.ok<{ campaigns: CampaignSummary[] }>('campaign-list', {}, otherManager);
    expect(otherList.campaigns.some((c) => c.id === campaignId)).toBe(false);
    const adminList = await server.ok<{ campaigns: CampaignSummary[] }>('campaign-list', {}, admin);
    expect(adminList.campaigns.some((c) => c.id === campaignId)).toBe(true);
  });

  it('refuses bad drafts, another team’s customers, reps and anonymous callers, writing nothing', async () => {
    const db = server.database.db;
    const before = (await db.select().from(campaigns)).length;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ controlPercent: 60 }, 'controlPercent', 'campaign.controlOutOfRange'],
      [{ controlPercent: -1 }, 'controlPercent', 'campaign.controlOutOfRange'],
      [{ from: IN_A_MONTH, to: TODAY }, 'to', 'campaign.periodReversed'],
      [{ from: '2025-01-01', to: '2025-02-01' }, 'to', 'campaign.periodOver'],
      [{ to: isoDay(Date.now() + 400 * DAY) }, 'to', 'campaign.periodTooLong'],
      [{ customerIds: [] }, 'customerIds', 'campaign.noCustomer'],
      [
        { customerIds: [teamCustomers[0]!.id, otherTeamCustomer] },
        'customerIds',
        'campaign.customersOutOfScope',
      ],
    ];
    for (const [over, field, key] of cases) {
      const reply = await server.call('campaign-create', draft(over), manager);
      expect(reply.body, key).toMatchObject({ ok: false, error: { field, key } });
    }
    const malformed = await server.call(
      'campaign-create',
      draft({ name: '', controlPercent: 10.5 }),
      manager,
    );
    expect(malformed.status).toBe(400);
    const rep = await server.call('campaign-create', draft(), camille);
    expect(rep.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const anonymous = await server.call('campaign-create', draft());
    expect(anonymous.status).toBe(401);
    // Someone else's campaign id: refused, not overwritten.
    const stolen = await server.call('campaign-create', draft({ id: campaignId }), admin);
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await db.select().from(campaigns)).length).toBe(before);
  });

  it('ends a running campaign today: open tasks leave the laptop, the done one stays; a second end changes nothing', async () => {
    const db = server.database.db;
    const tasks = await db
      .select()
      .from(campaignTasks)
      .innerJoin(customers, eq(customers.id, campaignTasks.customerId))
      .where(and(eq(campaignTasks.campaignId, campaignId), eq(customers.ownerId, camilleId)));
    const open = tasks.filter((t) => t.campaign_tasks.status === 'open').map((t) => t.campaign_tasks.id);
    const done = tasks.filter((t) => t.campaign_tasks.status === 'done').map((t) => t.campaign_tasks.id);
    expect(done).toHaveLength(1);

    // Not theirs to end: a rep, another team's manager, an anonymous caller. Nothing changes.
    const rep = await server.call('campaign-end', { id: campaignId }, camille);
    expect(rep.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const other = await server.call('campaign-end', { id: campaignId }, otherManager);
    expect(other.body).toMatchObject({ ok: false, error: { code: 'forbidden', key: 'campaign.notYours' } });
    expect((await server.call('campaign-end', { id: campaignId })).status).toBe(401);
    const missing = await server.call('campaign-end', { id: uuidv7() }, manager);
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(tasksIn(await camillePull())).toHaveLength(0);

    const ended = await server.ok<{ outcome: string; to: string; tasksWithdrawn: number }>(
      'campaign-end',
      { id: campaignId },
      manager,
    );
    expect(ended).toMatchObject({ outcome: 'ended', to: TODAY, tasksWithdrawn: 14 });
    const pages = await camillePull();
    expect(withdrawnIn(pages).sort()).toEqual([...open].sort());
    const kept = tasksIn(pages);
    expect(kept.map((t) => t.id)).toEqual(done);
    expect(kept[0]).toMatchObject({ status: 'done', to: TODAY });
    const results = await server.ok<CampaignResults>('campaign-results', { id: campaignId }, manager);
    expect(results.campaign.to).toBe(TODAY);
    expect(results.targeted.reached).toBe(1);

    const again = await server.ok<{ tasksWithdrawn: number }>('campaign-end', { id: campaignId }, manager);
    expect(again.tasksWithdrawn).toBe(0);
    expect(await camillePull()).toSatisfy(
      (p: PullResponse[]) => tasksIn(p).length + withdrawnIn(p).length === 0,
    );
  });

  it('cancels a campaign that has not started: it and its tasks are gone from lists and laptops', async () => {
    const later = draft({
      from: isoDay(Date.now() + 10 * DAY),
      to: isoDay(Date.now() + 40 * DAY),
      controlPercent: 0,
    });
    await server.ok('campaign-create', later, admin);
    const pulled = tasksIn(await camillePull()).map((t) => t.id);
    expect(pulled.length).toBeGreaterThan(0);
    const cancelled = await server.ok<{ outcome: string; tasksWithdrawn: number }>(
      'campaign-end',
      { id: later.id },
      admin,
    );
    expect(cancelled).toMatchObject({ outcome: 'cancelled', tasksWithdrawn: 20 });
    expect(withdrawnIn(await camillePull()).sort()).toEqual([...pulled].sort());
    const list = await server.ok<{ campaigns: CampaignSummary[] }>('campaign-list', {}, admin);
    expect(list.campaigns.some((c) => c.id === later.id)).toBe(false);
    const gone = await server.call('campaign-results', { id: later.id }, admin);
    expect(gone.body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Nothing is hard-deleted: the rows are tombstones.
    const db = server.database.db;
    const [row] = await db.select().from(campaigns).where(eq(campaigns.id, later.id));
    expect(row?.deletedAt).not.toBeNull();
  });

  it('a hostile or clumsy caller: the same draft sent twice at once makes one campaign; control characters are refused', async () => {
    const db = server.database.db;
    const input = draft({ controlPercent: 10 });
    const replies = await Promise.all([
      server.call('campaign-create', input, manager),
      server.call('campaign-create', input, manager),
      server.call('campaign-create', input, manager),
    ]);
    for (const reply of replies) expect(reply.body).toMatchObject({ ok: true, value: { id: input.id } });
    expect(await db.select().from(campaigns).where(eq(campaigns.id, input.id))).toHaveLength(1);
    const tasks = await db.select().from(campaignTasks).where(eq(campaignTasks.campaignId, input.id));
    expect(tasks).toHaveLength(18);

    const before = (await db.select().from(campaigns)).length;
    for (const over of [{ name: 'Relance\u0000' }, { objective: 'a\u0000b' }, { sourceLabel: '\u0000' }]) {
      const reply = await server.call('campaign-create', draft(over), manager);
      expect(reply.status, JSON.stringify(over)).toBe(400);
    }
    expect((await db.select().from(campaigns)).length).toBe(before);
  });
});
