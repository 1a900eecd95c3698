import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { Conflict, MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import {
  backends,
  delIds,
  DEMO,
  noteAdd,
  pullAll,
  pullInput,
  pushInput,
  putIds,
  startTestServer,
  uuidv7,
} from './harness.js';
import type { TestServer } from './harness.js';

describe.each(backends)('sync on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
    ]);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  async function createCustomer(
    ownerId: string,
    name = `Café test ${uuidv7().slice(-6)}`,
  ): Promise<Customer> {
    const { customer } = await server.ok<{ customer: Customer }>(
      'customer-create',
      {
        id: uuidv7(),
        name,
        address: '1 rue Mercière',
        postcode: '69002',
        city: 'Lyon',
        phone: '',
        email: '',
        status: 'prospect',
        ownerId,
      },
      manager,
    );
    return customer;
  }

  it('first pull resets and sends the rep only their own customers and notes', async () => {
    const clientId = uuidv7();
    const pages = await pullAll(server, camille, clientId, null);
    const first = pages[0]!;
    expect(first.reset).toBe(true);
    expect(first.lastMid).toBe(0);
    const customers = first.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'customer' ? [op.value] : [],
    );
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.every((c) => c.ownerId === server.ids.repIds.camille)).toBe(true);
    expect(customers[0]!.ownerName).toBe('Camille Martin');
    expect(customers[0]!.updatedAt).toMatch(/Z$/);
    expect(putIds(first, 'note').length).toBeGreaterThan(0);
    // Customers come before their notes.
    const firstNote = first.patch.findIndex((op) => op.entity === 'note');
    const lastCustomer = first.patch.map((op) => op.entity).lastIndexOf('customer');
    expect(lastCustomer).toBeLessThan(firstNote);
    // Nothing changed: same cookie, empty patch.
    const again = await server.ok<PullResponse>('sync-pull', pullInput(clientId, first.cookie), camille);
    expect(again).toMatchObject({ cookie: first.cookie, reset: false, more: false, patch: [] });
  });

  it('pages with limit and more', async () => {
    const clientId = uuidv7();
    const page1 = await server.ok<PullResponse>('sync-pull', pullInput(clientId, null, 2), camille);
    expect(page1.patch).toHaveLength(2);
    expect(page1.more).toBe(true);
    const rest = await pullAll(server, camille, clientId, page1.cookie);
    const all = [page1, ...rest].flatMap((p) => putIds(p, 'customer'));
    expect(new Set(all).size).toBe(all.length);
    const full = (await pullAll(server, camille, uuidv7(), null)).flatMap((p) => putIds(p, 'customer'));
    expect(new Set(all)).toEqual(new Set(full));
  });

  /** What a laptop holds after applying pages in order: entity:id → row version (puts) or gone. */
  function holding(pages: PullResponse[], into = new Map<string, number>()): Map<string, number> {
    for (const page of pages) {
      if (page.reset) into.clear();
      for (const op of page.patch) {
        if (op.op === 'put')
          into.set(`${op.entity}:${op.value.id}`, 'version' in op.value ? Number(op.value.version) : 0);
        else into.delete(`${op.entity}:${op.id}`);
      }
    }
    return into;
  }

  /** Camille's pages of 7 ops from `cookie` while there are more and `go` says so. */
  async function pagesOf(
    clientId: string,
    cookie: number | null,
    go: (page: PullResponse) => boolean,
  ): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    let page: PullResponse;
    do {
      page = await server.ok<PullResponse>(
        'sync-pull',
        pullInput(clientId, pages.at(-1)?.cookie ?? cookie, 7),
        camille,
      );
      pages.push(page);
    } while (page.more && go(page));
    return pages;
  }

  it('the first page of a long download says how many ops the whole download carries', async () => {
    const clientId = uuidv7();
    const pages: PullResponse[] = [];
    let cookie: number | null = null;
    for (;;) {
      const page: PullResponse = await server.ok<PullResponse>(
        'sync-pull',
        pullInput(clientId, cookie, 100),
        camille,
      );
      pages.push(page);
      cookie = page.cookie;
      if (!page.more) break;
    }
    expect(pages.length).toBeGreaterThan(2);
    const received = pages.reduce((n, p) => n + p.patch.length, 0);
    expect(pages[0]!.downloadTotal).toBe(received);
    expect(pages.slice(1).every((p) => p.downloadTotal === undefined)).toBe(true);
    // A download that fits in one page needs no progress: no total.
    const whole = await server.ok<PullResponse>('sync-pull', pullInput(uuidv7(), null, 20_000), camille);
    expect(whole).toMatchObject({ more: false, reset: true });
    expect(whole.downloadTotal).toBeUndefined();
  });

  it('a download of many pages ends on a full comparison: what changed behind its cursor arrives', async () => {
    const moved = await createCustomer(server.ids.repIds.camille, 'Aaa partira');
    const edited = await createCustomer(server.ids.repIds.camille, 'Aaa changera');
    const clientId = uuidv7();
    // Page until the download has gone past the customers (its cursor is in a later entity).
    const pages = await pagesOf(clientId, null, (page) => page.patch.at(-1)!.entity === 'customer');
    expect(pages.at(-1)!.more).toBe(true);
    const sent = holding(pages);
    expect(sent.has(`customer:${moved.id}`) && sent.has(`customer:${edited.id}`)).toBe(true);

    // Meanwhile at head office: one sent customer leaves the rep, one changes, one is new.
    await server.ok('customer-assign', { id: moved.id, ownerId: server.ids.repIds.thomas }, manager);
    await server.ok('customer-update', { id: edited.id, changes: { phone: '04 78 00 00 02' } }, manager);
    const added = await createCustomer(server.ids.repIds.camille);

    const rest = await pagesOf(clientId, pages.at(-1)!.cookie, () => true);
    const cookie = rest.at(-1)!.cookie;
    expect(rest.flatMap((p) => delIds(p, 'customer'))).toContain(moved.id);
    const edits = rest.flatMap((p) => p.patch).filter((op) => op.op === 'put' && op.value.id === edited.id);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.op === 'put' && edits[0]!.entity === 'customer' && edits[0]!.value.phone).toBe(
      '04 78 00 00 02',
    );
    expect(rest.flatMap((p) => putIds(p, 'customer'))).toContain(added.id);

    // The laptop now holds exactly what a fresh download gives.
    const fresh = holding(await pullAll(server, camille, uuidv7(), null));
    expect(holding(rest, sent)).toEqual(fresh);
    // And nothing is left to send.
    const after = await server.ok<PullResponse>('sync-pull', pullInput(clientId, cookie), camille);
    expect(after).toMatchObject({ more: false, patch: [] });
  });

  it('a page of a long download lost on the way is sent again, and the download still converges', async () => {
    const clientId = uuidv7();
    const applied: PullResponse[] = [];
    let cookie: number | null = null;
    let dropped = false;
    for (;;) {
      const page: PullResponse = await server.ok<PullResponse>(
        'sync-pull',
        pullInput(clientId, cookie, 5),
        camille,
      );
      // The third page never reaches the laptop: it asks again with its old cookie.
      if (applied.length === 2 && !dropped) {
        dropped = true;
        continue;
      }
      applied.push(page);
      cookie = page.cookie;
      if (!page.more) break;
    }
    expect(dropped).toBe(true);
    expect(holding(applied)).toEqual(holding(await pullAll(server, camille, uuidv7(), null)));
  });

  it('applies the same push once, even when sent twice', async () => {
    const clientId = uuidv7();
    const customer = await createCustomer(server.ids.repIds.camille);
    const batch = pushInput(clientId, [noteAdd(1, customer.id, 'Une'), noteAdd(2, customer.id, 'Deux')]);
    expect(await server.ok('sync-push', batch, camille)).toEqual({ lastMid: 2 });
    expect(await server.ok('sync-push', batch, camille)).toEqual({ lastMid: 2 });
    const got = await server.ok<{ notes: unknown[] }>('customer-get', { id: customer.id }, camille);
    expect(got.notes).toHaveLength(2);
  });

  it('refuses a gap in mids, keeping what was applied before it', async () => {
    const clientId = uuidv7();
    const customer = await createCustomer(server.ids.repIds.camille);
    const reply = await server.call(
      'sync-push',
      pushInput(clientId, [noteAdd(1, customer.id), noteAdd(3, customer.id)]),
      camille,
    );
    expect(reply.status).toBe(409);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'mutation-gap' } });
    const pulled = await server.ok<PullResponse>('sync-pull', pullInput(clientId, null), camille);
    expect(pulled.lastMid).toBe(1);
  });

  it("refuses another user's clientId", async () => {
    const clientId = uuidv7();
    const customer = await createCustomer(server.ids.repIds.camille);
    await server.ok('sync-push', pushInput(clientId, [noteAdd(1, customer.id)]), camille);
    const push = await server.call('sync-push', pushInput(clientId, [noteAdd(2, customer.id)]), thomas);
    expect(push.status).toBe(403);
    expect(push.body).toMatchObject({ ok: false, error: { code: 'client-forbidden' } });
    const pull = await server.call('sync-pull', pullInput(clientId, null), thomas);
    expect(pull.body).toMatchObject({ ok: false, error: { code: 'client-forbidden' } });
  });

  it("a rep cannot read another rep's customers", async () => {
    const theirs = await createCustomer(server.ids.repIds.thomas);
    const get = await server.call('customer-get', { id: theirs.id }, camille);
    expect(get.status).toBe(404);
    const list = await server.ok<{ customers: Customer[] }>('customer-list', {}, camille);
    expect(list.customers.some((c) => c.id === theirs.id)).toBe(false);
    const pulled = (await pullAll(server, camille, uuidv7(), null)).flatMap((p) => putIds(p, 'customer'));
    expect(pulled).not.toContain(theirs.id);
  });

  it('a reassigned customer disappears from the first rep and appears for the new one', async () => {
    const customer = await createCustomer(server.ids.repIds.camille);
    await server.ok('sync-push', pushInput(uuidv7(), [noteAdd(1, customer.id, 'Avant transfert')]), camille);
    const camilleClient = uuidv7();
    const thomasClient = uuidv7();
    const camilleStart = (await pullAll(server, camille, camilleClient, null)).at(-1)!;
    const thomasStart = (await pullAll(server, thomas, thomasClient, null)).at(-1)!;

    await server.ok('customer-assign', { id: customer.id, ownerId: server.ids.repIds.thomas }, manager);

    const camilleNext = await server.ok<PullResponse>(
      'sync-pull',
      pullInput(camilleClient, camilleStart.cookie),
      camille,
    );
    expect(delIds(camilleNext, 'customer')).toEqual([customer.id]);
    expect(delIds(camilleNext, 'note')).toHaveLength(1);
    const thomasNext = await server.ok<PullResponse>(
      'sync-pull',
      pullInput(thomasClient, thomasStart.cookie),
      thomas,
    );
    expect(putIds(thomasNext, 'customer')).toEqual([customer.id]);
    expect(putIds(thomasNext, 'note')).toHaveLength(1);
  });

  it('a dropped pull response is sent again when the old cookie comes back', async () => {
    const customer = await createCustomer(server.ids.repIds.camille);
    const clientId = uuidv7();
    const start = (await pullAll(server, camille, clientId, null)).at(-1)!;
    await server.ok('customer-update', { id: customer.id, changes: { phone: '04 78 00 00 01' } }, manager);
    const lost = await server.ok<PullResponse>('sync-pull', pullInput(clientId, start.cookie), camille);
    expect(putIds(lost, 'customer')).toEqual([customer.id]);
    const retry = await server.ok<PullResponse>('sync-pull', pullInput(clientId, start.cookie), camille);
    expect(retry.reset).toBe(false);
    expect(retry.patch).toEqual(lost.patch);
    expect(retry.cookie).toBeGreaterThan(start.cookie);
    // And a cookie from the future (server restored from backup) resets.
    const future = await server.ok<PullResponse>(
      'sync-pull',
      pullInput(clientId, retry.cookie + 100),
      camille,
    );
    expect(future.reset).toBe(true);
  });

  it('a cookie from the future whose reset answer was lost resets again (head office restored)', async () => {
    const clientId = uuidv7();
    const start = (await pullAll(server, camille, clientId, null)).at(-1)!;
    // The laptop pulled once more before head office was restored to `start`: its cookie is
    // the very next version, which the restored head office has not issued yet.
    const fromTheFuture = start.cookie + 1;
    const lost = await server.ok<PullResponse>('sync-pull', pullInput(clientId, fromTheFuture), camille);
    expect(lost.reset).toBe(true);
    expect(lost.cookie).toBeGreaterThan(fromTheFuture);
    // Its answer never arrived: the laptop, still holding rows head office forgot, asks again.
    const again = await server.ok<PullResponse>('sync-pull', pullInput(clientId, fromTheFuture), camille);
    expect(again.reset).toBe(true);
    expect(putIds(again, 'customer').length).toBeGreaterThan(0);
  });

  it('a tombstoned customer is deleted on pull', async () => {
    const customer = await createCustomer(server.ids.repIds.camille);
    const clientId = uuidv7();
    const start = (await pullAll(server, camille, clientId, null)).at(-1)!;
    expect(await server.ok('customer-delete', { id: customer.id }, manager)).toEqual({ deleted: true });
    const next = await server.ok<PullResponse>('sync-pull', pullInput(clientId, start.cookie), camille);
    expect(delIds(next, 'customer')).toEqual([customer.id]);
    expect((await server.call('customer-get', { id: customer.id }, manager)).status).toBe(404);
  });

  it('a stale baseVersion records a conflict that the rep pulls', async () => {
    const customer = await createCustomer(server.ids.repIds.camille, 'Bistrot des Conflits');
    const clientId = uuidv7();
    const start = (await pullAll(server, camille, clientId, null)).at(-1)!;
    // Head office changes the phone after the rep saw version `customer.version`.
    await server.ok('customer-update', { id: customer.id, changes: { phone: '04 72 11 11 11' } }, manager);
    await server.ok(
      'sync-push',
      pushInput(clientId, [
        {
          mid: 1,
          mutationId: uuidv7(),
          createdAt: new Date().toISOString(),
          name: 'customer-update',
          args: {
            id: customer.id,
            baseVersion: customer.version,
            changes: { phone: '04 72 22 22 22', city: 'Villeurbanne' },
          },
        },
      ]),
      camille,
    );
    const next = await server.ok<PullResponse>('sync-pull', pullInput(clientId, start.cookie), camille);
    const updated = next.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'customer' ? [op.value] : [],
    );
    expect(updated[0]).toMatchObject({
      phone: '04 72 22 22 22',
      city: 'Villeurbanne',
      version: customer.version + 2,
    });
    const conflicts = next.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'conflict' ? [op.value] : [],
    ) as Conflict[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      entity: 'customer',
      entityId: customer.id,
      entityLabel: 'Bistrot des Conflits',
      field: 'phone',
      lostValue: '04 72 11 11 11',
      keptValue: '04 72 22 22 22',
      lostBy: 'Julien Mercier',
      keptBy: 'Camille Martin',
    });
    // Thomas does not see Camille's conflicts.
    const thomasPull = (await pullAll(server, thomas, uuidv7(), null)).flatMap((p) => putIds(p, 'conflict'));
    expect(thomasPull).not.toContain(conflicts[0]!.id);
  });

  it('the same rep on two laptops: the stale write wins visibly, with a conflict; one laptop twice does not', async () => {
    const customer = await createCustomer(server.ids.repIds.camille, 'Brasserie des Deux Portables');
    const [laptop1, laptop2] = [uuidv7(), uuidv7()];
    const edit = (mid: number, phone: string) => ({
      mid,
      mutationId: uuidv7(),
      createdAt: new Date().toISOString(),
      name: 'customer-update' as const,
      args: { id: customer.id, baseVersion: customer.version, changes: { phone } },
    });
    // Laptop 1 edits twice before it pulls (both from the version it saw): no conflict.
    await server.ok(
      'sync-push',
      pushInput(laptop1, [edit(1, '04 72 00 00 01'), edit(2, '04 72 00 00 02')]),
      camille,
    );
    const conflictsAbout = async () =>
      (
        (await pullAll(server, camille, uuidv7(), null))
          .flatMap((p) => p.patch)
          .flatMap((op) => (op.op === 'put' && op.entity === 'conflict' ? [op.value] : [])) as Conflict[]
      ).filter((c) => c.entityId === customer.id);
    expect(await conflictsAbout()).toEqual([]);
    // Laptop 2, offline since it saw the same version, writes the phone too: it wins, and the
    // value of laptop 1 it replaced is in the conflict log.
    await server.ok('sync-push', pushInput(laptop2, [edit(1, '04 72 00 00 03')]), camille);
    expect(await conflictsAbout()).toEqual([
      expect.objectContaining({
        field: 'phone',
        lostValue: '04 72 00 00 02',
        keptValue: '04 72 00 00 03',
        lostBy: 'Camille Martin',
        keptBy: 'Camille Martin',
      }),
    ]);
  });

  it('a rejected mutation advances lastMid and its outcome is pulled', async () => {
    const theirs = await createCustomer(server.ids.repIds.thomas);
    const mine = await createCustomer(server.ids.repIds.camille);
    const clientId = uuidv7();
    const rejected = noteAdd(1, theirs.id);
    const result = await server.ok(
      'sync-push',
      pushInput(clientId, [rejected, noteAdd(2, mine.id)]),
      camille,
    );
    expect(result).toEqual({ lastMid: 2 });
    const pulled = (await pullAll(server, camille, clientId, null)).flatMap((p) => p.patch);
    const outcomes = pulled.flatMap((op) =>
      op.op === 'put' && op.entity === 'outcome' ? [op.value] : [],
    ) as MutationOutcome[];
    expect(outcomes).toEqual([
      expect.objectContaining({
        id: rejected.mutationId,
        clientId,
        mid: 1,
        name: 'note-add',
        code: 'forbidden',
      }),
    ]);
    // A customer this laptop never held is not named to it.
    expect(outcomes[0]?.customerName).toBeUndefined();
    const theirNotes = await server.ok<{ notes: unknown[] }>('customer-get', { id: theirs.id }, manager);
    expect(theirNotes.notes).toHaveLength(0);
  });

  it("a rep cannot change their customer's price list, by method or by sync; their manager can", async () => {
    const customer = await createCustomer(server.ids.repIds.camille);
    await server.ok('customer-update', { id: customer.id, changes: { priceGroup: 'CHR' } }, manager);
    const byMethod = await server.call(
      'customer-update',
      { id: customer.id, changes: { priceGroup: 'GROSSISTE', phone: '04 72 33 33 33' } },
      camille,
    );
    expect(byMethod.status).toBe(403);
    expect(byMethod.body).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'priceGroup' } });
    const clientId = uuidv7();
    const mutationId = uuidv7();
    await server.ok(
      'sync-push',
      pushInput(clientId, [
        {
          mid: 1,
          mutationId,
          createdAt: new Date().toISOString(),
          name: 'customer-update',
          args: { id: customer.id, baseVersion: customer.version + 1, changes: { priceGroup: 'GROSSISTE' } },
        },
      ]),
      camille,
    );
    const outcomes = (await pullAll(server, camille, clientId, null))
      .flatMap((p) => p.patch)
      .flatMap((op) => (op.op === 'put' && op.entity === 'outcome' ? [op.value] : [])) as MutationOutcome[];
    expect(outcomes).toEqual([expect.objectContaining({ id: mutationId, code: 'forbidden' })]);
    // Sent unchanged along with other fields, it is no change: the rest applies.
    await server.ok(
      'customer-update',
      { id: customer.id, changes: { priceGroup: 'CHR', phone: '04 72 44 44 44' } },
      camille,
    );
    const after = await server.ok<{ customer: Customer }>('customer-get', { id: customer.id }, manager);
    expect(after.customer).toMatchObject({ priceGroup: 'CHR', phone: '04 72 44 44 44' });
  });

  it('two refused mutations sent under one mutation id are both kept and shown', async () => {
    const theirs = await createCustomer(server.ids.repIds.thomas);
    const clientId = uuidv7();
    const first = noteAdd(1, theirs.id, 'Première note refusée');
    const second = { ...noteAdd(2, theirs.id, 'Seconde note refusée'), mutationId: first.mutationId };
    expect(await server.ok('sync-push', pushInput(clientId, [first, second]), camille)).toEqual({
      lastMid: 2,
    });
    // Sent again, nothing is stored twice.
    await server.ok('sync-push', pushInput(clientId, [first, second]), camille);
    const outcomes = (await pullAll(server, camille, clientId, null))
      .flatMap((p) => p.patch)
      .flatMap((op) => (op.op === 'put' && op.entity === 'outcome' ? [op.value] : [])) as MutationOutcome[];
    const mine = outcomes.filter((o) => o.clientId === clientId);
    expect(mine.map((o) => o.mid).sort()).toEqual([1, 2]);
    expect(mine.map((o) => o.detail).join(' ')).toContain('Seconde note refusée');
  });

  it('a note refused after its customer moved names the customer the laptop held, with the reason', async () => {
    const customer = await createCustomer(server.ids.repIds.camille, 'Boulangerie du Départ');
    const clientId = uuidv7();
    await pullAll(server, camille, clientId, null);
    await server.ok('customer-assign', { id: customer.id, ownerId: server.ids.repIds.thomas }, manager);
    const note = noteAdd(1, customer.id, 'Écrite hors ligne avant le changement');
    await server.ok('sync-push', pushInput(clientId, [note]), camille);
    const outcomes = (await pullAll(server, camille, clientId, null))
      .flatMap((p) => p.patch)
      .flatMap((op) => (op.op === 'put' && op.entity === 'outcome' ? [op.value] : [])) as MutationOutcome[];
    expect(outcomes.find((o) => o.id === note.mutationId)).toMatchObject({
      code: 'forbidden',
      key: 'note.customerLeft',
      customerName: 'Boulangerie du Départ',
    });
  });

  it('answers an outdated schemaVersion with 426 app-outdated', async () => {
    const reply = await server.call('sync-push', pushInput(uuidv7(), [], -5), camille);
    expect(reply.status).toBe(426);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'app-outdated' } });
    const pull = await server.call('sync-pull', { ...pullInput(uuidv7(), null), schemaVersion: 0 }, camille);
    expect(pull.status).toBe(200);
  });

  it('serves /sync/push and /sync/pull as aliases', async () => {
    const clientId = uuidv7();
    const response = await server.app.inject({
      method: 'POST',
      url: '/sync/pull',
      headers: { authorization: `Bearer ${camille}`, 'content-type': 'application/json' },
      payload: pullInput(clientId, null),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ ok: boolean }>().ok).toBe(true);
    const push = await server.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${camille}`, 'content-type': 'application/json' },
      payload: pushInput(clientId, []),
    });
    expect(push.json()).toEqual({ ok: true, value: { lastMid: 0 } });
  });
});
