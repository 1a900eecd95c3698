import { describe, expect, it } from 'vitest';
import {
  campaignProblem,
  controlSize,
  drawControlGroup,
  groupFigures,
  isTaskDone,
  visitTicksTask,
  type CampaignTask,
} from './campaign.js';

const ids = Array.from({ length: 200 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);

describe('control group', () => {
  it('holds round(n × share) customers, halves up', () => {
    expect(controlSize(20, 25)).toBe(5);
    expect(controlSize(10, 15)).toBe(2); // 1.5 → 2
    expect(controlSize(3, 10)).toBe(0);
    expect(controlSize(7, 0)).toBe(0);
    expect(controlSize(7, 50)).toBe(4); // 3.5 → 4
  });

  it('is the same draw for the same ids and seed, whatever their order, and another for another seed', () => {
    const a = drawControlGroup(ids, 20, 'seed-1');
    const b = drawControlGroup([...ids].reverse(), 20, 'seed-1');
    const c = drawControlGroup(ids, 20, 'seed-2');
    expect(a.size).toBe(40);
    expect([...a].sort()).toEqual([...b].sort());
    expect([...a].sort()).not.toEqual([...c].sort());
    for (const id of a) expect(ids).toContain(id);
  });

  it('draws every customer about as often (no bias towards the first or last ids)', () => {
    const hits = new Map<string, number>();
    for (let s = 0; s < 400; s += 1)
      for (const id of drawControlGroup(ids.slice(0, 20), 25, `s${String(s)}`))
        hits.set(id, (hits.get(id) ?? 0) + 1);
    // Each of 20 ids is held out with probability 1/4: 100 times in 400 draws on average.
    for (const id of ids.slice(0, 20)) expect(hits.get(id) ?? 0).toBeGreaterThan(60);
    for (const id of ids.slice(0, 20)) expect(hits.get(id) ?? 0).toBeLessThan(140);
  });
});

describe('campaignProblem', () => {
  const ok = { customerIds: ['a'], controlPercent: 10, from: '2026-12-01', to: '2026-12-31' };
  it('accepts a running campaign and refuses each bad field with its reason', () => {
    expect(campaignProblem(ok, '2026-12-03')).toBeNull();
    expect(campaignProblem({ ...ok, controlPercent: 51 }, '2026-12-03')?.key).toBe(
      'campaign.controlOutOfRange',
    );
    expect(campaignProblem({ ...ok, controlPercent: 50 }, '2026-12-03')).toBeNull();
    expect(campaignProblem({ ...ok, to: '2026-11-30' }, '2026-12-03')?.key).toBe('campaign.periodReversed');
    expect(campaignProblem({ ...ok, to: '2026-12-02' }, '2026-12-03')?.key).toBe('campaign.periodOver');
    expect(campaignProblem({ ...ok, to: '2027-12-02' }, '2026-12-03')?.key).toBe('campaign.periodTooLong');
    expect(campaignProblem({ ...ok, customerIds: [] }, '2026-12-03')?.key).toBe('campaign.noCustomer');
  });
});

describe('ticking a task off', () => {
  const task: CampaignTask = {
    id: 't',
    campaignId: 'c',
    customerId: 'k',
    repId: null,
    channel: 'visit',
    campaignName: 'n',
    objective: 'o',
    offer: '',
    family: null,
    discountPercent: null,
    from: '2026-12-01',
    to: '2026-12-31',
    createdAt: '2026-12-02T10:00:00.000Z',
    status: 'open',
    doneVisitId: null,
    version: 1,
  };
  const zone = 'Europe/Paris';
  it('takes a report of the customer on a day of the period, after the campaign was created', () => {
    expect(visitTicksTask(task, { customerId: 'k', at: '2026-12-02T11:00:00.000Z' }, zone)).toBe(true);
    expect(visitTicksTask(task, { customerId: 'x', at: '2026-12-02T11:00:00.000Z' }, zone)).toBe(false);
    expect(visitTicksTask(task, { customerId: 'k', at: '2026-12-02T09:00:00.000Z' }, zone)).toBe(false);
    // 31 Dec 23:30 in Paris is still in the period; 1 Jan 00:30 in Paris is not.
    expect(visitTicksTask(task, { customerId: 'k', at: '2026-12-31T22:30:00.000Z' }, zone)).toBe(true);
    expect(visitTicksTask(task, { customerId: 'k', at: '2026-12-31T23:30:00.000Z' }, zone)).toBe(false);
    expect(isTaskDone(task, [], zone)).toBe(false);
    expect(isTaskDone({ ...task, status: 'done' }, [], zone)).toBe(true);
    expect(isTaskDone(task, [{ customerId: 'k', at: '2026-12-05T08:00:00.000Z' }], zone)).toBe(true);
  });
});

describe('groupFigures', () => {
  it('counts reached customers, buyers and repurchase, ratios in basis points', () => {
    const g = groupFigures([
      { visits: 1, calls: 0, orders: 2, revenueCents: 30_000, orderedBefore: true },
      { visits: 0, calls: 1, orders: 0, revenueCents: 0, orderedBefore: true },
      { visits: 0, calls: 0, orders: 1, revenueCents: 10_001, orderedBefore: false },
    ]);
    expect(g).toMatchObject({
      customers: 3,
      reached: 2,
      orders: 3,
      revenueCents: 40_001,
      buyers: 2,
      previousBuyers: 2,
      repeatBuyers: 1,
      averageTicketCents: 13_334,
      reachedBp: 6_667,
      repurchaseBp: 5_000,
      revenuePerCustomerCents: 13_334,
    });
    expect(groupFigures([]).reachedBp).toBeNull();
  });
});
