/**
 * The full customer file on the laptop: contacts, consents, orders with their lines,
 * appointments, actions, visits, complaints follow their customer's scope; the catalogue
 * goes to everyone; paging never splits a customer from what hangs off it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/server/db/schema.js';
import { queryRows } from '../../src/server/db/types.js';
import {
  insertAppointments,
  insertComplaints,
  insertConsents,
  insertContacts,
  insertMarketingActions,
  insertOrders,
  insertPriceLists,
  insertPrices,
  insertProducts,
  insertVisits,
} from '../../src/server/features/portfolio/index.js';
import type { NewOrderLine } from '../../src/server/features/portfolio/index.js';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { Order } from '../../src/shared/domain/order/order.js';
import { lineTotalExclCents, orderTotals } from '../../src/shared/domain/order/order.js';
import type { EntityName, PatchOp, PullResponse } from '../../src/shared/sync/protocol.js';
import { entityNames } from '../../src/shared/sync/protocol.js';
import { backends, delIds, DEMO, pullAll, pullInput, putIds, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const at = new Date('2026-03-02T08:00:00.000Z');

interface Portfolio {
  customerId: string;
  contactIds: string[];
  orderIds: string[];
  ids: Partial<Record<EntityName, string[]>>;
}

describe.each(backends)('customer file sync on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;
  const catalogue = { products: [] as string[], priceLists: [] as string[], prices: [] as string[] };

  async function createCustomer(ownerId: string): Promise<Customer> {
    const { customer } = await server.ok<{ customer: Customer }>(
      'customer-create',
      { id: uuidv7(), name: `Brasserie ${uuidv7().slice(-6)}`, status: 'customer', ownerId },
      manager,
    );
    return customer;
  }

  /** A customer with two contacts, a consent, two orders (3 and 2 lines) and some activity. */
  async function createPortfolio(repId: string): Promise<Portfolio> {
    const db = server.database.db;
    const customer = await createCustomer(repId);
    const customerId = customer.id;
    const contactIds = [uuidv7(), uuidv7()];
    await insertContacts(db, [
      {
        id: contactIds[0]!,
        customerId,
        firstName: 'Nadia',
        lastName: 'Roux',
        role: 'Gérante',
        decisionMaker: true,
      },
      {
        id: contactIds[1]!,
        customerId,
        lastName: 'Perret',
        role: 'Chef de cuisine',
        preferredChannel: 'phone',
      },
    ]);
    const consentId = uuidv7();
    await insertConsents(db, [
      {
        id: consentId,
        customerId,
        contactId: contactIds[0]!,
        purpose: 'email-marketing',
        granted: true,
        at,
        source: 'visit',
      },
    ]);
    const [p0, p1, p2] = catalogue.products;
    const line = (
      productId: string,
      quantity: number,
      unitPriceCents: number,
      discountBp = 0,
    ): NewOrderLine => {
      const l = { quantity, unitPriceCents, discountBp, vatRate: 2000 as const };
      return {
        id: uuidv7(),
        productId,
        productReference: `REF-${productId.slice(-4)}`,
        productName: 'Produit',
        ...l,
        totalExclCents: lineTotalExclCents(l),
      };
    };
    const orderIds = [uuidv7(), uuidv7()];
    const linesA = [line(p0!, 6, 1234), line(p1!, 2, 4990, 500), line(p2!, 1, 15_000)];
    const linesB = [line(p0!, 12, 1234, 1000), line(p1!, 1, 4990)];
    await insertOrders(db, [
      {
        id: orderIds[0]!,
        customerId,
        repId,
        number: `CMD-${orderIds[0]!.slice(-8)}`,
        orderedAt: at,
        deliveryDate: '2026-03-05',
        status: 'delivered',
        ...orderTotals(linesA),
        lines: linesA,
      },
      {
        id: orderIds[1]!,
        customerId,
        repId,
        number: `CMD-${orderIds[1]!.slice(-8)}`,
        orderedAt: new Date(at.getTime() + 86_400_000),
        status: 'confirmed',
        ...orderTotals(linesB),
        lines: linesB,
      },
    ]);
    const appointmentId = uuidv7();
    await insertAppointments(db, [
      {
        id: appointmentId,
        customerId,
        contactId: contactIds[0]!,
        repId,
        kind: 'visit',
        startAt: new Date('2026-03-10T09:00:00.000Z'),
        durationMinutes: 45,
        objective: 'Présenter la gamme printemps',
        status: 'planned',
      },
    ]);
    const actionId = uuidv7();
    await insertMarketingActions(db, [
      { id: actionId, customerId, kind: 'mailing', at, label: 'Catalogue printemps', reaction: 'positive' },
    ]);
    const visitId = uuidv7();
    await insertVisits(db, [
      {
        id: visitId,
        customerId,
        repId,
        at,
        channel: 'visit',
        outcome: 'order',
        objections: [{ text: 'Trop cher', lifted: true }],
        summary: 'Commande passée',
      },
    ]);
    const complaintId = uuidv7();
    await insertComplaints(db, [
      {
        id: complaintId,
        customerId,
        orderId: orderIds[0]!,
        productId: p2!,
        category: 'Livraison',
        description: 'Carton abîmé',
        severity: 'low',
        status: 'received',
      },
    ]);
    return {
      customerId,
      contactIds,
      orderIds,
      ids: {
        customer: [customerId],
        contact: contactIds,
        consent: [consentId],
        order: orderIds,
        appointment: [appointmentId],
        action: [actionId],
        visit: [visitId],
        complaint: [complaintId],
      },
    };
  }

  let mine: Portfolio;
  let theirs: Portfolio;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
    ]);
    const db = server.database.db;
    catalogue.products = [uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await insertProducts(
      db,
      catalogue.products.map((id, i) => ({
        id,
        reference: `CAF-${100 + i}`,
        name: `Café ${i}`,
        family: 'Cafés',
        unit: 'kg',
        vatRate: 550 as const,
        active: i !== 3, // the last one is discontinued: still sent, flagged
      })),
    );
    catalogue.priceLists = [uuidv7(), uuidv7()];
    await insertPriceLists(db, [
      {
        id: catalogue.priceLists[0]!,
        code: 'CHR',
        name: 'Tarif CHR',
        customerGroup: 'CHR',
        validFrom: '2026-01-01',
      },
      {
        id: catalogue.priceLists[1]!,
        code: 'CHR-PREMIUM',
        name: 'Tarif CHR premium',
        customerGroup: 'CHR-PREMIUM',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      },
    ]);
    catalogue.prices = catalogue.products.map(() => uuidv7());
    await insertPrices(
      db,
      catalogue.products.map((productId, i) => ({
        id: catalogue.prices[i]!,
        priceListId: catalogue.priceLists[i % 2]!,
        productId,
        breaks: [
          { minQuantity: 1, unitPriceCents: 1500 + i },
          { minQuantity: 10, unitPriceCents: 1350 + i },
        ],
      })),
    );
    mine = await createPortfolio(server.ids.repIds.camille);
    theirs = await createPortfolio(server.ids.repIds.thomas);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  function putsOf<E extends EntityName>(pages: PullResponse[], entity: E) {
    return pages.flatMap((p) =>
      p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value] : [])),
    ) as Extract<PatchOp, { op: 'put'; entity: E }>['value'][];
  }

  it('a rep pulls their customers with everything hanging off them, and the whole catalogue', async () => {
    const pages = await pullAll(server, camille, uuidv7(), null);
    for (const [entity, ids] of Object.entries(mine.ids)) {
      const got = pages.flatMap((p) => putIds(p, entity));
      for (const id of ids) expect(got, entity).toContain(id);
    }
    const orders = putsOf(pages, 'order').filter((o) => mine.orderIds.includes(o.id));
    expect(orders).toHaveLength(2);
    const first = orders.find((o) => o.id === mine.orderIds[0]) as Order;
    expect(first.lines).toHaveLength(3);
    expect(first.lines.map((l) => l.quantity)).toEqual([6, 2, 1]);
    expect(first.lines[1]).toMatchObject({ unitPriceCents: 4990, discountBp: 500, totalExclCents: 9481 });
    const totals = orderTotals(first.lines);
    expect(first).toMatchObject({ ...totals, status: 'delivered', deliveryDate: '2026-03-05' });
    expect(first.totalExclCents).toBe(7404 + 9481 + 15_000);
    expect(first.orderedAt).toBe(at.toISOString());

    // The whole catalogue (the demo seed may bring its own), inactive products included.
    const catalogueCount = async (table: string) =>
      Number(
        (
          await queryRows<{ n: number }>(
            server.database.db,
            sql`select count(*)::int as n from ${sql.identifier(table)} where deleted_at is null`,
          )
        )[0]?.n,
      );
    const products = putsOf(pages, 'product');
    expect(products).toHaveLength(await catalogueCount('products'));
    expect(products.map((p) => p.id)).toEqual(expect.arrayContaining(catalogue.products));
    expect(products.find((p) => p.id === catalogue.products[3])?.active).toBe(false);
    expect(putsOf(pages, 'priceList')).toHaveLength(await catalogueCount('price_lists'));
    expect(putsOf(pages, 'priceList').map((p) => p.id)).toEqual(expect.arrayContaining(catalogue.priceLists));
    const prices = putsOf(pages, 'price');
    expect(prices).toHaveLength(await catalogueCount('prices'));
    expect(prices.map((p) => p.id)).toEqual(expect.arrayContaining(catalogue.prices));
    expect(prices[0]?.breaks[0]?.minQuantity).toBe(1);

    const contact = putsOf(pages, 'contact').find((c) => c.id === mine.contactIds[0]);
    expect(contact).toMatchObject({
      firstName: 'Nadia',
      lastName: 'Roux',
      decisionMaker: true,
      anonymisedAt: null,
    });
    expect(putsOf(pages, 'visit').find((v) => v.customerId === mine.customerId)?.objections).toEqual([
      { text: 'Trop cher', lifted: true },
    ]);
    const customer = putsOf(pages, 'customer').find((c) => c.id === mine.customerId);
    expect(customer).toMatchObject({ siret: '', preferredVisitDays: [], latitude: null, externalRef: null });
  });

  it("another rep's customer's contacts and orders never reach a rep", async () => {
    const pages = await pullAll(server, camille, uuidv7(), null);
    for (const [entity, ids] of Object.entries(theirs.ids)) {
      const got = pages.flatMap((p) => putIds(p, entity));
      for (const id of ids) expect(got, entity).not.toContain(id);
    }
    const customerIds = new Set(putsOf(pages, 'customer').map((c) => c.id));
    for (const entity of [
      'contact',
      'consent',
      'order',
      'appointment',
      'action',
      'visit',
      'complaint',
    ] as const) {
      for (const row of putsOf(pages, entity)) expect(customerIds.has(row.customerId), entity).toBe(true);
    }
  });

  it('reassigning a customer moves its file to the new rep and deletes it from the old one', async () => {
    const moving = await createPortfolio(server.ids.repIds.camille);
    const camilleClient = uuidv7();
    const thomasClient = uuidv7();
    const camilleStart = (await pullAll(server, camille, camilleClient, null)).at(-1)!;
    const thomasStart = (await pullAll(server, thomas, thomasClient, null)).at(-1)!;

    await server.ok('customer-assign', { id: moving.customerId, ownerId: server.ids.repIds.thomas }, manager);

    const camilleNext = await server.ok<PullResponse>(
      'sync-pull',
      pullInput(camilleClient, camilleStart.cookie),
      camille,
    );
    const thomasNext = await server.ok<PullResponse>(
      'sync-pull',
      pullInput(thomasClient, thomasStart.cookie),
      thomas,
    );
    for (const [entity, ids] of Object.entries(moving.ids)) {
      expect(delIds(camilleNext, entity).sort(), entity).toEqual([...ids].sort());
      expect(putIds(thomasNext, entity).sort(), entity).toEqual([...ids].sort());
    }
    // Nothing else moved: the catalogue is not sent again.
    expect(camilleNext.patch.filter((op) => op.op === 'put')).toEqual([]);
    expect(thomasNext.patch.filter((op) => op.op === 'del')).toEqual([]);
    const moved = thomasNext.patch.find((op) => op.op === 'put' && op.entity === 'order');
    expect(moved?.op === 'put' && moved.entity === 'order' ? moved.value.lines.length : 0).toBeGreaterThan(0);
  });

  it('a tombstoned contact is deleted on pull, an edited one is sent again', async () => {
    const clientId = uuidv7();
    const start = (await pullAll(server, camille, clientId, null)).at(-1)!;
    const db = server.database.db;
    await db
      .update(contacts)
      .set({ deletedAt: new Date(), version: sql`${contacts.version} + 1`, updatedAt: new Date() })
      .where(eq(contacts.id, mine.contactIds[1]!));
    await db
      .update(contacts)
      .set({ phone: '06 12 34 56 78', version: sql`${contacts.version} + 1`, updatedAt: new Date() })
      .where(eq(contacts.id, mine.contactIds[0]!));
    const next = await server.ok<PullResponse>('sync-pull', pullInput(clientId, start.cookie), camille);
    expect(delIds(next, 'contact')).toEqual([mine.contactIds[1]]);
    expect(putIds(next, 'contact')).toEqual([mine.contactIds[0]]);
    expect(next.patch).toHaveLength(2);
  });

  it('paging with a small limit returns every row once, customers before what hangs off them', async () => {
    const whole = await pullAll(server, camille, uuidv7(), null);
    const expected = whole.flatMap((p) =>
      p.patch.map((op) => `${op.entity}:${op.op === 'put' ? op.value.id : op.id}`),
    );
    expect(new Set(expected).size).toBe(expected.length);

    // About 15 pages, whatever the size of the demo seed; cuts fall inside entities.
    const limit = Math.max(3, Math.ceil(expected.length / 15) + 1);
    const clientId = uuidv7();
    const pages: PullResponse[] = [];
    let cookie: number | null = null;
    for (;;) {
      const page: PullResponse = await server.ok<PullResponse>(
        'sync-pull',
        pullInput(clientId, cookie, limit),
        camille,
      );
      pages.push(page);
      expect(page.patch.length).toBeLessThanOrEqual(limit);
      cookie = page.cookie;
      if (!page.more) break;
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(expected.length / limit));
    expect(pages.slice(1).every((p) => !p.reset)).toBe(true);
    const got = pages.flatMap((p) =>
      p.patch.map((op) => `${op.entity}:${op.op === 'put' ? op.value.id : op.id}`),
    );
    expect(got.length).toBe(new Set(got).size);
    expect([...got].sort()).toEqual([...expected].sort());

    // Entities arrive in pull order, so every row's customer (and order, contact) came first.
    const ops = pages.flatMap((p) => p.patch);
    const rank = (e: EntityName) => entityNames.indexOf(e);
    for (let i = 1; i < ops.length; i += 1)
      expect(rank(ops[i]!.entity)).toBeGreaterThanOrEqual(rank(ops[i - 1]!.entity));
    const seen = new Set<string>();
    for (const op of ops) {
      if (op.op !== 'put') continue;
      const v = op.value as { customerId?: string; contactId?: string | null; orderId?: string | null };
      if (op.entity !== 'conflict' && v.customerId !== undefined)
        expect(seen.has(v.customerId), op.entity).toBe(true);
      if (op.entity === 'consent' && v.contactId) expect(seen.has(v.contactId)).toBe(true);
      if (op.entity === 'complaint' && v.orderId) expect(seen.has(v.orderId)).toBe(true);
      seen.add(op.value.id);
    }
    // And nothing is left afterwards.
    const after = await server.ok<PullResponse>('sync-pull', pullInput(clientId, cookie), camille);
    expect(after.patch).toEqual([]);
  });
});
