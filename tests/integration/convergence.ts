/**
 * Randomised convergence run: several laptops (the real renderer sync engine over Dexie on
 * fake-indexeddb) and head office (the real server on PGlite or PostgreSQL) exchange
 * mutations through a faulty network — requests lost before or after head office handled
 * them, duplicated, and stale requests replayed out of order — while head office edits and
 * reassigns customers. Once the network heals, every laptop must hold exactly its user's
 * scope as head office sees it, every note written on a laptop must be at head office exactly
 * once, and no outbox may be left.
 */
import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import type { Input, Method, Output } from '../../src/shared/contract/index.js';
import type { Transport } from '../../src/shared/contract/transport.js';
import { TransportError } from '../../src/shared/contract/transport.js';
import type { Result } from '../../src/shared/lib/result.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { parseResult } from '../../src/renderer/platform/validate.js';
import type { Clock, TimerHandle } from '../../src/renderer/sync/clock.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';
import type { Backend, TestServer } from './harness.js';
import { DEMO, startTestServer } from './harness.js';
import { addNote, updateCustomer } from '../../src/renderer/features/customers/mutators.js';

/** Timers never fire by themselves: the run drives every sync explicitly. */
export const manualClock: Clock = {
  now: () => Date.now(),
  setTimeout: () => ({ __timer: true }) as TimerHandle,
  clearTimeout: () => {},
};

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fault = 'none' | 'lost-before' | 'lost-after' | 'duplicated' | 'stale-replay';

class FaultyTransport implements Transport {
  faulty = true;
  private readonly sentSyncRequests: { method: Method; input: unknown }[] = [];

  constructor(
    private readonly server: TestServer,
    private readonly token: string,
    private readonly random: () => number,
  ) {}

  private pickFault(method: Method): Fault {
    if (!this.faulty || (method !== 'sync-push' && method !== 'sync-pull')) return 'none';
    const r = this.random();
    if (r < 0.12) return 'lost-before';
    if (r < 0.24) return 'lost-after';
    if (r < 0.32) return 'duplicated';
    if (r < 0.4) return 'stale-replay';
    return 'none';
  }

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    const fault = this.pickFault(method);
    if (fault === 'lost-before') throw new TransportError('connection refused', null);
    const send = async () => {
      const reply = await this.server.call(method, input, this.token);
      if (reply.status >= 500) throw new TransportError(`answered ${reply.status}`, reply.status);
      return parseResult(method, reply.body, reply.status);
    };
    if (method === 'sync-push' || method === 'sync-pull') this.sentSyncRequests.push({ method, input });
    if (fault === 'stale-replay' && this.sentSyncRequests.length > 1) {
      const stale = this.sentSyncRequests[Math.floor(this.random() * (this.sentSyncRequests.length - 1))]!;
      await this.server.call(stale.method, stale.input, this.token);
    }
    const result = await send();
    if (fault === 'duplicated') return send();
    if (fault === 'lost-after') throw new TransportError('connection reset', null);
    return result;
  }
}

interface Laptop {
  label: string;
  userId: string;
  db: AppDB;
  engine: SyncEngine;
  transport: FaultyTransport;
  written: { id: string; body: string }[];
}

async function openLaptop(
  server: TestServer,
  email: string,
  label: string,
  random: () => number,
): Promise<Laptop> {
  const token = await server.login(email);
  const me = await server.ok<{ user: { id: string; name: string } }>('auth-me', {}, token);
  const transport = new FaultyTransport(server, token, random);
  const db = new AppDB(`convergence-${label}-${Date.now()}-${Math.floor(random() * 1e9)}`);
  await db.open();
  const silent = { info: () => {}, warn: () => {}, error: () => {} };
  const engine = new SyncEngine({
    db,
    transport,
    probe: async () => true,
    user: { id: me.user.id, name: me.user.name },
    clock: manualClock,
    random,
    connectivity: null,
    log: silent,
  });
  return { label, userId: me.user.id, db, engine, transport, written: [] };
}

interface ServerCustomer {
  id: string;
  ownerId: string | null;
  version: number;
  phone: string;
  city: string;
}

export async function runConvergence(
  backend: Backend,
  options: { seed: number; steps: number },
): Promise<void> {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const server = await startTestServer(backend, { customersPerRep: 6 });
  const laptops: Laptop[] = [];
  try {
    const adminToken = await server.login(DEMO.admin);
    laptops.push(
      await openLaptop(server, DEMO.camille, 'camille-laptop', random),
      await openLaptop(server, DEMO.camille, 'camille-tablet', random),
      await openLaptop(server, DEMO.thomas, 'thomas-laptop', random),
    );
    const repIds = [...new Set(laptops.map((l) => l.userId))];
    for (const laptop of laptops) {
      laptop.transport.faulty = false;
      await laptop.engine.syncNow();
      laptop.transport.faulty = true;
    }

    for (let step = 0; step < options.steps; step += 1) {
      const r = random();
      const laptop = pick(laptops);
      if (r < 0.35) {
        const customers = await laptop.db.customers.toArray();
        if (customers.length === 0) continue;
        const body = `note ${options.seed}-${step} by ${laptop.label}`;
        const note = await laptop.engine.write(addNote, { customerId: pick(customers).id, body });
        laptop.written.push({ id: note.id, body });
      } else if (r < 0.5) {
        const customers = await laptop.db.customers.toArray();
        if (customers.length === 0) continue;
        const customer = pick(customers);
        await laptop.engine.write(updateCustomer, {
          id: customer.id,
          baseVersion: customer.version,
          changes: { phone: `04 72 00 ${String(step % 100).padStart(2, '0')} ${laptop.label.length}0` },
        });
      } else if (r < 0.62) {
        const { customers } = await server.ok<{ customers: ServerCustomer[] }>(
          'customer-list',
          { limit: 1000 },
          adminToken,
        );
        const customer = pick(customers);
        await server.ok(
          'customer-update',
          { id: customer.id, changes: { city: `Ville ${step}` } },
          adminToken,
        );
      } else if (r < 0.68) {
        const { customers } = await server.ok<{ customers: ServerCustomer[] }>(
          'customer-list',
          { limit: 1000 },
          adminToken,
        );
        const customer = pick(customers.filter((c) => c.ownerId !== null));
        const other = repIds.find((id) => id !== customer.ownerId) ?? customer.ownerId;
        await server.ok('customer-assign', { id: customer.id, ownerId: other }, adminToken);
      } else {
        await laptop.engine.syncNow();
      }
    }

    // The network heals: every laptop syncs until nothing is waiting.
    for (let round = 0; round < 3; round += 1) {
      for (const laptop of laptops) {
        laptop.transport.faulty = false;
        await laptop.engine.syncNow();
      }
    }

    const { customers: all } = await server.ok<{ customers: ServerCustomer[] }>(
      'customer-list',
      { limit: 1000 },
      adminToken,
    );
    const serverNotes = new Map<string, string>();
    for (const customer of all) {
      const { notes } = await server.ok<{ notes: { id: string; body: string }[] }>(
        'customer-get',
        { id: customer.id },
        adminToken,
      );
      for (const note of notes) serverNotes.set(note.id, customer.id);
    }
    for (const laptop of laptops) {
      expect(await laptop.db.outbox.count(), `${laptop.label}: outbox drained`).toBe(0);
      const expected = all.filter((c) => c.ownerId === laptop.userId);
      const local = await laptop.db.customers.toArray();
      expect(
        local.map((c) => `${c.id}@${c.version}:${c.phone}:${c.city}`).sort(),
        `${laptop.label}: customers equal head office's scope`,
      ).toEqual(expected.map((c) => `${c.id}@${c.version}:${c.phone}:${c.city}`).sort());
      const localNotes = await laptop.db.notes.toArray();
      if (process.env.DEBUG_CONVERGENCE) {
        const extra = localNotes.filter((n) => !serverNotes.has(n.id));
        console.log(laptop.label, JSON.stringify(extra), JSON.stringify(await laptop.db.outcomes.toArray()));
      }
      const expectedNotes = [...serverNotes].filter(([, customerId]) =>
        expected.some((c) => c.id === customerId),
      );
      expect(localNotes.map((n) => n.id).sort(), `${laptop.label}: notes equal head office's scope`).toEqual(
        expectedNotes.map(([id]) => id).sort(),
      );
      const outcomes = await laptop.db.outcomes.toArray();
      for (const { id, body } of laptop.written) {
        // Head office has it, or refused it (its customer left the rep meanwhile) and the
        // refusal, with the note's text, is on the laptop: never lost, never doubled.
        const refused = outcomes.some((o) => o.name === 'note-add' && o.detail === body);
        expect(
          serverNotes.has(id) || refused,
          `${laptop.label}: note ${id} reached head office or was refused visibly`,
        ).toBe(true);
        expect(serverNotes.has(id) && refused).toBe(false);
      }
    }
    const writtenEverywhere = laptops.flatMap((l) => l.written.map((w) => w.id));
    expect(new Set(writtenEverywhere).size).toBe(writtenEverywhere.length);
  } finally {
    for (const laptop of laptops) {
      laptop.engine.stop();
      laptop.db.close();
    }
    await server.close();
  }
}
