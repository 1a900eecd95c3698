import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { Order } from '../../src/shared/domain/order/order.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { auditLog, orders, priceLists, prices, products } from '../../src/server/db/schema.js';
import { unitPriceForQuantity } from '../../src/shared/domain/order/pricing.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const envelope = (mid: number) => ({ mid, mutationId: uuidv7(), createdAt: new Date().toISOString() });

function puts<T>(pages: PullResponse[], entity: string): T[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as T] : [])),
  );
}

interface Priced {
  productId: string;
  breaks: { minQuantity: number; unitPriceCents: number }[];
}

describe.each(backends)('orders on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let manager: string;
  let customer: Customer;
  let items: Priced[];

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, manager] = await Promise.all([server.login(DEMO.camille), server.login(DEMO.manager)]);
    customer = (
      await server.ok<{ customers: Customer[] }>(
        'customer-list',
        { ownerId: server.ids.repIds.camille, limit: 1 },
        manager,
      )
    ).customers[0] as Customer;
    const db = server.database.db;
    const group = customer.priceGroup === '' ? 'CHR-STD' : customer.priceGroup;
    items = await db
      .select({ productId: prices.productId, breaks: prices.breaks })
      .from(prices)
      .innerJoin(priceLists, eq(priceLists.id, prices.priceListId))
      .innerJoin(products, eq(products.id, prices.productId))
      .where(and(eq(priceLists.customerGroup, group), eq(products.active, true), isNull(prices.deletedAt)))
      .limit(4);
    expect(items.length).toBe(4);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  function line(item: Priced, quantity: number, discountBp = 0, previewUnitPriceCents?: number) {
    return {
      id: uuidv7(),
      productId: item.productId,
      quantity,
      discountBp,
      ...(previewUnitPriceCents === undefined ? {} : { previewUnitPriceCents }),
    };
  }

  function create(mid: number, lines: ReturnType<typeof line>[]): Mutation & { name: 'order-create' } {
    return {
      ...envelope(mid),
      name: 'order-create',
      args: {
        id: uuidv7(),
        customerId: customer.id,
        orderedAt: new Date().toISOString(),
        deliveryDate: null,
        lines,
        note: 'Livrer avant 10 h',
        signature: null,
      },
    };
  }

  async function pulledOrder(clientId: string, id: string): Promise<Order | undefined> {
    const pages = await pullAll(server, camille, clientId, null);
    return puts<Order>(pages, 'order').find((o) => o.id === id);
  }

  async function outcomes(clientId: string): Promise<MutationOutcome[]> {
    const pages = await pullAll(server, camille, clientId, null);
    return puts<MutationOutcome>(pages, 'outcome').filter((o) => o.clientId === clientId);
  }

  it('an order taken offline reaches head office numbered and priced at head office, once', async () => {
    const [a, b] = items as [Priced, Priced];
    const clientId = uuidv7();
    const order = create(1, [line(a, 1, 0, 1), line(b, 12)]);
    expect(await server.ok('sync-push', pushInput(clientId, [order]), camille)).toEqual({ lastMid: 1 });
    expect(await server.ok('sync-push', pushInput(clientId, [order]), camille)).toEqual({ lastMid: 1 });
    const pulled = await pulledOrder(clientId, order.args.id);
    expect(pulled).toMatchObject({
      status: 'received',
      approval: 'not-needed',
      repId: server.ids.repIds.camille,
      note: 'Livrer avant 10 h',
    });
    expect(pulled?.number).toMatch(/^CMD-\d{4}-\d{6}$/);
    expect(pulled?.lines.map((l) => l.unitPriceCents)).toEqual([
      unitPriceForQuantity(a.breaks, 1),
      unitPriceForQuantity(b.breaks, 12),
    ]);
    expect(pulled?.totalExclCents).toBe(pulled?.lines.reduce((s, l) => s + l.totalExclCents, 0));
    // The laptop's preview (1 cent) differed: head office kept its own and recorded it.
    const [entry] = await server.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.method, 'sync-push:order-create'), eq(auditLog.entityId, order.args.id)));
    expect(JSON.stringify(entry?.details)).toContain('"laptopUnitPriceCents":1');
  });

  it("an order pushed with another rep's order id is refused, and tells nothing of that order", async () => {
    const theirs = await server.database.db
      .select({ id: orders.id, number: orders.number })
      .from(orders)
      .where(eq(orders.repId, server.ids.repIds.thomas))
      .limit(1);
    expect(theirs).toHaveLength(1);
    const clientId = uuidv7();
    const order = create(1, [line(items[0] as Priced, 1)]);
    order.args.id = theirs[0]!.id;
    expect(await server.ok('sync-push', pushInput(clientId, [order]), camille)).toEqual({ lastMid: 1 });
    const refused = (await outcomes(clientId)).find((o) => o.id === order.mutationId);
    expect(refused).toMatchObject({ code: 'conflict', name: 'order-create' });
    expect(JSON.stringify(refused)).not.toContain(theirs[0]!.number);
    const [still] = await server.database.db
      .select({ repId: orders.repId })
      .from(orders)
      .where(eq(orders.id, theirs[0]!.id));
    expect(still?.repId).toBe(server.ids.repIds.thomas);
  });

  it('a discount above the rep limit waits for the manager, who approves; the rep pulls it', async () => {
    const clientId = uuidv7();
    const order = create(1, [line(items[0] as Priced, 2, 1500)]);
    await server.ok('sync-push', pushInput(clientId, [order]), camille);
    expect((await pulledOrder(clientId, order.args.id))?.approval).toBe('pending');
    const waiting = await server.ok<{ orders: Order[] }>('order-list', { approval: 'pending' }, manager);
    expect(waiting.orders.map((o) => o.id)).toContain(order.args.id);
    const mine = await server.ok<{ orders: Order[] }>('order-list', { customerId: customer.id }, camille);
    expect(mine.orders.map((o) => o.id)).toContain(order.args.id);
    const refused = await server.call(
      'order-set-status',
      { id: order.args.id, status: 'confirmed' },
      manager,
    );
    expect(refused.body.ok).toBe(false);
    const approved = await server.ok<{ order: Order }>(
      'order-approve',
      { id: order.args.id, decision: 'approved' },
      manager,
    );
    expect(approved.order.approval).toBe('approved');
    const forbidden = await server.call(
      'order-approve',
      { id: order.args.id, decision: 'approved' },
      camille,
    );
    expect(forbidden.body.ok).toBe(false);
    const pulled = await pulledOrder(clientId, order.args.id);
    expect(pulled).toMatchObject({ approval: 'approved', version: 2 });
  });

  it('once head office confirms, the rep\u2019s later edit is refused with the reason, lines kept, order unchanged', async () => {
    const clientId = uuidv7();
    const order = create(1, [line(items[1] as Priced, 3)]);
    await server.ok('sync-push', pushInput(clientId, [order]), camille);
    const confirmed = await server.ok<{ order: Order }>(
      'order-set-status',
      { id: order.args.id, status: 'confirmed' },
      manager,
    );
    expect(confirmed.order.status).toBe('confirmed');
    const invalid = await server.call(
      'order-set-status',
      { id: order.args.id, status: 'delivered' },
      manager,
    );
    expect(invalid.body.ok).toBe(false);
    const update: Mutation = {
      ...envelope(2),
      name: 'order-update',
      args: {
        id: order.args.id,
        baseVersion: 1,
        deliveryDate: null,
        note: '',
        lines: [line(items[1] as Priced, 30)],
      },
    };
    expect(await server.ok('sync-push', pushInput(clientId, [update]), camille)).toEqual({ lastMid: 2 });
    const [outcome] = await outcomes(clientId);
    expect(outcome).toMatchObject({ mid: 2, code: 'conflict' });
    expect(outcome?.message).toMatch(
      /^Head office confirmed this order on \d{4}-\d{2}-\d{2}; .*Call head office\.$/,
    );
    expect(outcome?.detail).toContain('"quantity":30');
    const pulled = await pulledOrder(clientId, order.args.id);
    expect(pulled).toMatchObject({ status: 'confirmed', version: 3 });
    expect(pulled?.lines.map((l) => l.quantity)).toEqual([3]);
  });

  it('a rep may still change an order head office has not confirmed; prices are head office\u2019s', async () => {
    const clientId = uuidv7();
    const order = create(1, [line(items[2] as Priced, 1)]);
    const update: Mutation = {
      ...envelope(2),
      name: 'order-update',
      args: {
        id: order.args.id,
        baseVersion: 0,
        deliveryDate: '2030-01-15',
        note: 'x',
        lines: [line(items[2] as Priced, 5)],
      },
    };
    await server.ok('sync-push', pushInput(clientId, [order, update]), camille);
    const pulled = await pulledOrder(clientId, order.args.id);
    expect(pulled).toMatchObject({ deliveryDate: '2030-01-15', version: 2 });
    expect(pulled?.lines.map((l) => [l.quantity, l.unitPriceCents])).toEqual([
      [5, unitPriceForQuantity((items[2] as Priced).breaks, 5)],
    ]);
  });

  it('a product withdrawn since the laptop\u2019s last sync is refused, nothing stored, queue not blocked', async () => {
    const item = items[3] as Priced;
    await server.database.db.update(products).set({ active: false }).where(eq(products.id, item.productId));
    const clientId = uuidv7();
    const withdrawn = create(1, [line(items[0] as Priced, 1), line(item, 2)]);
    const tooMuch = create(2, [line(items[0] as Priced, 1, 6000)]);
    const fine = create(3, [line(items[0] as Priced, 1)]);
    expect(await server.ok('sync-push', pushInput(clientId, [withdrawn, tooMuch, fine]), camille)).toEqual({
      lastMid: 3,
    });
    const refused = await outcomes(clientId);
    expect(refused.map((o) => [o.mid, o.code])).toEqual([
      [1, 'bad-request'],
      [2, 'bad-request'],
    ]);
    expect(refused[0]?.message).toContain('withdrawn');
    expect(refused[1]?.message).toContain('50');
    const pages = await pullAll(server, camille, clientId, null);
    const ids = puts<Order>(pages, 'order').map((o) => o.id);
    expect(ids).toContain(fine.args.id);
    expect(ids).not.toContain(withdrawn.args.id);
    expect(ids).not.toContain(tooMuch.args.id);
    // An edit adding the withdrawn product is refused too; the order is sent back unchanged.
    const edit: Mutation = {
      ...envelope(4),
      name: 'order-update',
      args: { id: fine.args.id, baseVersion: 1, deliveryDate: null, note: '', lines: [line(item, 4)] },
    };
    await server.ok('sync-push', pushInput(clientId, [edit]), camille);
    const after = await outcomes(clientId);
    expect(after.map((o) => [o.mid, o.code])).toContainEqual([4, 'bad-request']);
    const resent = await pulledOrder(clientId, fine.args.id);
    expect(resent?.version).toBe(2);
    expect(resent?.lines.map((l) => l.productId)).toEqual([(items[0] as Priced).productId]);
  });
  function update(mid: number, id: string, baseVersion: number, lines: ReturnType<typeof line>[]): Mutation {
    return {
      ...envelope(mid),
      name: 'order-update',
      args: { id, baseVersion, deliveryDate: null, note: '', lines },
    };
  }

  it('imported references that are not CMD-YYYY-NNNNNN do not break numbering', async () => {
    const clientId = uuidv7();
    const first = create(1, [line(items[0] as Priced, 1)]);
    await server.ok('sync-push', pushInput(clientId, [first]), camille);
    const before = (await pulledOrder(clientId, first.args.id))?.number ?? '';
    const year = before.slice(4, 8);
    const imported = (number: string) => ({
      id: uuidv7(),
      customerId: customer.id,
      repId: server.ids.repIds.camille,
      number,
      orderedAt: new Date(),
      status: 'delivered' as const,
      totalExclCents: 100,
      totalVatCents: 20,
      totalInclCents: 120,
    });
    await server.database.db
      .insert(orders)
      .values([imported(`CMD-${year}-A17`), imported(`CMD-${year}-000010-B`), imported(`CMD-${year}-99`)]);
    const next = create(2, [line(items[0] as Priced, 1)]);
    expect(await server.ok('sync-push', pushInput(clientId, [next]), camille)).toEqual({ lastMid: 2 });
    expect(await outcomes(clientId)).toEqual([]);
    const number = (await pulledOrder(clientId, next.args.id))?.number;
    expect(number).toBe(`CMD-${year}-${String(Number(before.slice(9)) + 1).padStart(6, '0')}`);
  });

  it('a number an import took is skipped, and numbers follow on from there without a gap', async () => {
    const clientId = uuidv7();
    const first = create(1, [line(items[0] as Priced, 1)]);
    await server.ok('sync-push', pushInput(clientId, [first]), camille);
    const before = (await pulledOrder(clientId, first.args.id))?.number ?? '';
    const year = before.slice(4, 8);
    const nth = (k: number) => `CMD-${year}-${String(Number(before.slice(9)) + k).padStart(6, '0')}`;
    // An import brings an order under exactly the number head office would give next.
    await server.database.db.insert(orders).values({
      id: uuidv7(),
      customerId: customer.id,
      repId: server.ids.repIds.camille,
      number: nth(1),
      orderedAt: new Date(),
      status: 'delivered' as const,
      totalExclCents: 100,
      totalVatCents: 20,
      totalInclCents: 120,
    });
    const second = create(2, [line(items[0] as Priced, 1)]);
    const third = create(3, [line(items[0] as Priced, 1)]);
    expect(await server.ok('sync-push', pushInput(clientId, [second, third]), camille)).toEqual({
      lastMid: 3,
    });
    expect(await outcomes(clientId)).toEqual([]);
    expect((await pulledOrder(clientId, second.args.id))?.number).toBe(nth(2));
    expect((await pulledOrder(clientId, third.args.id))?.number).toBe(nth(3));
  });

  it('a rejected discount cannot be confirmed nor shipped; brought back within the limit it no longer needs approval', async () => {
    const clientId = uuidv7();
    const order = create(1, [line(items[0] as Priced, 2, 1500)]);
    await server.ok('sync-push', pushInput(clientId, [order]), camille);
    await server.ok('order-approve', { id: order.args.id, decision: 'rejected' }, manager);
    const refused = await server.call(
      'order-set-status',
      { id: order.args.id, status: 'confirmed' },
      manager,
    );
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(refused.body)).toContain('refused the discount');
    const edit = update(2, order.args.id, 2, [line(items[0] as Priced, 2, 500)]);
    await server.ok('sync-push', pushInput(clientId, [edit]), camille);
    expect((await pulledOrder(clientId, order.args.id))?.approval).toBe('not-needed');
    await server.ok('order-set-status', { id: order.args.id, status: 'confirmed' }, manager);
  });

  it('an approved discount stays approved when an edit does not raise it, and waits again when it does', async () => {
    const clientId = uuidv7();
    const first = line(items[0] as Priced, 2, 1500);
    const order = create(1, [first, line(items[1] as Priced, 1)]);
    await server.ok('sync-push', pushInput(clientId, [order]), camille);
    await server.ok('order-approve', { id: order.args.id, decision: 'approved' }, manager);
    // Same line, more cartons, a lower discount still above the limit; a new line within it.
    const lower = update(2, order.args.id, 2, [
      { ...first, quantity: 6, discountBp: 1200 },
      line(items[2] as Priced, 1, 500),
    ]);
    await server.ok('sync-push', pushInput(clientId, [lower]), camille);
    expect(await pulledOrder(clientId, order.args.id)).toMatchObject({ approval: 'approved', version: 3 });
    const higher = update(3, order.args.id, 3, [{ ...first, discountBp: 2000 }]);
    await server.ok('sync-push', pushInput(clientId, [higher]), camille);
    expect((await pulledOrder(clientId, order.args.id))?.approval).toBe('pending');
    expect(await outcomes(clientId)).toEqual([]);
  });

  it('a manager may not decide the discount of their own order; an admin may', async () => {
    const clientId = uuidv7();
    const order = create(1, [line(items[0] as Priced, 2, 1500)]);
    await server.ok('sync-push', pushInput(clientId, [order]), camille);
    await server.database.db
      .update(orders)
      .set({ repId: server.ids.managerId })
      .where(eq(orders.id, order.args.id));
    const own = await server.call('order-approve', { id: order.args.id, decision: 'approved' }, manager);
    expect(own.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await server.login(DEMO.admin);
    const decided = await server.ok<{ order: Order }>(
      'order-approve',
      { id: order.args.id, decision: 'approved' },
      admin,
    );
    expect(decided.order.approval).toBe('approved');
  });

  it('an order dated in the future by the laptop clock is refused; a past one is priced on its company day', async () => {
    const clientId = uuidv7();
    const future = create(1, [line(items[0] as Priced, 1)]);
    future.args.orderedAt = new Date(Date.now() + 365 * 86_400_000).toISOString();
    // A list of the customer's group valid only on a past day D (Paris): 23:30 UTC on D-1 is D.
    const day = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    const listId = uuidv7();
    const db = server.database.db;
    await db.insert(priceLists).values({
      id: listId,
      code: `TEST-${listId.slice(-12)}`,
      name: 'Promotion d’un jour',
      customerGroup: customer.priceGroup === '' ? 'CHR-STD' : customer.priceGroup,
      validFrom: day,
      validTo: day,
    });
    await db.insert(prices).values({
      id: uuidv7(),
      priceListId: listId,
      productId: (items[0] as Priced).productId,
      breaks: [{ minQuantity: 1, unitPriceCents: 4242 }],
    });
    const past = create(2, [line(items[0] as Priced, 1)]);
    past.args.orderedAt = new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 60_000).toISOString();
    await server.ok('sync-push', pushInput(clientId, [future, past]), camille);
    const refused = await outcomes(clientId);
    expect(refused.map((o) => [o.mid, o.code])).toEqual([[1, 'bad-request']]);
    expect(refused[0]?.message).toContain('clock');
    expect(await pulledOrder(clientId, future.args.id)).toBeUndefined();
    const pulled = await pulledOrder(clientId, past.args.id);
    expect(pulled?.lines.map((l) => l.unitPriceCents)).toEqual([4242]);
  });
});
