/**
 * Seeds the demo company into the head-office database:
 *   npm run seed -- [--scale 1] [--seed 20260301] [--date 2026-11-23] [--reset]
 * PostgreSQL when DATABASE_URL is set, else PGlite in TOURNEE_DATA_DIR or the default data dir.
 * `--reset` empties every table first. Does nothing when the company is already there.
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connect.js';
import { seedDemoCompany } from '../seed/demo.js';
import { resetDatabase } from '../seed/reset.js';
import { defaultDataDir } from '../start.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface SeedCliOptions {
  scale: number;
  seed: number | undefined;
  referenceDate: string | undefined;
  reset: boolean;
}

export function parseSeedArgs(args: readonly string[]): SeedCliOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string' },
      date: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  const scale = Number(values.scale);
  if (!(scale > 0) || scale > 20) throw new UsageError('--scale must be a number between 0 and 20');
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new UsageError('--date must look like 2026-11-23');
  return { scale, seed, referenceDate: values.date, reset: values.reset };
}

async function main(): Promise<void> {
  const options = parseSeedArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  const target = url !== undefined && url !== '' ? { url } : { dataDir: defaultDataDir() };
  const started = performance.now();
  const database = await openDatabase(target);
  try {
    console.log(`Seeding ${database.kind} (${'dataDir' in target ? target.dataDir : 'DATABASE_URL'})…`);
    if (options.reset) {
      await resetDatabase(database.db);
      console.log('  reset: every table emptied');
    }
    const result = await seedDemoCompany(database.db, {
      scale: options.scale,
      seed: options.seed,
      referenceDate: options.referenceDate,
      onProgress: (entity, rows, ms) =>
        console.log(`  ${entity.padEnd(18)} ${String(rows).padStart(9)} rows  ${(ms / 1000).toFixed(1)} s`),
    });
    const seconds = (performance.now() - started) / 1000;
    if (!result.written) {
      console.log('The demo company is already there: nothing written (use --reset to start again).');
      return;
    }
    const total = Object.values(result.rows).reduce((s, n) => s + n, 0);
    console.log(
      `Done: ${total} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s). Password: tournee.`,
    );
  } finally {
    await database.close();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
