import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customerSchema } from '../../shared/domain/customer/customer.js';
import { complaintCategories } from '../../shared/domain/complaint/complaint.js';
import { isValidSiret } from '../../shared/domain/customer/siret.js';
import { orderSchema } from '../../shared/domain/order/order.js';
import type { Order } from '../../shared/domain/order/order.js';
import { vatCents } from '../../shared/lib/money.js';
import { generateCompany, parisInstant } from './company.js';
import type { GeneratedCompany } from './company.js';
import { distanceKm, townsByPostcode } from './geo.js';

const referenceDate = '2026-11-23';
const DAY = 86_400_000;

function hashOf(company: GeneratedCompany): string {
  const { profiles: _profiles, territories, ...rest } = company;
  const json = JSON.stringify({ ...rest, territories: territories.map((t) => [t.repId, t.towns.length]) });
  return createHash('sha256').update(json).digest('hex');
}

// Each case generates a whole demo company: margin for a busy machine.
describe('generateCompany', { timeout: 30_000 }, () => {
  const small = generateCompany({ seed: 7, scale: 0.05, referenceDate });

  it('is deterministic: same seed, scale and date give the same company', () => {
    expect(hashOf(generateCompany({ seed: 7, scale: 0.05, referenceDate }))).toBe(hashOf(small));
    expect(hashOf(generateCompany({ seed: 8, scale: 0.05, referenceDate }))).not.toBe(hashOf(small));
  });

  it('has two teams, Julien and a second manager, ten reps including Camille and Thomas', () => {
    expect(small.teams.map((t) => t.name)).toEqual(['Rhône-Alpes', 'Provence-Occitanie']);
    const reps = small.users.filter((u) => u.role === 'rep');
    expect(reps).toHaveLength(10);
    const julien = small.users.find((u) => u.email === 'julien.mercier@tournee.test');
    expect(julien?.teamId).toBe(small.teams[0]?.id);
    for (const email of ['camille.martin@tournee.test', 'thomas.bernard@tournee.test'])
      expect(reps.find((u) => u.email === email)?.teamId).toBe(julien?.teamId);
    expect(small.users.filter((u) => u.role === 'manager')).toHaveLength(2);
    expect(small.customers).toHaveLength(300);
  });

  it('has a catalogue of 300–500 products, some inactive, and three price lists with breaks', () => {
    expect(small.products.length).toBeGreaterThanOrEqual(300);
    expect(small.products.length).toBeLessThanOrEqual(500);
    expect(small.products.some((p) => !p.active)).toBe(true);
    expect(new Set(small.products.map((p) => p.reference)).size).toBe(small.products.length);
    expect(small.products.find((p) => p.family === 'Spiritueux')?.vatRate).toBe(2000);
    expect(small.products.find((p) => p.family === 'Épicerie')?.vatRate).toBe(550);
    expect(small.priceLists).toHaveLength(3);
    expect(small.prices).toHaveLength(3 * small.products.length);
    expect(small.prices.every((p) => p.breaks.length === 3 && p.breaks[0]?.minQuantity === 1)).toBe(true);
  });

  it('ids are UUID v7 and sort by the time of their record', () => {
    const orders = [...small.orders].sort((a, b) => (a.id < b.id ? -1 : 1));
    const times = orders.map((o) => Date.parse(o.orderedAt));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true);
    expect(new Set(small.orders.map((o) => o.id)).size).toBe(small.orders.length);
    expect(new Set(small.orders.map((o) => o.number)).size).toBe(small.orders.length);
  });

  it('parses with the shared schemas', () => {
    for (const customer of small.customers) customerSchema.parse(customer);
    for (const order of small.orders.slice(0, 500)) orderSchema.parse(order);
  });

  it('holds its invariants for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const company = generateCompany({ seed, scale: 0.01, referenceDate });
        checkInvariants(company);
      }),
      { numRuns: 4 },
    );
    checkInvariants(small);
  });

  it('files every complaint under a category code the app translates, never a label', () => {
    expect(small.complaints.length).toBeGreaterThan(0);
    for (const c of small.complaints) expect(complaintCategories).toContain(c.category);
  });

  it('orders statuses by age: old ones delivered, recent ones on their way', () => {
    const today = Date.parse(referenceDate);
    const old = small.orders.filter((o) => Date.parse(o.orderedAt) < today - 30 * DAY);
    expect(old.every((o) => o.status === 'delivered' || o.status === 'cancelled')).toBe(true);
    expect(old.filter((o) => o.status === 'cancelled').length).toBeGreaterThan(0);
    expect(small.orders.every((o) => Date.parse(o.orderedAt) < today)).toBe(true);
  });

  it('plans two weeks of appointments for every rep, some set by the manager', () => {
    const today = Date.parse(referenceDate);
    for (const rep of small.users.filter((u) => u.role === 'rep')) {
      const mine = small.appointments.filter((a) => a.repId === rep.id);
      expect(mine.length).toBeGreaterThan(5);
      expect(
        mine.every((a) => Date.parse(a.startAt) >= today && Date.parse(a.startAt) < today + 15 * DAY),
      ).toBe(true);
    }
    const camille = small.users.find((u) => u.key === 'camille');
    expect(
      small.appointments.some((a) => a.repId === camille?.id && a.setByManagerName === 'Julien Mercier'),
    ).toBe(true);
  });

  it('converts Paris wall-clock times across summer time', () => {
    expect(new Date(parisInstant(Date.UTC(2026, 0, 15), 9, 0)).toISOString()).toBe(
      '2026-01-15T08:00:00.000Z',
    );
    expect(new Date(parisInstant(Date.UTC(2026, 6, 15), 9, 0)).toISOString()).toBe(
      '2026-07-15T07:00:00.000Z',
    );
  });
});

function checkInvariants(company: GeneratedCompany): void {
  const customers = new Map(company.customers.map((c) => [c.id, c]));
  for (const c of company.customers) {
    expect(isValidSiret(c.siret), c.siret).toBe(true);
    const towns = townsByPostcode(c.postcode);
    const town = towns.find((t) => t.name === c.city);
    expect(town, `${c.postcode} ${c.city}`).toBeDefined();
    expect(
      distanceKm(c.latitude ?? 0, c.longitude ?? 0, town?.latitude ?? 0, town?.longitude ?? 0),
    ).toBeLessThan(5);
    expect(['56.10A', '56.10C', '56.30Z', '55.10Z', '56.21Z', '56.29A']).toContain(c.nafCode);
  }
  const byCustomer = new Map<string, Order[]>();
  for (const order of company.orders) {
    const list = byCustomer.get(order.customerId) ?? [];
    list.push(order);
    byCustomer.set(order.customerId, list);
    expect(order.totalExclCents).toBe(order.lines.reduce((s, l) => s + l.totalExclCents, 0));
    const byRate = new Map<number, number>();
    for (const l of order.lines) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + l.totalExclCents);
    expect(order.totalVatCents).toBe([...byRate].reduce((s, [rate, excl]) => s + vatCents(excl, rate), 0));
    expect(order.totalInclCents).toBe(order.totalExclCents + order.totalVatCents);
    const customer = customers.get(order.customerId);
    expect(customer).toBeDefined();
    expect(order.orderedAt.slice(0, 10) >= (customer?.firstContactDate ?? '')).toBe(true);
  }
  for (const c of company.customers) {
    if (c.status === 'prospect') expect(byCustomer.get(c.id)).toBeUndefined();
  }
  const contactsByCustomer = new Map<string, number>();
  for (const contact of company.contacts) {
    if (contact.decisionMaker)
      contactsByCustomer.set(contact.customerId, (contactsByCustomer.get(contact.customerId) ?? 0) + 1);
  }
  expect(company.customers.every((c) => contactsByCustomer.get(c.id) === 1)).toBe(true);
}

// ---- The story: RFM segments and their migration between two dates ----------------------------

type Segment = 'champions' | 'loyal' | 'at-risk' | 'other';

/** R/F/M scored 1–5 by quintile over the portfolio (customers who bought before `at`). */
function rfmSegments(orders: readonly Order[], at: number): Map<string, Segment> {
  const stats = new Map<string, { last: number; f: number; m: number }>();
  for (const o of orders) {
    const t = Date.parse(o.orderedAt);
    if (t >= at || o.status === 'cancelled') continue;
    const s = stats.get(o.customerId) ?? { last: 0, f: 0, m: 0 };
    s.last = Math.max(s.last, t);
    if (t >= at - 365 * DAY) {
      s.f += 1;
      s.m += o.totalExclCents;
    }
    stats.set(o.customerId, s);
  }
  const ids = [...stats.keys()];
  const score = (value: (id: string) => number) => {
    const sorted = [...ids].sort((a, b) => value(a) - value(b));
    return new Map(sorted.map((id, rank) => [id, 1 + Math.floor((5 * rank) / sorted.length)]));
  };
  const r = score((id) => stats.get(id)?.last ?? 0);
  const f = score((id) => stats.get(id)?.f ?? 0);
  const m = score((id) => stats.get(id)?.m ?? 0);
  return new Map(
    ids.map((id) => {
      const [rs, fs, ms] = [r.get(id) ?? 1, f.get(id) ?? 1, m.get(id) ?? 1];
      const segment: Segment =
        rs >= 4 && fs >= 4 && ms >= 4
          ? 'champions'
          : rs >= 3 && fs >= 4
            ? 'loyal'
            : rs <= 2 && fs >= 3 && ms >= 3
              ? 'at-risk'
              : 'other';
      return [id, segment];
    }),
  );
}

describe('the story RFM tells', { timeout: 30_000 }, () => {
  it('some of Camille’s loyal customers have been at risk since the summer', () => {
    const company = generateCompany({ scale: 0.2, referenceDate });
    const camille = company.users.find((u) => u.key === 'camille');
    const mine = new Set(company.customers.filter((c) => c.ownerId === camille?.id).map((c) => c.id));
    const orders = company.orders.filter((o) => mine.has(o.customerId));
    const today = Date.parse(referenceDate);
    const before = rfmSegments(orders, today - 180 * DAY);
    const now = rfmSegments(orders, today);
    const migrated = [...before].filter(
      ([id, segment]) => (segment === 'champions' || segment === 'loyal') && now.get(id) === 'at-risk',
    );
    expect(migrated.length).toBeGreaterThanOrEqual(3);
    // Most customers keep a segment that matches their behaviour: not everything migrates.
    expect(migrated.length).toBeLessThan(mine.size / 4);
    // Newcomers every month, lost customers, prospects.
    const months = new Set(company.customers.map((c) => c.firstContactDate?.slice(0, 7)));
    expect(months.size).toBeGreaterThan(30);
    expect(company.customers.some((c) => c.status === 'lost')).toBe(true);
    expect(company.customers.some((c) => c.status === 'prospect')).toBe(true);
  });

  it('ski resorts order in winter, terraces in summer', () => {
    const company = generateCompany({ scale: 0.2, referenceDate });
    const monthly = (filter: (id: string) => boolean) => {
      const counts = new Array<number>(12).fill(0);
      for (const o of company.orders)
        if (filter(o.customerId)) counts[new Date(o.orderedAt).getUTCMonth()]! += 1;
      return counts;
    };
    const ski = monthly((id) => company.profiles.get(id)?.ski === true);
    expect((ski[0] ?? 0) + (ski[1] ?? 0)).toBeGreaterThan(3 * ((ski[4] ?? 0) + (ski[9] ?? 0)));
    const terrace = monthly((id) => company.profiles.get(id)?.terrace === true);
    expect((terrace[6] ?? 0) + (terrace[5] ?? 0)).toBeGreaterThan((terrace[0] ?? 0) + (terrace[1] ?? 0));
  });
});
