/**
 * Runs inside Chromium, served by head office (same origin, cookie session): the app's own
 * sync engine pulls the portfolio into a fresh Dexie database, then the same rows are written
 * by a raw `bulkPut` into another fresh database.
 */
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { createWebTransport } from '../../src/renderer/platform/transport.web.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';

export interface PullPageResult {
  customers: number;
  notes: number;
  pullMs: number;
  bulkPutMs: number;
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

  const db = new AppDB(`bench-pull-${Date.now()}`);
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
  const pullMs = performance.now() - t0;
  engine.stop();
  const customers = await db.customers.toArray();
  const notes = await db.notes.toArray();

  const raw = new AppDB(`bench-raw-${Date.now()}`);
  await raw.open();
  const t1 = performance.now();
  await raw.transaction('rw', [raw.customers, raw.notes], async () => {
    await raw.customers.bulkPut(customers);
    await raw.notes.bulkPut(notes);
  });
  const bulkPutMs = performance.now() - t1;
  return { customers: customers.length, notes: notes.length, pullMs, bulkPutMs };
}

declare global {
  interface Window {
    runPullBench?: typeof run;
  }
}
window.runPullBench = run;
