/**
 * `complaint-list` at head office: each user sees the complaints of the customers in their
 * scope (a rep their portfolio, a manager their team's reps, an admin all), newest first, with
 * the customer's name, the history and the attachment metadata; filters narrow it.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, orders, users } from '../../src/server/db/schema.js';
import type { ComplaintReview } from '../../src/shared/contract/complaints.js';
import type { Order } from '../../src/shared/domain/order/order.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import { backends, DEMO, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const envelope = (mid: number) => ({ mid, mutationId: uuidv7(), createdAt: new Date().toISOString() });

type Listed = { complaints: ComplaintReview[] };

describe.each(backends)('complaint-list on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;
  let otherManager: string;
  let admin: string;
  let teamRepIds: Set<string>;
  let otherTeamRepId: string;
  let camilleCustomerId: string;
  let thomasCustomerId: string;
  let otherTeamCustomerId: string;
  const ids = { camille: '', camilleOld: '', thomas: '', other: '' };

  async function log(token: string, customerId: string, description: string): Promise<string> {
    const id = uuidv7();
    const mutations: Mutation[] = [
      {
        ...envelope(1),
        name: 'complaint-log',
        args: {
          id,
          eventId: uuidv7(),
          customerId,
          category: 'delivery',
          productId: null,
          orderId: null,
          description,
          severity: 'high',
          createdAt: new Date().toISOString(),
        },
      },
    ];
    await server.ok('sync-push', pushInput(uuidv7(), mutations), token);
    return id;
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager, otherManager, admin] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
      server.login('isabelle.faure@tournee.test'),
      server.login(DEMO.admin),
    ]);
    const db = server.database.db;
    const everyone = await db.select({ id: users.id, teamId: users.teamId, role: users.role }).from(users);
    teamRepIds = new Set(everyone.filter((u) => u.teamId === server.ids.teamId).map((u) => u.id));
    otherTeamRepId = everyone.find((u) => u.role === 'rep' && u.teamId !== server.ids.teamId)?.id ?? '';
    const ownerOf = async (ownerId: string) =>
      (
        await db.select({ id: customers.id }).from(customers).where(eq(customers.ownerId, ownerId)).limit(1)
      )[0]?.id ?? '';
    camilleCustomerId = await ownerOf(server.ids.repIds.camille);
    thomasCustomerId = await ownerOf(server.ids.repIds.thomas);
    otherTeamCustomerId = await ownerOf(otherTeamRepId);
    expect([camilleCustomerId, thomasCustomerId, otherTeamCustomerId]).not.toContain('');

    ids.camilleOld = await log(camille, camilleCustomerId, 'Facture en double');
    const bytes = Buffer.from('bon de livraison');
    const attachmentId = uuidv7();
    ids.camille = uuidv7();
    // Logged with a photo, in one push (the complaint, then its file).
    await server.ok(
      'sync-push',
      pushInput(uuidv7(), [
        {
          ...envelope(1),
          name: 'complaint-log',
          args: {
            id: ids.camille,
            eventId: uuidv7(),
            customerId: camilleCustomerId,
            category: 'product-defect',
            productId: null,
            orderId: null,
            description: 'Fût percé',
            severity: 'medium',
            createdAt: new Date(Date.now() + 1000).toISOString(),
          },
        },
        {
          ...envelope(2),
          name: 'attachment-add',
          args: {
            id: attachmentId,
            complaintId: ids.camille,
            fileName: 'bon.txt',
            mimeType: 'text/plain',
            sizeBytes: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            contentBase64: bytes.toString('base64'),
            at: new Date().toISOString(),
          },
        },
      ]),
      camille,
    );
    ids.thomas = await log(thomas, thomasCustomerId, 'Livraison en retard');
    const otherRepToken = await server.login(
      (await db.select({ email: users.email }).from(users).where(eq(users.id, otherTeamRepId)))[0]?.email ??
        '',
    );
    ids.other = await log(otherRepToken, otherTeamCustomerId, 'Mauvais article');
    await server.ok(
      'complaint-update-status',
      { complaintId: ids.camilleOld, status: 'acknowledged', note: 'Service compta prévenu' },
      manager,
    );
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('a manager sees their team’s complaints only, newest first, with names, history and files', async () => {
    const { complaints } = await server.ok<Listed>('complaint-list', { limit: 500 }, manager);
    const listed = complaints.map((c) => c.complaint.id);
    expect(listed).toEqual(expect.arrayContaining([ids.camille, ids.camilleOld, ids.thomas]));
    expect(listed).not.toContain(ids.other);
    for (const c of complaints) expect(teamRepIds.has(c.repId ?? '')).toBe(true);
    const created = complaints.map((c) => c.complaint.createdAt);
    expect([...created].sort().reverse()).toEqual(created);

    const withFile = complaints.find((c) => c.complaint.id === ids.camille);
    expect(withFile).toMatchObject({
      repId: server.ids.repIds.camille,
      repName: 'Camille Martin',
      complaint: { status: 'received', severity: 'medium', description: 'Fût percé' },
      events: [{ status: 'received', previousStatus: null, byName: 'Camille Martin' }],
      attachments: [{ fileName: 'bon.txt', mimeType: 'text/plain', sizeBytes: 16 }],
    });
    expect(withFile?.customerName).not.toBe('');
    expect(withFile?.attachments[0]).not.toHaveProperty('contentBase64');
    const acked = complaints.find((c) => c.complaint.id === ids.camilleOld);
    expect(acked?.events.map((e) => [e.previousStatus, e.status, e.note, e.byName])).toEqual([
      [null, 'received', '', 'Camille Martin'],
      ['received', 'acknowledged', 'Service compta prévenu', 'Julien Mercier'],
    ]);
  });

  it('another team’s manager does not see them; an admin sees both teams', async () => {
    const other = (await server.ok<Listed>('complaint-list', { limit: 500 }, otherManager)).complaints.map(
      (c) => c.complaint.id,
    );
    expect(other).toContain(ids.other);
    expect(other).not.toContain(ids.camille);
    expect(other).not.toContain(ids.thomas);
    const all = (await server.ok<Listed>('complaint-list', { limit: 500 }, admin)).complaints.map(
      (c) => c.complaint.id,
    );
    expect(all).toEqual(expect.arrayContaining([ids.camille, ids.thomas, ids.other]));
  });

  it('a rep sees their own portfolio’s complaints only, even when asking for another rep', async () => {
    const mine = (await server.ok<Listed>('complaint-list', { limit: 500 }, camille)).complaints;
    expect(mine.map((c) => c.complaint.id)).toEqual(expect.arrayContaining([ids.camille, ids.camilleOld]));
    expect(mine.map((c) => c.complaint.id)).not.toContain(ids.thomas);
    for (const c of mine) expect(c.repId).toBe(server.ids.repIds.camille);
    const asked = await server.ok<Listed>('complaint-list', { repId: server.ids.repIds.thomas }, camille);
    expect(asked.complaints).toEqual([]);
  });

  it('filters by status, customer, rep and limit', async () => {
    const acknowledged = (
      await server.ok<Listed>('complaint-list', { status: ['acknowledged'], limit: 500 }, manager)
    ).complaints;
    expect(acknowledged.map((c) => c.complaint.id)).toContain(ids.camilleOld);
    for (const c of acknowledged) expect(c.complaint.status).toBe('acknowledged');
    const open = (
      await server.ok<Listed>('complaint-list', { status: ['received', 'in-progress'], limit: 500 }, manager)
    ).complaints;
    expect(open.map((c) => c.complaint.id)).toEqual(expect.arrayContaining([ids.camille, ids.thomas]));
    expect(open.map((c) => c.complaint.id)).not.toContain(ids.camilleOld);
    expect((await server.ok<Listed>('complaint-list', { status: [] }, manager)).complaints).toEqual([]);

    const ofCustomer = (
      await server.ok<Listed>('complaint-list', { customerId: thomasCustomerId, limit: 500 }, manager)
    ).complaints;
    expect(ofCustomer.map((c) => c.complaint.id)).toContain(ids.thomas);
    for (const c of ofCustomer) expect(c.complaint.customerId).toBe(thomasCustomerId);

    const ofThomas = (
      await server.ok<Listed>('complaint-list', { repId: server.ids.repIds.thomas, limit: 500 }, manager)
    ).complaints;
    expect(ofThomas.map((c) => c.complaint.id)).toContain(ids.thomas);
    for (const c of ofThomas) expect(c.repId).toBe(server.ids.repIds.thomas);
    // Another team's rep: nothing, rather than their complaints.
    expect(
      (await server.ok<Listed>('complaint-list', { repId: otherTeamRepId }, manager)).complaints,
    ).toEqual([]);

    const two = (await server.ok<Listed>('complaint-list', { limit: 2 }, manager)).complaints;
    expect(two).toHaveLength(2);
    expect(two[0]?.complaint.id).toBe(ids.camille);
    const refused = await server.call('complaint-list', { limit: 0 }, manager);
    expect(refused.body.ok).toBe(false);
  });

  it('order-list carries the customer’s and the rep’s names and the rep’s discount limit', async () => {
    const [someOrder] = await server.database.db
      .select({ id: orders.id, customerId: orders.customerId })
      .from(orders)
      .where(eq(orders.repId, server.ids.repIds.camille))
      .limit(1);
    expect(someOrder).toBeDefined();
    const listed = await server.ok<{
      orders: (Order & {
        customerName?: string;
        repName?: string | null;
        repMaxDiscountBp?: number | null;
      })[];
    }>('order-list', { customerId: someOrder!.customerId }, manager);
    expect(listed.orders.find((o) => o.id === someOrder!.id)).toMatchObject({
      repName: 'Camille Martin',
      repMaxDiscountBp: 1000,
      customerName: expect.any(String) as string,
    });
  });
});
