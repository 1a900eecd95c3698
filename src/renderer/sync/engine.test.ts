import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppDB } from '../db/AppDB.js';
import { FakeClock, FakeServer, USER, makeCustomer, makeProduct } from '../test/fakeServer.js';
import { backoffCeiling, backoffDelay } from './backoff.js';
import type { DownloadStatus, SyncEvent } from './engine.js';
import { ACKNOWLEDGED_RETENTION_DAYS, SyncEngine } from './engine.js';
import { logComplaint } from '../features/complaints/mutators.js';
import { addNote, updateCustomer } from '../features/customers/mutators.js';
import { createOrder } from '../features/orders/mutators.js';

const PRODUCT_ID = '0190a000-0000-7000-8000-000000000001';
const LIST_ID = '0190a000-0000-7000-8000-000000000100';
const PRICE_ID = '0190a000-0000-7000-8000-000000000201';

const silent = { info: () => {}, warn: () => {}, error: () => {} };
let db: AppDB;
let server: FakeServer;
let clock: FakeClock;
let dbCount = 0;

function makeEngine(
  random: () => number = () => 0.5,
  pullPageLimit?: number,
  connectivity: EventTarget | null = null,
): SyncEngine {
  return new SyncEngine({
    ...(pullPageLimit === undefined ? {} : { pullPageLimit }),
    db,
    transport: server,
    probe: async () => !server.unreachable && server.gatewayStatus === null,
    user: USER,
    clock,
    random,
    connectivity,
    log: silent,
  });
}

beforeEach(async () => {
  dbCount += 1;
  db = new AppDB(`engine-test-${dbCount}`);
  await db.open();
  server = new FakeServer();
  clock = new FakeClock();
  server.customers.set(makeCustomer(1).id, makeCustomer(1));
  server.customers.set(makeCustomer(2).id, makeCustomer(2));
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('SyncEngine', () => {
  it('first sync pulls head office data and reports idle', async () => {
    const engine = makeEngine();
    await engine.start();
    expect(await db.customers.count()).toBe(2);
    expect(engine.getStatus()).toMatchObject({ state: 'idle', pending: 0 });
    expect(engine.getStatus().lastSyncAt).toBe('2026-11-24T09:00:00.000Z');
    expect(await db.getMeta('cookie')).toBe(server.cookie);
    engine.stop();
  });

  it('push then pull drops acknowledged entries and marks the note received', async () => {
    const engine = makeEngine();
    await engine.start();
    const note = await engine.write(addNote, { customerId: makeCustomer(1).id, body: 'Terrasse en avril' });
    expect(note.receivedAt).toBeNull();
    expect(engine.getStatus().pending).toBe(1);
    // The debounce timer is scheduled; fire it.
    expect(clock.pendingDelays()).toContain(300);
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('lastMid')).toBe(1);
    expect((await db.notes.get(note.id))?.receivedAt).toBe('2026-11-24T12:00:00.000Z');
    expect(
      server
        .pushes()
        .at(-1)
        ?.mutations.map((m) => m.mid),
    ).toEqual([1]);
    expect(engine.getStatus()).toMatchObject({ state: 'idle', pending: 0 });
    engine.stop();
  });

  it('a note refused while the app closed before its pull is still dropped at the next start', async () => {
    const first = makeEngine();
    await first.start();
    server.refuseNotes = true;
    server.resetOnUnknownCookie = false;
    const note = await first.write(addNote, { customerId: makeCustomer(1).id, body: 'Refusée au siège' });
    // The push is acknowledged, then the pull that would confirm it fails: the app closes.
    server.failPullNumber = server.pullCount + 1;
    await first.syncNow();
    first.stop();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.notes.get(note.id)).toBeDefined();

    const second = makeEngine();
    await second.start();
    expect(await db.notes.get(note.id)).toBeUndefined();
    second.stop();
  });

  it('pushes in mid order, in batches', async () => {
    const ctx = { userId: USER.id, userName: USER.name };
    for (let i = 0; i < 3; i += 1) await addNote(db, ctx, { customerId: makeCustomer(1).id, body: `n${i}` });
    const engine = makeEngine();
    await engine.start();
    const push = server.pushes()[0];
    expect(push?.mutations.map((m) => m.mid)).toEqual([1, 2, 3]);
    expect(push?.schemaVersion).toBe(1);
    expect(push?.clientId).toBe(await db.getMeta('clientId'));
    expect(server.notes.size).toBe(3);
    engine.stop();
  });

  it('a pull reset keeps pending local notes (rebase) and drops stale server rows', async () => {
    const engine = makeEngine();
    await db.customers.put(makeCustomer(99)); // a row head office no longer sends
    const ctx = { userId: USER.id, userName: USER.name };
    const note = await addNote(db, ctx, { customerId: makeCustomer(1).id, body: 'pas encore envoyée' });
    await engine.write(updateCustomer, {
      id: makeCustomer(1).id,
      baseVersion: 1,
      changes: { phone: '06 00 00 00 00' },
    });
    server.ignorePushes = true; // head office processes nothing: the pull resets under us
    await engine.start();
    expect(server.calls.some((c) => c.method === 'sync-pull')).toBe(true);
    expect(await db.customers.get(makeCustomer(99).id)).toBeUndefined();
    const local = await db.notes.get(note.id);
    expect(local).toMatchObject({ body: 'pas encore envoyée', receivedAt: null, authorName: USER.name });
    // The pending edit is re-applied on top of the fresh server row.
    expect((await db.customers.get(makeCustomer(1).id))?.phone).toBe('06 00 00 00 00');
    expect(await db.outbox.count()).toBe(2);
    engine.stop();
  });

  it('after a pull, a pending order re-applied on top keeps the rep\u2019s own discount limit', async () => {
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    await db.products.put(makeProduct(PRODUCT_ID, { updatedAt: new Date(clock.now()).toISOString() }));
    await db.priceLists.put({
      id: LIST_ID,
      code: 'CHR-STD',
      name: 'Tarif',
      customerGroup: 'CHR-STD',
      validFrom: day,
      validTo: null,
      version: 1,
      updatedAt: new Date(clock.now()).toISOString(),
    });
    await db.prices.put({
      id: PRICE_ID,
      priceListId: LIST_ID,
      productId: PRODUCT_ID,
      breaks: [{ minQuantity: 1, unitPriceCents: 1000 }],
      version: 1,
    });
    await db.customers.put({ ...makeCustomer(1), priceGroup: 'CHR-STD' });
    const rep = { ...USER, maxDiscountBp: 1500 };
    const order = await createOrder(
      db,
      { userId: rep.id, userName: rep.name, maxDiscountBp: 1500 },
      {
        customerId: makeCustomer(1).id,
        deliveryDate: null,
        note: '',
        signature: null,
        lines: [{ productId: PRODUCT_ID, quantity: 2, discountBp: 1200 }],
      },
    );
    expect((await db.orders.get(order.id))?.approval).toBe('not-needed');
    const engine = new SyncEngine({
      db,
      transport: server,
      probe: async () => true,
      user: rep,
      clock,
      connectivity: null,
      log: silent,
    });
    server.ignorePushes = true; // head office has not numbered it yet: the pull rebases it
    await engine.start();
    expect(server.calls.some((c) => c.method === 'sync-pull')).toBe(true);
    expect(await db.orders.get(order.id)).toMatchObject({ approval: 'not-needed' });
    engine.stop();
  });

  it('a pull drops photos whose attachment is gone, keeps those still waiting to be sent', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    await db.customers.put(makeCustomer(1));
    const ctx = { userId: USER.id, userName: USER.name };
    const complaint = await logComplaint(db, ctx, {
      customerId: makeCustomer(1).id,
      category: 'delivery',
      productId: null,
      orderId: null,
      description: 'Palette livrée abîmée',
      severity: 'high',
      files: [{ fileName: 'palette.jpg', mimeType: 'image/jpeg', bytes }],
    });
    const orphan = '0190a000-0000-7000-8000-000000000999';
    await db.attachmentBlobs.put({ id: orphan, complaintId: complaint.id, bytes });
    const engine = makeEngine();
    server.ignorePushes = true; // the photo's attachment-add still waits
    await engine.start();
    expect(await db.attachmentBlobs.get(orphan)).toBeUndefined();
    expect(await db.attachmentBlobs.count()).toBe(1);
    // Head office answers (the fake refuses complaints: no row comes back): the photo goes too.
    server.ignorePushes = false;
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
    expect(await db.attachmentBlobs.count()).toBe(0);
    engine.stop();
  });

  it('a retried push after a dropped response resends the same mids and mutationIds', async () => {
    const engine = makeEngine();
    await engine.start();
    await engine.write(addNote, { customerId: makeCustomer(1).id, body: 'une seule fois' });
    server.dropNextPushResponse = true;
    await engine.syncNow();
    expect(engine.getStatus().state).toBe('offline');
    expect(await db.outbox.count()).toBe(1); // not acknowledged: kept
    await engine.syncNow();
    const pushes = server.pushes().filter((p) => p.mutations.length > 0);
    expect(pushes).toHaveLength(2);
    expect(pushes[1]?.mutations).toEqual(pushes[0]?.mutations);
    expect(server.applied).toHaveLength(1);
    expect(await db.notes.count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('retries network failures with growing, jittered backoff, then probes and recovers', async () => {
    const randoms = [0.9, 0.3, 0.9, 0.6, 0.9];
    let i = 0;
    const engine = makeEngine(() => randoms[i++ % randoms.length] ?? 0.5);
    server.unreachable = true;
    await engine.start();
    expect(engine.getStatus().state).toBe('offline');
    for (let n = 0; n < 4; n += 1) {
      const retryDelay = engine.retryDelays.at(-1) ?? 0;
      // Run timers until the retry fired (probes may come first).
      const before = engine.retryDelays.length;
      while (engine.retryDelays.length === before) {
        clock.runNext();
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(retryDelay).toBeGreaterThanOrEqual(0);
    }
    const delays = engine.retryDelays;
    expect(delays.slice(0, 5)).toEqual([
      Math.floor(0.9 * 1000),
      Math.floor(0.3 * 2000),
      Math.floor(0.9 * 4000),
      Math.floor(0.6 * 8000),
      Math.floor(0.9 * 16000),
    ]);
    server.unreachable = false;
    // Stops as soon as the engine is idle; the bound leaves a loaded machine time for the pull.
    for (let guard = 0; guard < 1_000 && engine.getStatus().state !== 'idle'; guard += 1) {
      clock.runNext();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(engine.getStatus().state).toBe('idle');
    engine.stop();
  });

  it('head office down behind a gateway (502/503/504) is offline and probed, not a failure; its own 500 is', async () => {
    for (const status of [502, 503, 504]) {
      const engine = makeEngine();
      server.gatewayStatus = status;
      await engine.start();
      expect({ status, state: engine.getStatus().state, error: engine.getStatus().error }).toEqual({
        status,
        state: 'offline',
        error: undefined,
      });
      // Probing brings it back as soon as head office answers, without waiting out the backoff.
      server.gatewayStatus = null;
      for (let guard = 0; guard < 1_000 && engine.getStatus().state !== 'idle'; guard += 1) {
        clock.runNext();
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(engine.getStatus().state).toBe('idle');
      engine.stop();
    }
    const engine = makeEngine();
    server.gatewayStatus = 500;
    await engine.start();
    expect(engine.getStatus()).toMatchObject({ state: 'error', error: 'internal' });
    server.gatewayStatus = null;
    engine.stop();
  });

  it('a lost session emits signed-out and keeps the outbox and local data', async () => {
    const engine = makeEngine();
    const events: SyncEvent[] = [];
    engine.onEvent((e) => events.push(e));
    await engine.start();
    const note = await engine.write(addNote, { customerId: makeCustomer(1).id, body: 'à garder' });
    server.nextError = { method: 'sync-push', code: 'session-expired' };
    await engine.syncNow();
    expect(events).toContainEqual({ type: 'signed-out', code: 'session-expired' });
    expect(engine.getStatus()).toMatchObject({ state: 'error', error: 'session-expired', pending: 1 });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.notes.get(note.id)).toBeDefined();
    expect(await db.customers.count()).toBe(2);
    // Halted: no more calls until a new engine (after signing in again).
    const calls = server.calls.length;
    await engine.syncNow();
    expect(server.calls.length).toBe(calls);
    engine.stop();
    const again = makeEngine();
    await again.start();
    expect(await db.outbox.count()).toBe(0);
    expect(server.notes.has(note.id)).toBe(true);
    again.stop();
  });

  it('app-outdated stops syncing and says so', async () => {
    const engine = makeEngine();
    const events: SyncEvent[] = [];
    engine.onEvent((e) => events.push(e));
    server.nextError = { method: 'sync-pull', code: 'app-outdated' };
    await engine.start();
    expect(events).toContainEqual({ type: 'app-outdated' });
    expect(engine.getStatus()).toMatchObject({ state: 'error', error: 'app-outdated' });
    expect(clock.timers.size).toBe(0);
    engine.stop();
  });

  it('a mutation gap pulls lastMid, renumbers unseen entries and pushes again', async () => {
    const ctx = { userId: USER.id, userName: USER.name };
    await db.setMeta('nextMid', 5); // e.g. head office lost its record of this laptop
    const note = await addNote(db, ctx, { customerId: makeCustomer(1).id, body: 'après un trou' });
    const engine = makeEngine();
    await engine.start();
    expect(server.notes.has(note.id)).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('lastMid')).toBe(1);
    expect(await db.getMeta('nextMid')).toBe(2);
    engine.stop();
  });

  it('pulls again while more is true', async () => {
    for (let n = 3; n <= 25; n += 1) server.customers.set(makeCustomer(n).id, makeCustomer(n));
    server.pageSize = 10;
    const engine = makeEngine();
    await engine.start();
    expect(await db.customers.count()).toBe(25);
    expect(server.calls.filter((c) => c.method === 'sync-pull')).toHaveLength(3);
    engine.stop();
  });

  it('sends a page limit and reports download progress during a multi-page pull', async () => {
    for (let n = 3; n <= 25; n += 1) server.customers.set(makeCustomer(n).id, makeCustomer(n));
    const engine = makeEngine(undefined, 10);
    const downloads: unknown[] = [];
    engine.subscribe((s) => downloads.push(s.download));
    await engine.start();
    const pulls = server.calls.filter((c) => c.method === 'sync-pull');
    expect(pulls.map((c) => (c.input as { limit?: number }).limit)).toEqual([10, 10, 10]);
    expect(downloads.filter((d) => d !== null)).toMatchObject([
      { received: 10, pages: 1, total: 25, percent: 40 },
      { received: 20, pages: 2, total: 25, percent: 80 },
    ]);
    expect(engine.getStatus().download).toBeNull();
    engine.stop();
  });

  it('estimates the time left from the rate so far, and never shows 100 % before the end', async () => {
    for (let n = 3; n <= 40; n += 1) server.customers.set(makeCustomer(n).id, makeCustomer(n));
    // Head office's estimate is low (rows were written during the download): 15 for 40.
    server.announcedTotal = 15;
    const invoke = server.invoke.bind(server);
    server.invoke = ((method: string, input: unknown) => {
      if (method === 'sync-pull') clock.time += 2_000; // each page takes 2 s
      return invoke(method as never, input as never);
    }) as typeof server.invoke;
    const engine = makeEngine(undefined, 10);
    const downloads: DownloadStatus[] = [];
    engine.subscribe((s) => {
      if (s.download !== null && s.download !== downloads.at(-1)) downloads.push(s.download);
    });
    await engine.start();
    expect(await db.customers.count()).toBe(40);
    // Page 1: 10 of 15 in 2 s (page 2 was already asked for: 4 s) → 5 more at 10 per 4 s = 2 s.
    expect(downloads[0]).toEqual({ received: 10, pages: 1, total: 15, percent: 66, secondsLeft: 2 });
    // Then the estimate is passed: the total follows what arrived, the percentage stays below 100.
    expect(downloads.slice(1).map((d) => [d.received, d.total, d.percent])).toEqual([
      [20, 20, 99],
      [30, 30, 99],
    ]);
    expect(downloads.every((d) => d.percent !== null && d.percent <= 99)).toBe(true);
    expect(engine.getStatus().download).toBeNull();
    engine.stop();
  });

  it('asks for the next page while it writes the current one, and applies them in order', async () => {
    for (let n = 3; n <= 14; n += 1) server.customers.set(makeCustomer(n).id, makeCustomer(n));
    const appliedWhenAsked: number[] = [];
    let engine: SyncEngine | null = null;
    const invoke = server.invoke.bind(server);
    server.invoke = ((method: string, input: unknown) => {
      if (method === 'sync-pull') appliedWhenAsked.push(engine?.getStatus().download?.pages ?? 0);
      return invoke(method as never, input as never);
    }) as typeof server.invoke;
    engine = makeEngine(undefined, 5);
    await engine.start();
    // Three pages: the second is asked for before the first is written, the third before the second.
    expect(appliedWhenAsked).toEqual([0, 0, 1]);
    expect(await db.customers.count()).toBe(14);
    expect(await db.getMeta('cookie')).toBe(server.pullResponses.at(-1)?.cookie);
    engine.stop();
  });

  it('an interrupted first download resumes from the last applied page: no reset, nothing twice', async () => {
    for (let n = 3; n <= 25; n += 1) server.customers.set(makeCustomer(n).id, makeCustomer(n));
    server.failPullNumber = 3;
    const engine = makeEngine(undefined, 5);
    await engine.start();
    // Pages 1 and 2 are stored with page 2's cookie; page 3 never arrived.
    expect(engine.getStatus().state).toBe('offline');
    expect(engine.getStatus().download).toBeNull();
    expect(await db.customers.count()).toBe(10);
    const cookieOfPage2 = await db.getMeta('cookie');
    expect(cookieOfPage2).toBe(server.pullResponses[1]?.cookie);

    await engine.syncNow();
    const pulls = server.calls
      .filter((c) => c.method === 'sync-pull')
      .map((c) => c.input as { cookie: number });
    expect(pulls).toHaveLength(6); // 2 applied, 1 lost, then pages 3, 4, 5
    expect(pulls[2]?.cookie).toBe(cookieOfPage2);
    expect(pulls[3]?.cookie).toBe(cookieOfPage2);
    const answers = server.pullResponses;
    expect(answers.map((r) => r.reset)).toEqual([true, false, false, false, false]);
    const sent = answers.flatMap((r) => r.patch.map((op) => (op.op === 'put' ? op.value.id : op.id)));
    expect(sent).toHaveLength(25);
    expect(new Set(sent).size).toBe(25);
    expect(await db.customers.count()).toBe(25);
    expect(engine.getStatus()).toMatchObject({ state: 'idle', download: null });
    engine.stop();
  });

  it('a local change triggers a debounced sync', async () => {
    const engine = makeEngine();
    await engine.start();
    const pushesBefore = server.pushes().length;
    await engine.write(addNote, { customerId: makeCustomer(1).id, body: 'debounce' });
    await engine.write(addNote, { customerId: makeCustomer(1).id, body: 'debounce 2' });
    expect(clock.pendingDelays().filter((d) => d === 300)).toHaveLength(1);
    while (clock.pendingDelays().includes(300)) clock.runNext();
    await new Promise((r) => setTimeout(r, 50));
    await engine.syncNow();
    expect(server.pushes().length).toBeGreaterThan(pushesBefore);
    expect(server.notes.size).toBe(2);
    engine.stop();
  });
});

describe('waiting for changes (sync-wait)', () => {
  const pulls = () => server.calls.filter((c) => c.method === 'sync-pull').length;
  const waitCalls = () => server.calls.filter((c) => c.method === 'sync-wait').length;
  /** Lets pending IndexedDB work and promise chains run (a bounded number of turns, no time). */
  const flush = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 500 && !condition(); i += 1)
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(condition()).toBe(true);
  };

  it('keeps one wait open and pulls when head office says something changed, with no timer firing', async () => {
    const engine = makeEngine();
    const opened = server.nextWait();
    await engine.start();
    await opened;
    expect(server.waits).toHaveLength(1);
    expect(server.waits[0]?.input).toEqual({ clientId: await db.getMeta('clientId'), cookie: server.cookie });
    server.customers.set(makeCustomer(3).id, makeCustomer(3));
    const timers = clock.pendingDelays();
    const reopened = server.nextWait();
    server.waits[0]?.answer(true);
    await reopened;
    expect(await db.customers.get(makeCustomer(3).id)).toBeDefined();
    expect(clock.pendingDelays()).toEqual(timers);
    expect(server.waits).toHaveLength(1);
    engine.stop();
  });

  it('waits again without pulling when nothing changed, or when a sync since already pulled', async () => {
    const engine = makeEngine();
    const opened = server.nextWait();
    await engine.start();
    await opened;
    const before = pulls();
    let reopened = server.nextWait();
    server.waits[0]?.answer(false);
    await reopened;
    expect(pulls()).toBe(before);
    // Never two at once: syncs while a wait is open open no other.
    await engine.syncNow();
    await engine.syncNow();
    expect(server.waits).toHaveLength(1);
    expect(pulls()).toBe(before + 2);
    reopened = server.nextWait();
    server.waits[0]?.answer(true);
    await reopened;
    expect(pulls()).toBe(before + 2);
    expect(server.waits).toHaveLength(1);
    engine.stop();
  });

  it('a failed wait backs off like other requests before waiting again', async () => {
    const engine = makeEngine();
    const opened = server.nextWait();
    await engine.start();
    await opened;
    for (const attempt of [1, 2, 3]) {
      const waitsBefore = waitCalls();
      const delay = backoffDelay(attempt, () => 0.5);
      server.waits[0]?.drop();
      await until(() => clock.pendingDelays().includes(delay));
      expect(waitCalls()).toBe(waitsBefore);
      const reopened = server.nextWait();
      clock.runTimer(delay);
      await reopened;
    }
    engine.stop();
  });

  it('offline, no wait is open; back online, the sync opens it again', async () => {
    const connectivity = new EventTarget();
    const engine = makeEngine(() => 0.5, undefined, connectivity);
    const opened = server.nextWait();
    await engine.start();
    await opened;
    connectivity.dispatchEvent(new Event('offline'));
    server.unreachable = true;
    server.waits[0]?.drop();
    const delay = backoffDelay(1, () => 0.5);
    await until(() => clock.pendingDelays().includes(delay));
    const waitsBefore = waitCalls();
    clock.runTimer(delay);
    await flush();
    expect(waitCalls()).toBe(waitsBefore);
    expect(server.waits).toHaveLength(0);

    server.unreachable = false;
    const reopened = server.nextWait();
    connectivity.dispatchEvent(new Event('online'));
    await reopened;
    expect(server.waits).toHaveLength(1);
    engine.stop();
  });

  it('a lost session ends the waiting: signed-out, and no other wait', async () => {
    const engine = makeEngine();
    const events: SyncEvent[] = [];
    engine.onEvent((e) => events.push(e));
    const opened = server.nextWait();
    await engine.start();
    await opened;
    const waitsBefore = waitCalls();
    server.nextError = { method: 'sync-wait', code: 'session-revoked' };
    server.waits[0]?.answer(false);
    await until(() => events.some((e) => e.type === 'signed-out'));
    await flush();
    expect(waitCalls()).toBe(waitsBefore + 1);
    expect(server.waits).toHaveLength(0);
    expect(clock.pendingDelays()).toEqual([]);
    engine.stop();
  });
});

describe('SyncEngine against a head office restored from a backup', () => {
  const note = (body: string) => ({ customerId: makeCustomer(1).id, body });

  async function laptopNotes(): Promise<string[]> {
    return (await db.notes.toArray()).map((n) => n.body).sort();
  }

  it('sends again the writes head office forgot, ahead of those waiting, each once', async () => {
    const engine = makeEngine();
    await engine.start();
    await engine.write(addNote, note('avant la sauvegarde'));
    await engine.syncNow();
    const restore = server.backup();
    await engine.write(addNote, note('après, accusée 1'));
    await engine.write(addNote, note('après, accusée 2'));
    await engine.syncNow();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.acknowledged.count()).toBe(3);

    restore();
    expect(server.notes.size).toBe(1);
    await engine.write(addNote, note('écrite pendant la restauration'));
    await engine.syncNow();

    const atHeadOffice = [...server.notes.values()].map((n) => n.body).sort();
    expect(atHeadOffice).toEqual([
      'après, accusée 1',
      'après, accusée 2',
      'avant la sauvegarde',
      'écrite pendant la restauration',
    ]);
    expect(await laptopNotes()).toEqual(atHeadOffice);
    expect((await db.notes.toArray()).every((n) => n.receivedAt !== null)).toBe(true);
    // The forgotten writes went again under their own mids and mutationIds, in order.
    const resent = server.pushes().flatMap((p) => p.mutations.map((m) => m.mid));
    expect(resent.slice(-3)).toEqual([2, 3, 4]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.getMeta('lastMid')).toBe(4);
    expect(engine.getStatus()).toMatchObject({ state: 'idle', pending: 0 });
    engine.stop();
  });

  it('with nothing waiting, the pull that reveals the restore sends them again in the same sync', async () => {
    const engine = makeEngine();
    await engine.start();
    const restore = server.backup();
    await engine.write(addNote, note('accusée puis oubliée'));
    await engine.write(updateCustomer, {
      id: makeCustomer(2).id,
      baseVersion: 1,
      changes: { phone: '04 78 00 00 00' },
    });
    await engine.syncNow();
    restore();
    expect(server.notes.size).toBe(0);

    await engine.syncNow();
    expect([...server.notes.values()].map((n) => n.body)).toEqual(['accusée puis oubliée']);
    expect(server.customers.get(makeCustomer(2).id)?.phone).toBe('04 78 00 00 00');
    expect(await laptopNotes()).toEqual(['accusée puis oubliée']);
    expect((await db.customers.get(makeCustomer(2).id))?.phone).toBe('04 78 00 00 00');
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });

  it('keeps an acknowledged write 30 days, then lets it go', async () => {
    const engine = makeEngine();
    await engine.start();
    await engine.write(addNote, note('ancienne'));
    await engine.syncNow();
    expect(await db.acknowledged.count()).toBe(1);
    clock.time += (ACKNOWLEDGED_RETENTION_DAYS - 1) * 86_400_000;
    await engine.write(addNote, note('récente'));
    await engine.syncNow();
    expect((await db.acknowledged.toArray()).map((e) => e.mid)).toEqual([1, 2]);
    clock.time += 2 * 86_400_000;
    await engine.syncNow();
    expect((await db.acknowledged.toArray()).map((e) => e.mid)).toEqual([2]);
    engine.stop();
  });

  it('a write older than what the laptop keeps is lost, the rest still arrives (renumbered)', async () => {
    const engine = makeEngine();
    await engine.start();
    const restore = server.backup();
    await engine.write(addNote, note('trop ancienne'));
    await engine.syncNow();
    clock.time += (ACKNOWLEDGED_RETENTION_DAYS + 1) * 86_400_000;
    await engine.write(addNote, note('gardée'));
    await engine.syncNow();
    restore();
    await engine.write(addNote, note('en attente'));
    await engine.syncNow();
    expect([...server.notes.values()].map((n) => n.body).sort()).toEqual(['en attente', 'gardée']);
    expect(await laptopNotes()).toEqual(['en attente', 'gardée']);
    expect(await db.outbox.count()).toBe(0);
    engine.stop();
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffCeiling(n))).toEqual([
      1000, 2000, 4000, 8000, 60000, 60000, 60000,
    ]);
  });
  it('is fully jittered within [0, ceiling)', () => {
    const values = Array.from({ length: 50 }, () => backoffDelay(5));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(16000);
    expect(new Set(values).size).toBeGreaterThan(10);
  });
});
