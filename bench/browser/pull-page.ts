/**
 * Runs inside Chromium, served by head office (same origin, cookie session):
 * 1. the app's own sync engine pulls the whole portfolio into a fresh Dexie database (a new
 *    device each round: the full first download, paged, each page one transaction);
 * 2. the same rows are written by raw `bulkPut`s into another fresh database, in one transaction;
 * 3. the app's search index is built over the pulled data and queried like a rep types.
 */
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { buildSearchIndex, searchCustomers } from '../../src/renderer/features/search/index.js';
import { createWebTransport } from '../../src/renderer/platform/transport.web.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';
import { entityNames } from '../../src/shared/sync/protocol.js';

export interface PullPageResult {
  rows: Record<string, number>;
  orderLines: number;
  pullMs: number;
  bulkPutMs: number;
  rounds: number;
  searchBuildMs: number;
  searchQueries: number;
  searchP50Ms: number;
  searchP95Ms: number;
  searchMaxMs: number;
}

const ROUNDS = 3;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

async function snapshot(db: AppDB): Promise<Map<string, unknown[]>> {
  const tables = db.serverTables();
  const out = new Map<string, unknown[]>();
  for (const entity of entityNames) out.set(entity, await tables[entity].toArray());
  return out;
}

/** Every keystroke of a few realistic queries: names, towns, contacts, phone fragments. */
function keystrokes(
  customers: { name: string; city: string; phone: string }[],
  contacts: { lastName: string }[],
): string[] {
  const words = [
    ...customers.slice(0, 25).map((c) => c.name.split(' ').slice(-1)[0] ?? c.name),
    ...customers.slice(25, 40).map((c) => c.city),
    ...contacts.slice(0, 20).map((c) => c.lastName),
    ...customers.slice(40, 55).map((c) => c.phone.replace(/\s/g, '').slice(2, 8)),
  ];
  return words.flatMap((w) => Array.from({ length: Math.min(w.length, 8) }, (_, i) => w.slice(0, i + 1)));
}

async function run(email: string, password: string): Promise<PullPageResult> {
  const transport = createWebTransport();
  const login = await transport.invoke('auth-login', {
    email,
    password,
    deviceName: 'bench',
    tokenDelivery: 'cookie',
  });
  if (!login.ok) throw new Error(login.error.message);
  const user = login.value.user;

  const pullTimes: number[] = [];
  const bulkTimes: number[] = [];
  let data = new Map<string, unknown[]>();
  let pulled: AppDB | null = null;
  for (let round = 0; round < ROUNDS; round += 1) {
    const db = new AppDB(`bench-pull-${round}-${Date.now()}`);
    await db.open();
    const engine = new SyncEngine({
      db,
      transport,
      probe: async () => true,
      user: { id: user.id, name: user.name },
      connectivity: null,
    });
    const t0 = performance.now();
    await engine.syncNow();
    pullTimes.push(performance.now() - t0);
    engine.stop();
    data = await snapshot(db);
    if (pulled) pulled.close();
    pulled = db;

    const raw = new AppDB(`bench-raw-${round}-${Date.now()}`);
    await raw.open();
    const tables = raw.serverTables();
    const t1 = performance.now();
    await raw.transaction(
      'rw',
      entityNames.map((e) => tables[e]),
      async () => {
        for (const entity of entityNames) {
          const rows = data.get(entity) ?? [];
          if (rows.length > 0)
            await (tables[entity] as unknown as { bulkPut(rows: unknown[]): Promise<unknown> }).bulkPut(rows);
        }
      },
    );
    bulkTimes.push(performance.now() - t1);
    raw.close();
  }
  const db = pulled!;
  const customers = await db.customers.toArray();
  const contacts = await db.contacts.toArray();
  const t2 = performance.now();
  const index = buildSearchIndex(customers, contacts);
  const searchBuildMs = performance.now() - t2;
  const latencies: number[] = [];
  for (const query of keystrokes(customers, contacts)) {
    const t = performance.now();
    searchCustomers(index, query);
    latencies.push(performance.now() - t);
  }
  const orders = await db.orders.toArray();
  const rows = Object.fromEntries([...data].map(([entity, list]) => [entity, list.length]));
  return {
    rows,
    orderLines: orders.reduce((n, o) => n + o.lines.length, 0),
    pullMs: percentile(pullTimes, 50),
    bulkPutMs: percentile(bulkTimes, 50),
    rounds: ROUNDS,
    searchBuildMs,
    searchQueries: latencies.length,
    searchP50Ms: percentile(latencies, 50),
    searchP95Ms: percentile(latencies, 95),
    searchMaxMs: Math.max(...latencies),
  };
}

declare global {
  interface Window {
    runPullBench?: typeof run;
  }
}
window.runPullBench = run;
