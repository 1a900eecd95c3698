/**
 * Other laptops learn of a change within seconds (decision 0022): real sync engines over Dexie
 * (fake-indexeddb) against the real server, whose timers never fire (no periodic sync), keep a
 * `sync-wait` open; a write in their scope by someone else answers it and they pull.
 */
import 'fake-indexeddb/auto';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Method, Output } from '../../src/shared/contract/index.js';
import type { Transport } from '../../src/shared/contract/transport.js';
import { TransportError } from '../../src/shared/contract/transport.js';
import type { Result } from '../../src/shared/lib/result.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { parseResult } from '../../src/renderer/platform/validate.js';
import type { Clock, TimerHandle } from '../../src/renderer/sync/clock.js';
import type { SyncEvent } from '../../src/renderer/sync/engine.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';
import { updateCustomer } from '../../src/renderer/features/customers/mutators.js';
import { dispatch } from '../../src/server/dispatch.js';
import { SyncWaits } from '../../src/server/features/sync/index.js';
import { testHashOptions } from '../../src/server/features/auth/passwords.js';
import type { TestServer } from './harness.js';
import { backends, DEMO, pullAll, startTestServer } from './harness.js';

/** Timers never fire by themselves: no periodic sync, no debounce. */
const manualClock: Clock = {
  now: () => Date.now(),
  setTimeout: () => ({ __timer: true }) as TimerHandle,
  clearTimeout: () => {},
};

/** Far longer than any step of these tests takes: a wait answered `false` here is a failure. */
const WAIT_MS = 120_000;

class Recording implements Transport {
  readonly calls: Method[] = [];
  readonly waitAnswers: boolean[] = [];
  constructor(
    private readonly server: TestServer,
    private readonly token: string,
  ) {}
  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push(method);
    const reply = await this.server.call(method, input, this.token);
    if (reply.status >= 500) throw new TransportError(`answered ${reply.status}`, reply.status);
    const result = parseResult(method, reply.body, reply.status);
    if (method === 'sync-wait' && result.ok)
      this.waitAnswers.push((result.value as { changed: boolean }).changed);
    return result;
  }
}

interface Laptop {
  db: AppDB;
  engine: SyncEngine;
  transport: Recording;
}

function nextSync(engine: SyncEngine): Promise<void> {
  return new Promise((resolve) => {
    const off = engine.onEvent((event: SyncEvent) => {
      if (event.type !== 'synced') return;
      off();
      resolve();
    });
  });
}

describe.each(backends)('a change reaches the other laptops within seconds on $name', (backend) => {
  let server: TestServer;
  let waits: SyncWaits;
  const laptops: Laptop[] = [];

  async function openLaptop(email: string): Promise<Laptop> {
    const token = await server.login(email);
    const me = await server.ok<{ user: { id: string; name: string } }>('auth-me', {}, token);
    const transport = new Recording(server, token);
    const db = new AppDB(`wake-${backend.name}-${uuidv7()}`);
    await db.open();
    const engine = new SyncEngine({
      db,
      transport,
      probe: async () => true,
      user: { id: me.user.id, name: me.user.name },
      clock: manualClock,
      connectivity: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const laptop = { db, engine, transport };
    laptops.push(laptop);
    await engine.start();
    return laptop;
  }

  /** Resolves once the marks loop has read the table twice: whatever was committed is seen. */
  async function loopHasLooked(): Promise<void> {
    const target = waits.polls + 2;
    while (waits.polls < target && waits.size > 0) await new Promise((resolve) => setImmediate(resolve));
  }

  beforeAll(async () => {
    server = await startTestServer(backend, {
      customersPerRep: 4,
      syncWaits: (db) => {
        waits = new SyncWaits(db, { waitMs: WAIT_MS, pollMs: 20 });
        return waits;
      },
    });
  });

  afterAll(async () => {
    for (const laptop of laptops) {
      laptop.engine.stop();
      laptop.db.close();
    }
    await server?.close();
  });

  it("a rep's edit on one laptop reaches their other laptop and their manager's, with no periodic sync", async () => {
    const laptopA = await openLaptop(DEMO.camille);
    const laptopB = await openLaptop(DEMO.camille);
    const manager = await openLaptop(DEMO.manager);
    const [customer] = await laptopA.db.customers.toArray();
    if (customer === undefined) throw new Error('Camille holds no customer');

    const bPulled = nextSync(laptopB.engine);
    const managerPulled = nextSync(manager.engine);
    const bPullsBefore = laptopB.transport.calls.filter((m) => m === 'sync-pull').length;
    await laptopA.engine.write(updateCustomer, {
      id: customer.id,
      baseVersion: customer.version,
      changes: { phone: '04 72 11 22 33' },
    });
    await laptopA.engine.syncNow();
    await Promise.all([bPulled, managerPulled]);

    expect((await laptopB.db.customers.get(customer.id))?.phone).toBe('04 72 11 22 33');
    expect((await manager.db.customers.get(customer.id))?.phone).toBe('04 72 11 22 33');
    expect(laptopB.transport.waitAnswers).toContain(true);
    expect(laptopB.transport.calls.filter((m) => m === 'sync-pull').length).toBe(bPullsBefore + 1);
  });

  it("a manager's appointment wakes the rep; another rep's edit does not", async () => {
    const camille = laptops[0]!;
    const thomas = await openLaptop(DEMO.thomas);
    await loopHasLooked();
    const camillePulls = () => camille.transport.calls.filter((m) => m === 'sync-pull').length;
    const before = camillePulls();
    const answersBefore = camille.transport.waitAnswers.length;

    const [theirs] = await thomas.db.customers.toArray();
    if (theirs === undefined) throw new Error('Thomas holds no customer');
    await thomas.engine.write(updateCustomer, {
      id: theirs.id,
      baseVersion: theirs.version,
      changes: { phone: '04 78 00 00 01' },
    });
    await thomas.engine.syncNow();
    await loopHasLooked();
    expect(camillePulls()).toBe(before);
    expect(camille.transport.waitAnswers.length).toBe(answersBefore);

    const [mine] = await camille.db.customers.toArray();
    if (mine === undefined) throw new Error('Camille holds no customer');
    const managerToken = await server.login(DEMO.manager);
    const id = uuidv7();
    const pulled = nextSync(camille.engine);
    await server.ok(
      'appointment-set',
      {
        id,
        customerId: mine.id,
        contactId: null,
        kind: 'visit',
        startAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        durationMinutes: 45,
        objective: 'Présenter la gamme hiver',
        notes: '',
        repId: server.ids.repIds.camille,
      },
      managerToken,
    );
    await pulled;
    expect(await camille.db.appointments.get(id)).toBeDefined();
    expect(camille.transport.waitAnswers[answersBefore]).toBe(true);
  });

  it('the answer is a boolean and nothing else; with no change it is false once the wait ends', async () => {
    const token = await server.login(DEMO.thomas);
    const clientId = uuidv7();
    const pages = await pullAll(server, token, clientId, null);
    const cookie = pages.at(-1)!.cookie;
    // A cookie the laptop does not hold any more: at once, `changed`, and only that.
    const behind = await server.call('sync-wait', { clientId, cookie: cookie - 1 }, token);
    expect(behind.body).toEqual({ ok: true, value: { changed: true } });

    const shortWaits = new SyncWaits(server.database.db, { waitMs: 50, pollMs: 10 });
    const quiet = await dispatch(
      'sync-wait',
      { clientId, cookie },
      {
        db: server.database.db,
        config: { passwordHashing: testHashOptions, now: () => new Date() },
        token,
        effects: {},
        syncWaits: shortWaits,
      },
    );
    expect(quiet).toEqual({ ok: true, value: { changed: false } });
    shortWaits.close();

    // Another rep's laptop id is refused, telling nothing of its scope.
    const camilleToken = await server.login(DEMO.camille);
    const foreign = await server.call('sync-wait', { clientId, cookie }, camilleToken);
    expect(foreign.body).toMatchObject({ ok: false, error: { code: 'client-forbidden' } });
  });
});
