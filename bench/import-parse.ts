/**
 * Parse time of the CDNOW purchase history (69,659 rows) through the import pipeline:
 * decode → CSV → mapping → validation → 69,659 orders and their customers.
 * Not part of `npm run bench`; run it alone: `npx tsx bench/import-parse.ts [runs]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importCdnow } from '../src/server/features/import/index.js';
import { machine } from './lib.js';

export const cdnowPath = fileURLToPath(new URL('../../shared/data/cdnow/cdnow_master.csv', import.meta.url));

export interface ImportParseBenchResult {
  rows: number;
  orders: number;
  customers: number;
  /** Milliseconds per run, first (cold) run included. */
  runsMs: number[];
  bestMs: number;
  heapUsedMb: number;
}

export async function benchImportParse(path = cdnowPath, runs = 5): Promise<ImportParseBenchResult> {
  const bytes = readFileSync(path);
  const runsMs: number[] = [];
  let last: Awaited<ReturnType<typeof importCdnow>> | null = null;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    last = await importCdnow(bytes);
    runsMs.push(performance.now() - started);
  }
  if (!last?.ok) throw new Error(`CDNOW import failed: ${JSON.stringify(last?.errors.slice(0, 3))}`);
  return {
    rows: last.report.rows,
    orders: last.records.orders.length,
    customers: last.records.customers.length,
    runsMs,
    bestMs: Math.min(...runsMs),
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchImportParse(cdnowPath, Number(process.argv[2] ?? 5));
  console.log(machine());
  console.log(
    `CDNOW: ${r.rows} rows → ${r.orders} orders, ${r.customers} customers; ` +
      `runs ${r.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms (best ${r.bestMs.toFixed(0)} ms); heap ${r.heapUsedMb.toFixed(0)} MB`,
  );
}
