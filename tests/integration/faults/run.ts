/**
 * The real-network fault run (issue 13, "Deliver 4" and "5"): laptops are the real renderer
 * sync engine over Dexie (fake-indexeddb) talking HTTP through a fault-injecting proxy to head
 * office running as one or two real processes (on one PostgreSQL, laptops switching between
 * them at every request) or one process on PGlite. Head office is killed with SIGKILL in the
 * middle of pushes and started again; laptops are reloaded between a write and its push and in
 * the middle of a pull, go offline, have clocks days off; head office reassigns customers and
 * the manager edits what reps edit. Every kind of write a rep makes goes through it: notes,
 * customer edits, appointments, orders, complaints with a photo and their events, visit reports.
 *
 * Once the network heals and every instance is up, the run checks against head office's own
 * database: every write the app confirmed is there exactly once, or is among that laptop's
 * visible refusals (never both); every laptop equals a fresh download of its user's scope;
 * every outbox is empty; no order number was given twice. A failure prints the seed, and
 * `FAULT_SEED=<seed>` replays it.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { TransportError } from '../../../src/shared/contract/transport.js';
import type { Transport } from '../../../src/shared/contract/transport.js';
import type { MutationIntent, MutationName } from '../../../src/shared/sync/mutations.js';
import { refusedDetail } from '../../../src/shared/sync/mutations.js';
import { entityNames } from '../../../src/shared/sync/protocol.js';
import { openDatabase } from '../../../src/server/db/connect.js';
import { AppDB } from '../../../src/renderer/db/AppDB.js';
import type { OutboxEntry } from '../../../src/renderer/db/schema.js';
import { createWebTransport, probeHealth } from '../../../src/renderer/platform/transport.web.js';
import type { Clock } from '../../../src/renderer/sync/clock.js';
import { SyncEngine } from '../../../src/renderer/sync/engine.js';
import type { MutatorContext } from '../../../src/renderer/sync/mutation.js';
import { mutationTables, writeMutation } from '../../../src/renderer/sync/mutation.js';
import { addNote, updateCustomer } from '../../../src/renderer/features/customers/mutators.js';
import {
  cancelAppointment,
  createAppointment,
  updateAppointment,
} from '../../../src/renderer/features/agenda/mutators.js';
import { cancelOrder, createOrder, updateOrder } from '../../../src/renderer/features/orders/mutators.js';
import { addComplaintEvent, logComplaint } from '../../../src/renderer/features/complaints/mutators.js';
import { visitMutations } from '../../../src/renderer/features/visit/mutators.js';
import { manualClock, prng } from '../convergence.js';
import type { Backend } from '../harness.js';
import { DEMO } from '../harness.js';
import { HeadOfficeProcess } from './headOffice.js';
import { FaultProxy, sleep } from './proxy.js';

const DAY = 86_400_000;
const TIME_ZONE = 'Europe/Paris';

export interface FaultRunOptions {
  seed: number;
  steps: number;
  /** Head-office processes on one database (2 needs PostgreSQL). */
  instances: 1 | 2;
  /** Share of sync requests given a fault. */
  faultRate?: number;
}

export interface FaultRunReport {
  seed: number;
  backend: string;
  instances: number;
  steps: number;
  writes: number;
  byKind: Record<string, number>;
  refused: number;
  faults: Record<string, number>;
  kills: number;
  reloads: number;
  lost: number;
  doubled: number;
}

interface Tracked {
  laptop: string;
  mutationId: string;
  name: MutationName;
  args: unknown;
}

interface Session {
  token: string;
  userId: string;
  name: string;
}

class Laptop {
  db!: AppDB;
  engine!: SyncEngine;
  offline = false;
  reloads = 0;
  private readonly dbName: string;
  private readonly clock: Clock;
  readonly ctx: MutatorContext;

  constructor(
    readonly label: string,
    readonly session: Session,
    private readonly proxyUrl: string,
    readonly skewMs: number,
    private readonly random: () => number,
  ) {
    this.dbName = `faults-${label}-${uuidv7()}`;
    this.clock = { ...manualClock, now: () => Date.now() + skewMs };
    this.ctx = {
      userId: session.userId,
      userName: session.name,
      now: () => new Date(Date.now() + skewMs).toISOString(),
    };
  }

  /** Opens (or, after a reload, re-opens) the laptop's database and a new engine over it. */
  async open(): Promise<void> {
    this.db = new AppDB(this.dbName);
    await this.db.open();
    const transport = this.transport();
    this.engine = new SyncEngine({
      db: this.db,
      transport,
      probe: async () => !this.offline && (await probeHealth(this.proxyUrl)),
      user: { id: this.session.userId, name: this.session.name },
      clock: this.clock,
      random: this.random,
      connectivity: null,
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
  }

  /** The app reloaded: the engine and its database connection go, IndexedDB stays. */
  async reload(): Promise<void> {
    this.reloads += 1;
    this.engine.stop();
    this.db.close();
    await this.open();
  }

  private transport(): Transport {
    const web = createWebTransport(this.proxyUrl, (input, init) =>
      fetch(input, {
        ...init,
        headers: {
          ...(init?.headers as Record<string, string>),
          authorization: `Bearer ${this.session.token}`,
        },
      }),
    );
    return {
      invoke: (method, input) => {
        if (this.offline) return Promise.reject(new TransportError('offline', null));
        return web.invoke(method, input);
      },
    };
  }

  async sync(): Promise<void> {
    await this.engine.syncNow();
  }

  /** Runs a local write through the engine; returns the outbox entries it queued. */
  async write(run: () => Promise<unknown>): Promise<OutboxEntry[] | null> {
    const before = new Set((await this.db.outbox.toArray()).map((e) => e.mutationId));
    try {
      await run();
    } catch {
      // Refused on the laptop (a check failed): nothing was written, nothing to follow.
      return null;
    }
    return (await this.db.outbox.toArray()).filter((e) => !before.has(e.mutationId));
  }
}

/** A contract call straight to one instance (head office's own users: admin, manager). */
async function call<T>(
  urls: () => readonly string[],
  method: string,
  input: unknown,
  token?: string,
): Promise<T> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const live = urls();
    const url = live[attempt % Math.max(1, live.length)];
    if (url !== undefined) {
      try {
        const response = await fetch(`${url}/api/${method}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input),
        });
        if (response.status < 500) {
          const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
          if (!body.ok) throw new CallRefused(method, body.error);
          return body.value as T;
        }
      } catch (error) {
        if (error instanceof CallRefused) throw error;
      }
    }
    await sleep(250);
  }
  throw new Error(`${method}: head office unreachable`);
}

class CallRefused extends Error {
  constructor(method: string, error: unknown) {
    super(`${method} refused: ${JSON.stringify(error)}`);
    this.name = 'CallRefused';
  }
}

interface Truth {
  query<T>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

export async function runFaults(backend: Backend, options: FaultRunOptions): Promise<FaultRunReport> {
  const random = prng(options.seed);
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;

  const created = await backend.create();
  const dataDir = backend.name === 'pglite' ? mkdtempSync(join(tmpdir(), 'tournee-faults-')) : null;
  const env: Record<string, string> =
    dataDir !== null
      ? { TOURNEE_DATA_DIR: dataDir, DATABASE_URL: '' }
      : { DATABASE_URL: created.options.url ?? '' };
  const offices = Array.from(
    { length: options.instances },
    (_, i) =>
      new HeadOfficeProcess(`head office ${i + 1}`, {
        ...env,
        TOURNEE_SEED: i === 0 ? '1' : '0',
        TOURNEE_SEED_SCALE: '0.02',
      }),
  );
  const liveUrls = () => offices.filter((o) => o.running).map((o) => o.url);
  const proxy = new FaultProxy({ upstreams: liveUrls, random, faultRate: options.faultRate ?? 0.35 });
  const laptops: Laptop[] = [];
  const tracked: Tracked[] = [];
  const fieldWriters = new Map<string, { writer: string; value: string; mutationId: string | null }[]>();
  let truth: Truth | null = null;
  try {
    for (const office of offices) await office.start();
    const proxyUrl = await proxy.listen();
    const login = async (email: string): Promise<Session> => {
      const { token } = await call<{ token: string }>(liveUrls, 'auth-login', {
        email,
        password: DEMO.password,
        deviceName: 'fault run',
        tokenDelivery: 'body',
      });
      const me = await call<{ user: { id: string; name: string } }>(liveUrls, 'auth-me', {}, token);
      return { token, userId: me.user.id, name: me.user.name };
    };
    const admin = await login(DEMO.admin);
    const manager = await login(DEMO.manager);
    const camille = await login(DEMO.camille);
    const thomas = await login(DEMO.thomas);
    laptops.push(
      new Laptop('camille-laptop', camille, proxyUrl, 0, random),
      new Laptop('camille-tablet', { ...(await login(DEMO.camille)) }, proxyUrl, -2 * DAY, random),
      new Laptop('thomas-laptop', thomas, proxyUrl, DAY, random),
    );
    for (const laptop of laptops) {
      await laptop.open();
      proxy.faulty = false;
      await laptop.sync();
    }
    proxy.faulty = true;
    const repIds = [camille.userId, thomas.userId];

    const track = (laptop: Laptop, entries: OutboxEntry[] | null) => {
      for (const entry of entries ?? [])
        tracked.push({
          laptop: laptop.label,
          mutationId: entry.mutationId,
          name: entry.name,
          args: entry.args,
        });
    };
    const noteField = (
      customerId: string,
      field: string,
      writer: string,
      value: string,
      mid: string | null,
    ) => {
      const key = `${customerId}:${field}`;
      fieldWriters.set(key, [...(fieldWriters.get(key) ?? []), { writer, value, mutationId: mid }]);
    };

    for (let step = 0; step < options.steps; step += 1) {
      const laptop = pick(laptops)!;
      const r = random();
      const tag = `${options.seed}-${step}`;
      const customers = await laptop.db.customers.toArray();
      const customer = pick(customers);
      if (r < 0.14) {
        if (!customer) continue;
        track(
          laptop,
          await laptop.write(() =>
            laptop.engine.write(addNote, { customerId: customer.id, body: `note ${tag}` }),
          ),
        );
      } else if (r < 0.22) {
        if (!customer) continue;
        const field = laptop.label === 'camille-tablet' ? 'email' : 'phone';
        const value =
          field === 'email'
            ? `contact.${tag}@exemple.fr`
            : `04 72 ${String(step)
                .padStart(6, '0')
                .replace(/(\d\d)(?=\d)/g, '$1 ')}`;
        const entries = await laptop.write(() =>
          laptop.engine.write(updateCustomer, {
            id: customer.id,
            baseVersion: customer.version,
            changes: { [field]: value },
          }),
        );
        track(laptop, entries);
        if (entries?.[0]) noteField(customer.id, field, laptop.label, value, entries[0].mutationId);
      } else if (r < 0.3) {
        const appointments = (await laptop.db.appointments.toArray()).filter((a) => a.status === 'planned');
        const appointment = pick(appointments);
        if (appointment && chance(0.5)) {
          const move = laptop.write(() =>
            chance(0.7)
              ? laptop.engine.write(
                  updateAppointment,
                  {
                    id: appointment.id,
                    baseVersion: appointment.version,
                    changes: { objective: `Objectif ${tag}` },
                  },
                  { timeZone: TIME_ZONE, confirmOverlap: true },
                )
              : laptop.engine.write(cancelAppointment, {
                  id: appointment.id,
                  baseVersion: appointment.version,
                }),
          );
          track(laptop, await move);
        } else if (customer) {
          const start = new Date(Date.now() + laptop.skewMs + (2 + Math.floor(random() * 20)) * DAY);
          start.setUTCHours(7 + Math.floor(random() * 9), 0, 0, 0);
          track(
            laptop,
            await laptop.write(() =>
              laptop.engine.write(
                createAppointment,
                {
                  customerId: customer.id,
                  contactId: null,
                  kind: 'visit',
                  startAt: start.toISOString(),
                  durationMinutes: 45,
                  objective: `RDV ${tag}`,
                  notes: '',
                },
                { timeZone: TIME_ZONE, confirmOverlap: true },
              ),
            ),
          );
        }
      } else if (r < 0.4) {
        const open = (await laptop.db.orders.toArray()).filter(
          (o) => o.status === 'received' && o.repId === laptop.session.userId,
        );
        const order = pick(open);
        if (order && chance(0.4)) {
          track(
            laptop,
            await laptop.write(() =>
              chance(0.6)
                ? laptop.engine.write(updateOrder, {
                    id: order.id,
                    lines: order.lines.map((l) => ({
                      productId: l.productId,
                      quantity: l.quantity + 1,
                      discountBp: 0,
                    })),
                    deliveryDate: order.deliveryDate,
                    note: `modifiée ${tag}`,
                  })
                : laptop.engine.write(cancelOrder, { id: order.id }),
            ),
          );
        } else if (customer) {
          const prices = await laptop.db.prices.toArray();
          const lines = [pick(prices), pick(prices)].flatMap((p) =>
            p ? [{ productId: p.productId, quantity: 1 + Math.floor(random() * 6), discountBp: 0 }] : [],
          );
          track(
            laptop,
            await laptop.write(() =>
              laptop.engine.write(createOrder, {
                customerId: customer.id,
                lines: lines.filter((l, i) => lines.findIndex((m) => m.productId === l.productId) === i),
                deliveryDate: null,
                note: `commande ${tag}`,
                signature: null,
              }),
            ),
          );
        }
      } else if (r < 0.47) {
        const complaints = (await laptop.db.complaints.toArray()).filter((c) => c.status === 'received');
        const complaint = pick(complaints);
        if (complaint && chance(0.4)) {
          track(
            laptop,
            await laptop.write(() =>
              laptop.engine.write(addComplaintEvent, {
                complaintId: complaint.id,
                status: complaint.status,
                note: `suivi ${tag}`,
              }),
            ),
          );
        } else if (customer) {
          const photo = new TextEncoder().encode(`photo ${tag} `.repeat(1 + Math.floor(random() * 200)));
          track(
            laptop,
            await laptop.write(() =>
              laptop.engine.write(logComplaint, {
                customerId: customer.id,
                category: 'delivery',
                productId: null,
                orderId: null,
                description: `Réclamation ${tag}`,
                severity: 'low',
                files: [{ fileName: `photo-${tag}.jpg`, mimeType: 'image/jpeg', bytes: photo }],
              }),
            ),
          );
        }
      } else if (r < 0.53) {
        if (!customer) continue;
        const now = Date.now() + laptop.skewMs;
        track(
          laptop,
          await laptop.write(() =>
            laptop.engine.write((db, ctx) =>
              db.transaction('rw', mutationTables(db), () =>
                writeMutation(db, ctx, visitMutations, 'visit-log', {
                  id: uuidv7(),
                  customerId: customer.id,
                  appointmentId: null,
                  startedAt: new Date(now - 3_600_000).toISOString(),
                  endedAt: new Date(now).toISOString(),
                  channel: chance(0.7) ? 'visit' : 'phone',
                  followUpAppointmentId: null,
                  course: { reachedStep: 'objections', closingId: null, closingName: null, families: [] },
                  report: {
                    outcome: 'no-sale',
                    noSaleReason: 'competitor',
                    orderIds: [],
                    needs: [`besoin ${tag}`],
                    motives: ['money'],
                    objections: [],
                    offered: [],
                    nextStep: '',
                    summary: `Visite ${tag}`,
                    notes: '',
                  },
                }),
              ),
            ),
          ),
        );
      } else if (r < 0.7) {
        await laptop.sync();
      } else if (r < 0.74) {
        laptop.offline = !laptop.offline;
      } else if (r < 0.77) {
        // Reloaded between its last local write and its push.
        await laptop.reload();
      } else if (r < 0.8) {
        // Reloaded in the middle of a sync (a push or a pull under way).
        if (laptop.offline) continue;
        const running = laptop.engine.syncNow().catch(() => {});
        await sleep(Math.floor(random() * 120));
        await laptop.reload();
        await running;
      } else if (r < 0.84) {
        // Head office killed mid-request, then started again.
        const office = pick(offices)!;
        const running = laptop.engine.syncNow().catch(() => {});
        await sleep(Math.floor(random() * 150));
        await office.kill();
        await running;
        if (offices.every((o) => !o.running) || chance(0.7)) await office.start();
      } else if (r < 0.88) {
        // Head office moves a customer to the other rep while the reps work (online or not).
        const { customers: all } = await call<{ customers: { id: string; ownerId: string | null }[] }>(
          liveUrls,
          'customer-list',
          { limit: 1000 },
          admin.token,
        );
        const moved = pick(all.filter((c) => c.ownerId !== null));
        if (moved) {
          const to = repIds.find((id) => id !== moved.ownerId)!;
          await call(liveUrls, 'customer-assign', { id: moved.id, ownerId: to }, admin.token);
        }
      } else if (r < 0.93) {
        // The manager edits the field a rep edits.
        if (!customer) continue;
        const value = `01 40 ${String(step)
          .padStart(6, '0')
          .replace(/(\d\d)(?=\d)/g, '$1 ')}`;
        try {
          await call(
            liveUrls,
            'customer-update',
            { id: customer.id, changes: { phone: value } },
            manager.token,
          );
          noteField(customer.id, 'phone', 'manager', value, null);
        } catch (error) {
          if (!(error instanceof CallRefused)) throw error;
        }
      } else if (r < 0.96) {
        // The manager sets an appointment for the rep.
        if (!customer) continue;
        const start = new Date(Date.now() + (3 + Math.floor(random() * 20)) * DAY);
        start.setUTCHours(8 + Math.floor(random() * 8), 30, 0, 0);
        try {
          await call(
            liveUrls,
            'appointment-set',
            {
              id: uuidv7(),
              repId: laptop.session.userId,
              customerId: customer.id,
              contactId: null,
              kind: 'visit',
              startAt: start.toISOString(),
              durationMinutes: 30,
              objective: `Fixé par le manager ${tag}`,
              notes: '',
            },
            manager.token,
          );
        } catch (error) {
          if (!(error instanceof CallRefused)) throw error;
        }
      } else {
        // Head office confirms an order it has.
        const { orders } = await call<{ orders: { id: string; status: string }[] }>(
          liveUrls,
          'order-list',
          { limit: 100 },
          admin.token,
        );
        const order = pick(orders.filter((o) => o.status === 'received'));
        if (order) {
          try {
            await call(liveUrls, 'order-set-status', { id: order.id, status: 'confirmed' }, admin.token);
          } catch (error) {
            if (!(error instanceof CallRefused)) throw error;
          }
        }
      }
    }

    // ---- the network heals ----------------------------------------------------------------
    for (const office of offices) await office.start();
    await proxy.settle();
    proxy.faulty = false;
    for (const laptop of laptops) laptop.offline = false;
    for (let round = 0; round < 4; round += 1) for (const laptop of laptops) await laptop.sync();

    const failures: string[] = [];
    for (const laptop of laptops) {
      const left = await laptop.db.outbox.count();
      if (left > 0) failures.push(`${laptop.label}: ${left} writes still waiting in the outbox`);
    }

    // Every laptop equals a fresh download of its user's scope.
    for (const laptop of laptops) {
      const fresh = new Laptop(`${laptop.label}-fresh`, laptop.session, liveUrls()[0]!, 0, random);
      await fresh.open();
      await fresh.sync();
      const mine = laptop.db.serverTables();
      const theirs = fresh.db.serverTables();
      // Refusals are this client's own (a fresh download has none): compared above.
      for (const entity of entityNames.filter((e) => e !== 'outcome')) {
        const a = canonical(await mine[entity].toArray());
        const b = canonical(await theirs[entity].toArray());
        if (a.join('\n') !== b.join('\n')) {
          const only = (x: string[], y: string[]) =>
            x
              .filter((row) => !y.includes(row))
              .slice(0, 3)
              .join(' | ');
          failures.push(
            `${laptop.label}: ${entity} differs from a fresh download (${a.length} vs ${b.length} rows); ` +
              `only on the laptop: ${only(a, b)}; only in the download: ${only(b, a)}`,
          );
        }
      }
      fresh.engine.stop();
      fresh.db.close();
    }

    // Head office's own database is the truth.
    for (const office of offices) await office.stop();
    truth = await openTruth(backend, created.options.url, dataDir);
    const present = async (table: string, ids: string[]) =>
      ids.length === 0
        ? new Map<string, number>()
        : new Map(
            (
              await truth!.query<{ id: string; n: number }>(
                `select id::text as id, count(*)::int as n from ${table} where id::text in (${ids.map((id) => `'${id}'`).join(',')}) group by id`,
              )
            ).map((row) => [row.id, Number(row.n)]),
          );
    const creates: Partial<Record<MutationName, string>> = {
      'note-add': 'notes',
      'order-create': 'orders',
      'complaint-log': 'complaints',
      'complaint-event': 'complaint_events',
      'attachment-add': 'complaint_attachments',
      'visit-log': 'visits',
      'appointment-create': 'appointments',
    };
    let lost = 0;
    let doubled = 0;
    let refused = 0;
    const outcomesByLaptop = new Map<string, Set<string>>();
    for (const laptop of laptops) {
      const outcomes = await laptop.db.outcomes.toArray();
      outcomesByLaptop.set(laptop.label, new Set(outcomes.map((o) => o.id)));
      // A refusal keeps what the rep wrote, so that nothing typed is lost.
      for (const outcome of outcomes) {
        const write = tracked.find((t) => t.mutationId === outcome.id);
        if (!write) continue;
        const expected = refusedDetail({
          name: write.name,
          args: write.args,
        } as MutationIntent<MutationName>);
        if (sameText(outcome.detail) !== sameText(expected))
          failures.push(
            `${laptop.label}: the refusal of ${write.name} shows « ${outcome.detail} », not « ${expected} »`,
          );
      }
    }
    for (const [name, table] of Object.entries(creates)) {
      const writes = tracked.filter((t) => t.name === name);
      const found = await present(
        table,
        writes.map((t) => (t.args as { id: string }).id),
      );
      for (const write of writes) {
        const id = (write.args as { id: string }).id;
        const atHeadOffice = found.get(id) ?? 0;
        const wasRefused = outcomesByLaptop.get(write.laptop)!.has(write.mutationId);
        if (wasRefused) refused += 1;
        if (atHeadOffice === 0 && !wasRefused) {
          lost += 1;
          failures.push(`${write.laptop}: ${name} ${id} is neither at head office nor among the refusals`);
        }
        if (atHeadOffice > 1 || (atHeadOffice === 1 && wasRefused)) {
          doubled += 1;
          failures.push(
            `${write.laptop}: ${name} ${id} at head office ${atHeadOffice}× (refused: ${wasRefused})`,
          );
        }
      }
    }
    // Edits: each acknowledged (the outbox is empty) and applied or refused visibly; a field
    // only one laptop ever wrote holds that laptop's last accepted value.
    for (const write of tracked.filter((t) => !(t.name in creates))) {
      if (outcomesByLaptop.get(write.laptop)!.has(write.mutationId)) refused += 1;
    }
    const customerRows = new Map(
      (
        await truth.query<{ id: string; phone: string; email: string }>(
          `select id::text as id, phone, email from customers`,
        )
      ).map((c) => [c.id, c]),
    );
    for (const [key, writes] of fieldWriters) {
      const [customerId, field] = key.split(':') as [string, 'phone' | 'email'];
      const writers = new Set(writes.map((w) => w.writer));
      const accepted = writes.filter(
        (w) => w.mutationId === null || !outcomesByLaptop.get(w.writer)?.has(w.mutationId),
      );
      const last = accepted.at(-1);
      const value = customerRows.get(customerId)?.[field];
      if (writers.size === 1 && last !== undefined && value !== last.value) {
        lost += 1;
        failures.push(
          `${customerId}.${field}: head office has ${value}, ${last.writer} last wrote ${last.value}`,
        );
      }
    }
    const numbers = await truth.query<{ number: string; n: number }>(
      `select number, count(*)::int as n from orders group by number having count(*) > 1`,
    );
    for (const row of numbers) failures.push(`order number ${row.number} given ${row.n} times`);

    const byKind: Record<string, number> = {};
    for (const write of tracked) byKind[write.name] = (byKind[write.name] ?? 0) + 1;
    const report: FaultRunReport = {
      seed: options.seed,
      backend: backend.name,
      instances: options.instances,
      steps: options.steps,
      writes: tracked.length,
      byKind,
      refused,
      faults: { ...proxy.injected },
      kills: offices.reduce((n, o) => n + o.kills, 0),
      reloads: laptops.reduce((n, l) => n + l.reloads, 0),
      lost,
      doubled,
    };
    expect(
      failures,
      `seed ${options.seed} (replay: FAULT_SEED=${options.seed} FAULT_STEPS=${options.steps}) ${JSON.stringify(report)}`,
    ).toEqual([]);
    return report;
  } finally {
    for (const laptop of laptops) {
      laptop.engine?.stop();
      laptop.db?.close();
    }
    await proxy.close();
    for (const office of offices) await office.kill();
    await truth?.close();
    await created.drop();
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A detail as text; one that is JSON (a visit report) compared whatever its keys' order. */
function sameText(detail: string): string {
  try {
    return JSON.stringify(sortKeys(JSON.parse(detail)));
  } catch {
    return detail;
  }
}

/** Rows in a stable text form, for comparing two laptops' tables. */
function canonical(rows: readonly object[]): string[] {
  return rows.map((row) => JSON.stringify(sortKeys(row))).sort();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return value;
}

async function openTruth(backend: Backend, url: string | undefined, dataDir: string | null): Promise<Truth> {
  const database = await openDatabase(backend.name === 'pglite' ? { dataDir: dataDir! } : { url: url! });
  return {
    async query<T>(text: string) {
      const result = (await database.db.execute(sql.raw(text))) as unknown as { rows: T[] };
      return result.rows;
    },
    close: () => database.close(),
  };
}
