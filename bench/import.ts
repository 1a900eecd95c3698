/**
 * CDNOW import at head office, parse + write in one transaction (what `import-run` does), on
 * in-memory PGlite, or on PostgreSQL when `databaseUrl` is given (a throw-away database).
 * Also times the idempotent re-import (everything unchanged), then RFM as of 1998-06-30 and the
 * 1997-12-31 → 1998-06-30 migration matrix over the whole company (median of 5 runs each).
 * Alone: `npx tsx bench/import.ts [postgres://…]` (PGlite always; PostgreSQL with a URL).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/server/db/connect.js';
import type { Database } from '../src/server/db/connect.js';
import { runImport } from '../src/server/features/import/index.js';
import { rfmMigrations, rfmScores } from '../src/server/features/rfm/index.js';
import type { ImportPhase } from '../src/server/features/import/index.js';
import { cdnowPath } from './import-parse.js';
import { machine } from './lib.js';
import { withTempDatabase } from './pg.js';

export interface ImportBenchResult {
  backend: 'pglite' | 'postgres';
  rows: number;
  /** First import: parse + write, milliseconds. */
  totalMs: number;
  parseMs: number;
  writeMs: number;
  rowsPerSecond: number;
  /** Same file again: nothing changes. */
  reimportMs: number;
  /** RFM of every customer as of 1998-06-30, median ms. */
  rfmMs: number;
  /** The migration matrix 1997-12-31 → 1998-06-30, median ms. */
  migrationsMs: number;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[runs >> 1]!;
}

async function measure(database: Database, bytes: Uint8Array): Promise<Omit<ImportBenchResult, 'backend'>> {
  const phaseEnd = new Map<ImportPhase, number>();
  const started = performance.now();
  const first = await runImport(
    database.db,
    { kind: 'cdnow', fileName: 'cdnow_master.csv', bytes, dryRun: false },
    {
      userId: null,
      now: new Date(),
      onProgress: (phase, done, total) => {
        if (done === total) phaseEnd.set(phase, performance.now());
      },
    },
  );
  const totalMs = performance.now() - started;
  if (!first.ok || !first.value.ok)
    throw new Error(`CDNOW import failed: ${JSON.stringify(first)}`.slice(0, 500));
  const parsedAt = phaseEnd.get('parse') ?? started;
  const again = performance.now();
  const second = await runImport(
    database.db,
    { kind: 'cdnow', fileName: 'cdnow_master.csv', bytes, dryRun: false },
    { userId: null, now: new Date() },
  );
  const reimportMs = performance.now() - again;
  const orders = second.ok ? second.value.written?.find((w) => w.entity === 'orders') : undefined;
  if (orders?.unchanged !== first.value.report.rows) throw new Error('CDNOW re-import was not a no-op');
  const admin = { id: '00000000-0000-7000-8000-000000000000', role: 'admin' as const, teamId: null };
  const rfmMs = await median(5, () => rfmScores(database.db, admin, '1998-06-30'));
  const migrationsMs = await median(5, () => rfmMigrations(database.db, admin, '1997-12-31', '1998-06-30'));
  return {
    rfmMs,
    migrationsMs,
    rows: first.value.report.rows,
    totalMs,
    parseMs: parsedAt - started,
    writeMs: totalMs - (parsedAt - started),
    rowsPerSecond: first.value.report.rows / (totalMs / 1000),
    reimportMs,
  };
}

export async function benchImport(
  options: { databaseUrl?: string; path?: string } = {},
): Promise<ImportBenchResult> {
  const bytes = readFileSync(options.path ?? cdnowPath);
  if (options.databaseUrl) {
    return withTempDatabase(options.databaseUrl, 'tournee_bench_import', async (url) => {
      const database = await openDatabase({ url });
      try {
        return { backend: 'postgres' as const, ...(await measure(database, bytes)) };
      } finally {
        await database.close();
      }
    });
  }
  const database = await openDatabase({});
  try {
    return { backend: 'pglite', ...(await measure(database, bytes)) };
  } finally {
    await database.close();
  }
}

export function formatImportBench(r: ImportBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return (
    `CDNOW import on ${r.backend}: ${r.rows} rows in ${s(r.totalMs)} (parse ${s(r.parseMs)}, write ${s(r.writeMs)}) ` +
    `= ${Math.round(r.rowsPerSecond)} rows/s; re-import (no change) ${s(r.reimportMs)}; ` +
    `RFM as of 1998-06-30 ${Math.round(r.rfmMs)} ms, migration matrix ${Math.round(r.migrationsMs)} ms`
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(machine());
  console.log(formatImportBench(await benchImport()));
  const url = process.argv[2] ?? process.env.DATABASE_URL;
  if (url) console.log(formatImportBench(await benchImport({ databaseUrl: url })));
}
