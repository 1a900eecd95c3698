import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintAttachments } from '../../src/server/db/schema.js';
import type { Complaint } from '../../src/shared/domain/activity/activity.js';
import type { ComplaintAttachment, ComplaintEvent } from '../../src/shared/domain/complaint/complaint.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/shared/domain/complaint/complaint.js';
import type { Order } from '../../src/shared/domain/order/order.js';
import type { Product } from '../../src/shared/domain/catalog/catalog.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const envelope = (mid: number) => ({ mid, mutationId: uuidv7(), createdAt: new Date().toISOString() });

function puts<T>(pages: PullResponse[], entity: string): T[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as T] : [])),
  );
}

describe.each(backends)('complaints on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;
  let otherManager: string;
  let order: Order;
  let product: Product;
  const camilleClient = uuidv7();
  let camilleCookie: number | null = null;
  let mid = 0;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager, otherManager] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
      server.login('isabelle.faure@tournee.test'),
    ]);
    const pages = await pullAll(server, camille, camilleClient, null);
    camilleCookie = pages.at(-1)?.cookie ?? null;
    order = puts<Order>(pages, 'order')[0]!;
    product = puts<Product>(pages, 'product')[0]!;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  async function push(token: string, clientId: string, mutations: Mutation[]) {
    return server.ok<{ lastMid: number }>('sync-push', pushInput(clientId, mutations), token);
  }
  async function camillePull(): Promise<PullResponse[]> {
    const pages = await pullAll(server, camille, camilleClient, camilleCookie);
    camilleCookie = pages.at(-1)?.cookie ?? camilleCookie;
    return pages;
  }
  function logMutation(extra: Partial<Extract<Mutation, { name: 'complaint-log' }>['args']> = {}): Mutation {
    mid += 1;
    return {
      ...envelope(mid),
      name: 'complaint-log',
      args: {
        id: uuidv7(),
        eventId: uuidv7(),
        customerId: order.customerId,
        category: 'delivery',
        productId: product.id,
        orderId: order.id,
        description: 'Trois cartons écrasés à la livraison',
        severity: 'high',
        createdAt: new Date().toISOString(),
        ...extra,
      },
    };
  }
  function eventMutation(complaintId: string, status: Complaint['status'], note: string): Mutation {
    mid += 1;
    return {
      ...envelope(mid),
      name: 'complaint-event',
      args: { id: uuidv7(), complaintId, status, note, at: new Date().toISOString() },
    };
  }

  let complaintId = '';

  it('logged offline and pushed, the complaint is at head office with its received event', async () => {
    const logged = logMutation();
    complaintId = (logged.args as { id: string }).id;
    expect(await push(camille, camilleClient, [logged])).toEqual({ lastMid: mid });
    // The same push again (a lost answer): applied once.
    expect(await push(camille, camilleClient, [logged])).toEqual({ lastMid: mid });
    const pages = await camillePull();
    expect(puts<Complaint>(pages, 'complaint').find((c) => c.id === complaintId)).toMatchObject({
      status: 'received',
      orderId: order.id,
      productId: product.id,
      version: 1,
    });
    const events = puts<ComplaintEvent>(pages, 'complaintEvent').filter((e) => e.complaintId === complaintId);
    expect(events).toMatchObject([
      { status: 'received', previousStatus: null, byName: 'Camille Martin', version: 1 },
    ]);
  });

  it('refuses, with a reason and nothing saved, an order of another customer or an unknown product', async () => {
    const wrongOrder = logMutation({ customerId: order.customerId, orderId: uuidv7() });
    const badProduct = logMutation({ productId: uuidv7(), orderId: null });
    await push(camille, camilleClient, [wrongOrder, badProduct]);
    const outcomes = puts<MutationOutcome>(await camillePull(), 'outcome');
    expect(outcomes.find((o) => o.id === wrongOrder.mutationId)).toMatchObject({
      code: 'bad-request',
      detail: 'Trois cartons écrasés à la livraison',
    });
    expect(outcomes.find((o) => o.id === badProduct.mutationId)).toMatchObject({ code: 'not-found' });
    const list = await pullAll(server, camille, uuidv7(), null);
    const ids = puts<Complaint>(list, 'complaint').map((c) => c.id);
    expect(ids).not.toContain((wrongOrder.args as { id: string }).id);
    expect(ids).not.toContain((badProduct.args as { id: string }).id);
  });

  it('the manager acknowledges then starts it; the rep pulls both events; another team’s manager cannot', async () => {
    const refused = await server.call(
      'complaint-update-status',
      { complaintId, status: 'acknowledged' },
      otherManager,
    );
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const skip = await server.call('complaint-update-status', { complaintId, status: 'resolved' }, manager);
    expect(skip.body).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const repTries = await server.call(
      'complaint-update-status',
      { complaintId, status: 'acknowledged' },
      camille,
    );
    expect(repTries.body.ok).toBe(false);

    const acked = await server.ok<{ complaint: Complaint; event: ComplaintEvent }>(
      'complaint-update-status',
      { complaintId, status: 'acknowledged', note: 'Transporteur prévenu' },
      manager,
    );
    expect(acked.complaint).toMatchObject({ status: 'acknowledged', version: 2 });
    expect(acked.event).toMatchObject({ previousStatus: 'received', byName: 'Julien Mercier' });
    await server.ok('complaint-update-status', { complaintId, status: 'in-progress' }, manager);

    const pages = await camillePull();
    expect(puts<Complaint>(pages, 'complaint').find((c) => c.id === complaintId)).toMatchObject({
      status: 'in-progress',
      version: 3,
    });
    const events = puts<ComplaintEvent>(pages, 'complaintEvent').filter((e) => e.complaintId === complaintId);
    expect(events.map((e) => [e.previousStatus, e.status, e.note])).toEqual([
      ['received', 'acknowledged', 'Transporteur prévenu'],
      ['acknowledged', 'in-progress', ''],
    ]);
  });

  it('a note on a complaint head office closed meanwhile is refused with the reason, the note kept', async () => {
    await server.ok(
      'complaint-update-status',
      { complaintId, status: 'resolved', note: 'Avoir émis' },
      manager,
    );
    await server.ok('complaint-update-status', { complaintId, status: 'closed' }, manager);
    // Offline, the rep still saw it in progress and wrote a note.
    const note = eventMutation(complaintId, 'in-progress', 'Le client attend toujours l’avoir');
    await push(camille, camilleClient, [note]);
    const pages = await camillePull();
    expect(puts<MutationOutcome>(pages, 'outcome').find((o) => o.id === note.mutationId)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/closed/),
      detail: 'Le client attend toujours l’avoir',
    });
    expect(puts<ComplaintEvent>(pages, 'complaintEvent').map((e) => e.id)).not.toContain(
      (note.args as { id: string }).id,
    );
  });

  it('the rep closes a resolved complaint but cannot acknowledge one', async () => {
    const logged = logMutation({ orderId: null, productId: null, category: 'billing' });
    const id = (logged.args as { id: string }).id;
    const ack = eventMutation(id, 'acknowledged', '');
    await push(camille, camilleClient, [logged, ack]);
    let pages = await camillePull();
    expect(puts<MutationOutcome>(pages, 'outcome').find((o) => o.id === ack.mutationId)).toMatchObject({
      code: 'conflict',
    });
    for (const status of ['acknowledged', 'in-progress', 'resolved'] as const) {
      await server.ok('complaint-update-status', { complaintId: id, status }, manager);
    }
    const close = eventMutation(id, 'closed', 'Client satisfait');
    await push(camille, camilleClient, [close]);
    pages = await camillePull();
    expect(puts<Complaint>(pages, 'complaint').find((c) => c.id === id)).toMatchObject({ status: 'closed' });
    expect(puts<ComplaintEvent>(pages, 'complaintEvent').find((e) => e.status === 'closed')).toMatchObject({
      byName: 'Camille Martin',
      note: 'Client satisfait',
    });
  });

  it('a change head office already recorded, pushed again (outbox restored on a new client), is applied once, no conflict', async () => {
    const logged = logMutation({ orderId: null, productId: null, category: 'billing' });
    const id = (logged.args as { id: string }).id;
    await push(camille, camilleClient, [logged]);
    for (const status of ['acknowledged', 'in-progress', 'resolved'] as const) {
      await server.ok('complaint-update-status', { complaintId: id, status }, manager);
    }
    const close = eventMutation(id, 'closed', 'Client satisfait');
    await push(camille, camilleClient, [close]);
    // The same event again, from another client (mid 1 there): already applied.
    const otherClient = uuidv7();
    const again: Mutation = { ...close, mid: 1, mutationId: uuidv7() };
    expect(await push(camille, otherClient, [again])).toEqual({ lastMid: 1 });
    const pages = await pullAll(server, camille, otherClient, null);
    const outcomes = puts<MutationOutcome>(pages, 'outcome');
    expect(outcomes.find((o) => o.id === close.mutationId)).toBeUndefined();
    expect(outcomes.find((o) => o.id === again.mutationId)).toBeUndefined();
    expect(puts<Complaint>(pages, 'complaint').find((c) => c.id === id)).toMatchObject({
      status: 'closed',
      version: 5,
    });
    const events = puts<ComplaintEvent>(pages, 'complaintEvent').filter((e) => e.complaintId === id);
    expect(events.filter((e) => e.id === (close.args as { id: string }).id)).toHaveLength(1);
    // The same event id on another complaint is still refused.
    const misplaced: Mutation = {
      ...envelope(2),
      name: 'complaint-event',
      args: { ...(close.args as { id: string; note: string; at: string }), complaintId, status: 'closed' },
    };
    await push(camille, otherClient, [misplaced]);
    const after = puts<MutationOutcome>(await pullAll(server, camille, otherClient, null), 'outcome');
    expect(after.find((o) => o.id === misplaced.mutationId)).toMatchObject({ code: 'conflict' });
  });

  it('a 5 MB photo reaches head office intact and only those who see the complaint can fetch it', async () => {
    const bytes = randomBytes(MAX_ATTACHMENT_BYTES);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const attachmentId = uuidv7();
    mid += 1;
    const upload: Mutation = {
      ...envelope(mid),
      name: 'attachment-add',
      args: {
        id: attachmentId,
        complaintId,
        fileName: 'cartons.jpg',
        mimeType: 'image/jpeg',
        sizeBytes: bytes.length,
        sha256,
        contentBase64: bytes.toString('base64'),
        at: new Date().toISOString(),
      },
    };
    // Closed complaints still take the photos taken before (the file was attached offline).
    expect(await push(camille, camilleClient, [upload])).toEqual({ lastMid: mid });
    const [stored] = await server.database.db
      .select()
      .from(complaintAttachments)
      .where(eq(complaintAttachments.id, attachmentId));
    expect(stored?.sizeBytes).toBe(bytes.length);
    expect(createHash('sha256').update(stored!.content).digest('hex')).toBe(sha256);

    const pages = await camillePull();
    const meta = puts<ComplaintAttachment>(pages, 'complaintAttachment').find((a) => a.id === attachmentId);
    expect(meta).toMatchObject({ fileName: 'cartons.jpg', sizeBytes: bytes.length, sha256, version: 1 });
    expect(meta).not.toHaveProperty('content');

    const fetched = await server.ok<{ contentBase64: string }>(
      'complaint-attachment-get',
      { id: attachmentId },
      camille,
    );
    expect(createHash('sha256').update(Buffer.from(fetched.contentBase64, 'base64')).digest('hex')).toBe(
      sha256,
    );
    const denied = await server.call('complaint-attachment-get', { id: attachmentId }, thomas);
    expect(denied.body).toMatchObject({ ok: false, error: { code: 'not-found' } });

    // A damaged upload (content not matching its hash) is refused, never stored.
    mid += 1;
    const damaged: Mutation = {
      ...upload,
      ...envelope(mid),
      args: { ...upload.args, id: uuidv7(), contentBase64: bytes.subarray(0, 1000).toString('base64') },
    } as Mutation;
    await push(camille, camilleClient, [damaged]);
    expect(
      puts<MutationOutcome>(await camillePull(), 'outcome').find((o) => o.id === damaged.mutationId),
    ).toMatchObject({
      code: 'bad-request',
    });
  });

  it('another rep neither sees the complaint nor can write on it', async () => {
    const thomasClient = uuidv7();
    const pages = await pullAll(server, thomas, thomasClient, null);
    expect(puts<Complaint>(pages, 'complaint').map((c) => c.id)).not.toContain(complaintId);
    expect(
      puts<ComplaintEvent>(pages, 'complaintEvent').filter((e) => e.complaintId === complaintId),
    ).toEqual([]);
    expect(
      puts<ComplaintAttachment>(pages, 'complaintAttachment').filter((a) => a.complaintId === complaintId),
    ).toEqual([]);
    const note: Mutation = {
      ...envelope(1),
      name: 'complaint-event',
      args: { id: uuidv7(), complaintId, status: 'closed', note: 'x', at: new Date().toISOString() },
    };
    const steal: Mutation = {
      ...envelope(2),
      name: 'complaint-log',
      args: { ...(logMutation().args as Extract<Mutation, { name: 'complaint-log' }>['args']) },
    };
    mid -= 1; // logMutation above only borrowed its args
    await push(thomas, thomasClient, [note, steal]);
    const outcomes = puts<MutationOutcome>(
      await pullAll(server, thomas, thomasClient, pages.at(-1)!.cookie),
      'outcome',
    );
    expect(outcomes.find((o) => o.id === note.mutationId)).toMatchObject({ code: 'forbidden' });
    expect(outcomes.find((o) => o.id === steal.mutationId)).toMatchObject({ code: 'forbidden' });
  });
});
