/**
 * Runs inside Chromium, served by head office (same origin, cookie session): the app's own
 * sync engine pulls the portfolio into a fresh Dexie database, then the same rows are written
 * by a raw `bulkPut` into another fresh database.
 */
import { AppDB } from '../../src/renderer/db/AppDB.js';
import type { CustomerRow, NoteRow } from '../../src/renderer/db/schema.js';
import { createWebTransport } from '../../src/renderer/platform/transport.web.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';

export interface PullPageResult {
  customers: number;
  notes: number;
  pullMs: number;
  bulkPutMs: number;
  rounds: number;
}

const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
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
  let customers: CustomerRow[] = [];
  let notes: NoteRow[] = [];
  // Each round: a fresh database and a new device (full first download), then a raw bulkPut
  // of the same rows into another fresh database. Medians of the rounds are reported.
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
    customers = await db.customers.toArray();
    notes = await db.notes.toArray();
    db.close();

    const raw = new AppDB(`bench-raw-${round}-${Date.now()}`);
    await raw.open();
    const t1 = performance.now();
    await raw.transaction('rw', [raw.customers, raw.notes], async () => {
      await raw.customers.bulkPut(customers);
      await raw.notes.bulkPut(notes);
    });
    bulkTimes.push(performance.now() - t1);
    raw.close();
  }
  const pullMs = median(pullTimes);
  const bulkPutMs = median(bulkTimes);
  return { customers: customers.length, notes: notes.length, pullMs, bulkPutMs, rounds: ROUNDS };
}

declare global {
  interface Window {
    runPullBench?: typeof run;
  }
}
window.runPullBench = run;
