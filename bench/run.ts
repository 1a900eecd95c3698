/**
 * `npm run bench`: the performance suite. Prints each figure and rewrites
 * docs/benchmarks.md with the command, data sizes, machine and results.
 * PostgreSQL figures need DATABASE_URL (a role allowed to create databases).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { benchPull } from './pull.js';
import type { PullBenchResult } from './pull.js';
import { benchPush } from './push.js';
import type { PushBenchResult } from './push.js';
import { withTempDatabase } from './pg.js';
import { fmt, machine } from './lib.js';

const only = process.argv.slice(2);
const wants = (name: string) => only.length === 0 || only.includes(name);

const sections: string[] = [];
const started = new Date().toISOString();

if (wants('push')) {
  const results: PushBenchResult[] = [];
  results.push(await benchPush({}));
  if (process.env.DATABASE_URL) {
    results.push(
      await withTempDatabase(process.env.DATABASE_URL, 'tournee_bench', (url) =>
        benchPush({ databaseUrl: url }),
      ),
    );
  } else {
    console.log('DATABASE_URL is not set: skipping the PostgreSQL push benchmark.');
  }
  const rows = results.map(
    (r) =>
      `| ${r.database} | ${r.mutations} | ${r.batchSize} | ${fmt(r.seconds, 2)} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} |`,
  );
  sections.push(
    [
      '## Push: 1,000 note mutations over HTTP (loopback)',
      '',
      'One laptop client pushes 1,000 `note-add` mutations to head office in batches; each mutation runs in its own SQL transaction (lock the client row, check the mid, authorise, apply, advance `lastMid`).',
      '',
      '| database | mutations | batch | total s | mutations/s | p50 ms/batch | p95 ms/batch |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  for (const line of rows) console.log(line);
}

if (wants('pull')) {
  const r: PullBenchResult = await benchPull({ customers: 2000 });
  const line = `| ${r.customers} | ${r.notes} | ${fmt(r.pullMs, 0)} | ${fmt(r.bulkPutMs, 0)} | ${fmt(r.ratio, 2)}× |`;
  sections.push(
    [
      '## Pull: first download of 2,000 customers into Dexie, in Chromium',
      '',
      `The app's sync engine pulls the rep's portfolio from head office (PGlite) into IndexedDB (pages, each applied in one transaction with the cookie), against a raw Dexie \`bulkPut\` of the same rows into an empty database, in the same browser run. Each round uses a fresh database and a new device id (a full first download); the table shows the median of ${r.rounds} rounds. Goal: ratio ≤ 2×.`,
      '',
      '| customers | notes | sync engine pull ms | raw bulkPut ms | ratio |',
      '| --- | --- | --- | --- | --- |',
      line,
    ].join('\n'),
  );
  console.log(line);
}

const header = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (or `npm run bench -- push` / `pull` for one part).',
  `Last run: ${started} on ${machine()}, Chromium ${process.env.CHROMIUM_VERSION ?? 'from Debian (/usr/bin/chromium)'}.`,
  'Speed is measured here, never in timed tests.',
  '',
].join('\n');

const path = 'docs/benchmarks.md';
let previous = '';
try {
  previous = readFileSync(path, 'utf8');
} catch {
  previous = '';
}
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .filter((section) => !sections.some((s) => s.split('\n')[0] === section.split('\n')[0]));
writeFileSync(path, `${header}\n${[...sections, ...kept].join('\n\n')}\n`);
console.log(`Results written to ${path}`);
