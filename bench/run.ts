/**
 * `npm run bench`: the performance suite. Prints each figure and rewrites
 * docs/benchmarks.md with the command, data sizes, machine and results.
 * PostgreSQL figures need DATABASE_URL (a role allowed to create databases).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPull } from './pull.js';
import type { PullBenchResult } from './pull.js';
import { benchPush } from './push.js';
import { benchImport } from './import.js';
import { benchC360 } from './c360.js';
import { benchRoute } from './route.js';
import { benchBrief } from './brief.js';
import { benchOrder } from './order.js';
import { benchVisitAutosave } from './visit-autosave.js';
import { benchFigures } from './figures.js';
import { benchRfmDexie } from './rfm-dexie.js';
import { benchLoad } from './load.js';
import type { LoadBenchResult } from './load.js';
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
  const r: PullBenchResult = await benchPull();
  const n = (x: number | undefined) => (x ?? 0).toLocaleString('en-US');
  const line = `| ${n(r.rows.customer)} | ${n(r.rows.contact)} | ${n(r.rows.order)} | ${n(r.orderLines)} | ${n(Object.values(r.rows).reduce((a, b) => a + b, 0))} | ${fmt(r.pullMs / 1000, 2)} | ${fmt(r.bulkPutMs / 1000, 2)} | ${fmt(r.ratio, 2)}× |`;
  const search = `| ${n(r.rows.customer)} customers, ${n(r.rows.contact)} contacts | ${fmt(r.searchBuildMs, 0)} | ${r.searchQueries} | ${fmt(r.searchP50Ms, 2)} | ${fmt(r.searchP95Ms, 2)} | ${fmt(r.searchMaxMs, 2)} |`;
  sections.push(
    [
      '## Pull: first download of a rep portfolio into Dexie, in Chromium',
      '',
      `The app's sync engine pulls the rep's whole portfolio from head office (PGlite, loopback) into IndexedDB — paged (5,000 ops a page), each page applied in one transaction with its cookie — against raw Dexie \`bulkPut\`s of the same rows into an empty database in one transaction, in the same browser run. Each round uses a fresh database and a new device id (a full first download); medians of ${r.rounds} rounds. Goals: ≤ 15 s, ratio ≤ 2×.`,
      '',
      '| customers | contacts | orders | order lines | rows (all entities) | sync engine pull s | raw bulkPut s | ratio |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      line,
      '',
      '## Search latency over that portfolio, in Chromium',
      '',
      "The app's search index (`src/renderer/features/search`) built over the pulled customers and contacts, then queried with every keystroke of names, towns, contact names and phone fragments. Goal: p95 ≤ 16 ms (one frame).",
      '',
      '| data | index build ms | queries | p50 ms | p95 ms | max ms |',
      '| --- | --- | --- | --- | --- | --- |',
      search,
    ].join('\n'),
  );
  console.log(line);
  console.log(search);
}

if (wants('pull-customers')) {
  const r = await benchPull({ customers: 2000, contactsPerCustomer: 0, orderLines: 0, customersOnly: true });
  const line = `| ${r.rows.customer ?? 0} | ${fmt(r.pullMs, 0)} | ${fmt(r.bulkPutMs, 0)} | ${fmt(r.ratio, 2)}× |`;
  sections.push(
    [
      '## Pull: 2,000 customers alone into Dexie, in Chromium',
      '',
      `The foundation's figure: the sync engine's first download of 2,000 customers (nothing else) against a raw \`bulkPut\` of the same rows, same run; medians of ${r.rounds} rounds. Goal: ratio ≤ 2×.`,
      '',
      '| customers | sync engine pull ms | raw bulkPut ms | ratio |',
      '| --- | --- | --- | --- |',
      line,
    ].join('\n'),
  );
  console.log(line);
}

if (wants('c360')) {
  const r = await benchC360();
  const line = `| ${r.orders} | ${fmt(r.coldMs, 0)} | ${fmt(r.warmP50Ms, 0)} | ${fmt(r.warmP95Ms, 0)} | ${r.opens} | ${fmt(r.appDownloadS, 1)} |`;
  sections.push(
    [
      '## Opening the customer 360, in the real app (web mode, Chromium)',
      '',
      'The benchmark portfolio downloaded by the real app after sign-in (its time is the last column), then the 360 of the customer with the longest order history opened by route change, until its key figures and RFM segment are on screen. Cold: the first open (the portfolio RFM is computed then, once, and cached); warm: later opens of the five longest histories. Goal: ≤ 150 ms.',
      '',
      '| orders of that customer | cold ms | warm p50 ms | warm p95 ms | warm opens | sign-in to up to date s |',
      '| --- | --- | --- | --- | --- | --- |',
      line,
    ].join('\n'),
  );
  console.log(line);
}

if (wants('brief')) {
  const r = await benchBrief();
  const line = `| ${r.orders} | ${r.visits} | ${fmt(r.coldMs, 0)} | ${fmt(r.coldCrossSellMs, 0)} | ${fmt(r.warmP50Ms, 0)} | ${fmt(r.warmP95Ms, 0)} | ${fmt(r.warmCrossSellP95Ms, 0)} | ${r.opens} |`;
  sections.push(
    [
      '## Opening the visit brief, in the real app (web mode, Chromium)',
      '',
      'The benchmark portfolio downloaded by the real app after sign-in, an appointment added for each of the five customers with the longest order history, then `#/brief/<appointmentId>` opened by route change until the brief is on screen with its figures and RFM segment (`data-brief-ready`); the cross-sell list (per-segment product penetration, computed once per data version and cached) fills in right after and is timed apart. Cold: the first brief opened after sign-in; warm: later opens. Goal: ≤ 150 ms.',
      '',
      '| orders of that customer | visits | cold ms | cold with cross-sell ms | warm p50 ms | warm p95 ms | warm with cross-sell p95 ms | warm opens |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      line,
    ].join('\n'),
  );
  console.log(line);
}

if (wants('import')) {
  const results = [await benchImport({})];
  if (process.env.DATABASE_URL) results.push(await benchImport({ databaseUrl: process.env.DATABASE_URL }));
  const rows = results.map(
    (r) =>
      `| ${r.backend} | ${r.rows.toLocaleString('en-US')} | ${fmt(r.parseMs / 1000, 2)} | ${fmt(r.writeMs / 1000, 2)} | ${fmt(r.totalMs / 1000, 2)} | ${fmt(r.rowsPerSecond, 0)} | ${fmt(r.reimportMs / 1000, 2)} |`,
  );
  sections.push(
    [
      '## Import of CDNOW (69,659 rows) at head office',
      '',
      'What `import-run` / `npm run admin -- import cdnow FILE` does: decode, parse and validate every row, then write the customers (23,544), the product and the 69,659 orders with their lines in one transaction (all-or-nothing). Re-import: the same file again, nothing changes.',
      '',
      '| database | rows | parse s | write s | total s | rows/s | re-import s |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  for (const row of rows) console.log(row);
}

if (wants('route')) {
  const rows = benchRoute().map(
    (r) =>
      `| ${r.stops} | ${r.days} | ${r.runs} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} | ${r.feasibleDays}/${r.days} | ${fmt(r.savedPercent, 0)} % |`,
  );
  sections.push(
    [
      '## Ordering the day’s route (optimiseRoute, Node)',
      '',
      'Realistic days of a rep leaving a Lyon office: stops in real towns of the Rhône, Ain and Isère (within ~60 km), 2–4 of them fixed appointments at reachable times, the others flexible 20–50 min visits. `optimiseRoute` (nearest neighbour and cheapest insertion, 2-opt and or-opt, then iterated local search) run many times per day after a warm-up. Goals: 12 stops < 50 ms, 25 stops < 200 ms. "Kept" = days whose optimised order keeps every appointment; "saved" = km saved against the appointments in time order with the added visits at the end.',
      '',
      '| stops | days | runs | p50 ms | p95 ms | max ms | appointments kept | km saved |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  );
  for (const row of rows) console.log(row);
}

if (wants('order')) {
  const r = await benchOrder();
  const row = `| ${r.lines} | ${r.products} | ${r.runs} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} |`;
  sections.push(
    [
      '## Saving a 50-line order on the laptop (Chromium)',
      '',
      'The app’s `createOrder` in Chromium: each line priced with the shared pricing (customer price list, quantity breaks, discount limit) against the local catalogue (3 price lists × 400 products), then the order and its outbox entry written in one Dexie `rw` transaction. Goal: < 100 ms.',
      '',
      '| lines | products | runs | p50 ms | p95 ms | max ms |',
      '| --- | --- | --- | --- | --- | --- |',
      row,
    ].join('\n'),
  );
  console.log(row);
}

if (wants('rfm-dexie')) {
  const r = await benchRfmDexie();
  const n = (x: number) => x.toLocaleString('en-US');
  const row = `| ${n(r.customers)} | ${n(r.orders)} | ${n(r.scored)} | ${r.cells} | ${r.runs} | ${fmt(r.p50Ms, 0)} | ${fmt(r.maxMs, 0)} | ${fmt(r.computeP50Ms, 0)} |`;
  sections.push(
    [
      '## RFM and the migration matrix on the laptop (Chromium, Dexie, CDNOW)',
      '',
      `\`npm run bench -- rfm-dexie\`: CDNOW (../shared/data/cdnow/cdnow_master.csv, each line a purchase, dollars read as cents) loaded into Dexie in Chromium (${fmt(r.loadMs / 1000, 1)} s, not counted), then the app’s \`portfolioRfm\` as of 1998-06-30 and six months before (1997-12-30): the customer ids and the order facts (one fact per order, in 64 records kept in step with \`orders\` in each write’s transaction; src/renderer/db/orderFacts.ts), two scorings, then the migration matrix from them. Each run is a new data version (nothing cached); the first run is a warm-up. Goal: < 500 ms.`,
      '',
      '| customers | purchases | scored | matrix cells | runs | p50 ms (RFM + matrix) | max ms | p50 ms (read + score) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      row,
      '',
      `Where the time goes, each read alone: ${Object.entries(r.reads)
        .map(([name, ms]) => `${name} ${ms} ms`)
        .join(
          ', ',
        )}. The scoring itself (two scorings of 23,544 customers, pure JavaScript) takes about 100–150 ms of it.`,
    ].join('\n'),
  );
  console.log(row);
}

if (wants('visit')) {
  const r = await benchVisitAutosave();
  const row = `| ${r.draftBytes} | ${r.runs} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.maxMs)} | ${fmt(r.syncP95Ms)} |`;
  sections.push(
    [
      '## Autosave of a visit step on the laptop (Chromium)',
      '',
      'The visit screen’s `saveDraft` in Chromium: one `put` of the whole visit in progress in its own Dexie transaction (strict durability), a realistic draft (notes on all seven steps, discovery answered, motives, objections), one more keystroke each time. The last column is the time spent on the main thread before the save yields (what typing could feel). Goal: < 20 ms.',
      '',
      '| draft bytes | runs | p50 ms | p95 ms | max ms | main-thread p95 ms |',
      '| --- | --- | --- | --- | --- | --- |',
      row,
    ].join('\n'),
  );
  console.log(row);
}

if (wants('figures')) {
  if (process.env.DATABASE_URL) {
    const r = await benchFigures(process.env.DATABASE_URL);
    const n = (x: number) => x.toLocaleString('en-US');
    const rows = r.methods.map(
      (m) => `| \`${m.method}\` | ${m.who} | ${fmt(m.p50Ms, 0)} | ${fmt(m.p95Ms, 0)} |`,
    );
    sections.push(
      [
        '## Team figures at head office (PostgreSQL, demo company at scale 3)',
        '',
        `The demo company at scale 3 (${n(r.customers)} customers, ${n(r.orders)} orders, ${n(r.visits)} visits over three years) on PostgreSQL; each method over the last 90 days, 20 calls after one warm-up, over HTTP on loopback, for the manager of Rhône-Alpes (5 reps) and for the admin (every team). Goal: p95 < 300 ms. Then the figures screen in Chromium, signed in as the manager: from the route change to the team table on screen (cold = first open, warm = median of 5). Goal: < 1 s.`,
        '',
        '| method | caller | p50 ms | p95 ms |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
        `Figures screen: cold ${fmt(r.screenColdMs, 0)} ms, warm p50 ${fmt(r.screenWarmP50Ms, 0)} ms. Before it, the manager's first download of the team's portfolio in that browser (sign-in to "À jour", on-disk profile): ${n(r.downloadRows)} rows in ${fmt(r.appDownloadS, 0)} s.`,
      ].join('\n'),
    );
    for (const row of rows) console.log(row);
  } else {
    console.log('DATABASE_URL is not set: skipping the team figures benchmark (PostgreSQL only).');
  }
}

if (wants('load')) {
  const envInt = (name: string, fallback: number) => {
    const value = Number(process.env[name]);
    return Number.isInteger(value) && value > 0 ? value : fallback;
  };
  const reps = envInt('REPS', 100);
  const rounds = envInt('ROUNDS', 1);
  const scale = Number(process.env.LOAD_SCALE ?? '') > 0 ? Number(process.env.LOAD_SCALE) : 1;
  // LOAD_ORDERS=0: the same days without their orders (what order-taking costs).
  const orders = process.env.LOAD_ORDERS !== '0';
  const pgliteSteps = [10, 25, 50, 100].filter((n) => n < reps).concat(reps);
  const results: LoadBenchResult[] = [];
  if (process.env.DATABASE_URL) {
    results.push(
      await withTempDatabase(process.env.DATABASE_URL, 'tournee_load', (url) =>
        benchLoad({ target: { url }, steps: [1, reps], rounds, scale, ingest: true, orders }),
      ),
    );
  } else {
    console.log('DATABASE_URL is not set: skipping the PostgreSQL load benchmark.');
  }
  if (process.env.LOAD_PGLITE !== '0') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tournee-bench-load-'));
    try {
      results.push(
        await benchLoad({ target: { dataDir }, steps: pgliteSteps, rounds, scale, ingest: false, orders }),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = results.flatMap((r) =>
    r.runs.flatMap((run) =>
      (['push', 'pull'] as const).map((kind) => {
        const s = run[kind];
        return `| ${r.database} | ${run.reps} | ${kind} | ${n(s.requests)} | ${fmt(s.perSecond, 0)} | ${fmt(s.p50Ms, 0)} | ${fmt(s.p95Ms, 0)} | ${fmt(s.p99Ms, 0)} | ${fmt(s.maxMs, 0)} | ${fmt(s.serverP50Ms, 0)} | ${fmt(s.serverP99Ms, 0)} | ${s.errors} | ${kind === 'push' ? `${run.refused} refused, ${n(run.rows)} rows in ${fmt(run.seconds, 1)} s` : ''} |`;
      }),
    ),
  );
  const ingest = results.find((r) => r.ingest)?.ingest;
  const ingestLines = ingest
    ? [
        '',
        `Ingest on PostgreSQL: every rep pushes one more day at once, no pulls (${n(ingest.mutations)} mutations, ${n(ingest.rows)} domain rows: notes, visits, orders, order lines), against the same rows written by plain multi-row INSERTs through node-postgres into the same database.`,
        '',
        '| writer | s | rows/s | sync-push as % of it |',
        '| --- | --- | --- | --- |',
        `| sync-push over HTTP (${ingest.errors} errors) | ${fmt(ingest.pushSeconds, 2)} | ${fmt(ingest.pushRowsPerSecond, 0)} | — |`,
        `| raw INSERTs, one transaction per pushed batch, 10 connections | ${fmt(ingest.rawBatchSeconds, 2)} | ${fmt(ingest.rawBatchRowsPerSecond, 0)} | ${fmt((100 * ingest.pushRowsPerSecond) / ingest.rawBatchRowsPerSecond, 0)} % |`,
        `| raw INSERTs, 1,000-row statements, one transaction | ${fmt(ingest.rawBulkSeconds, 2)} | ${fmt(ingest.rawBulkRowsPerSecond, 0)} | ${fmt((100 * ingest.pushRowsPerSecond) / ingest.rawBulkRowsPerSecond, 0)} % |`,
      ]
    : [];
  const company = results[0];
  sections.push(
    [
      `## Load: ${reps} reps syncing at once (head office as a process, HTTP on loopback)${orders ? '' : ', days without orders'}`,
      '',
      `\`REPS=${reps} ROUNDS=${rounds} LOAD_SCALE=${scale}${orders ? '' : ' LOAD_ORDERS=0'} npm run bench -- load\`. Head office is \`src/server/main.ts\` in its own process (production logging on), on PostgreSQL (a database created for the run) and on PGlite (a temporary folder). The company: the demo company at scale ${scale} (${company ? n(company.customers) : '?'} customers, ${company ? n(company.orders) : '?'} orders of history) with reps added to reach ${reps}, its customers shared evenly among them. Each rep signs in (bearer token) and makes a first download on its own device id (not timed: p50 ${company ? fmt(company.firstDownload.p50Ms, 0) : '?'} ms, ${company ? n(company.firstDownload.rowsPerRep) : '?'} rows). Then all reps at once, closed loop with no think time: an up-to-date pull, then ${rounds} day(s) of work, each pushed visit by visit as the laptop sends it (6 visit reports, 2 orders of 3–5 lines priced from the rep's own catalogue, 8 notes: 6 pushes of 2–7 mutations), each push followed by a pull. Latency per request, from the driver (same machine). Errors: non-2xx, \`ok: false\` or a push not taken whole; refused = business refusals pulled back. Goals: p99 < 300 ms, 0 errors.`,
      '',
      '| database | reps | request | requests | per s | p50 ms | p95 ms | p99 ms | max ms | in head office p50 ms | in head office p99 ms | errors | |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      ...ingestLines,
    ].join('\n'),
  );
  for (const row of rows) console.log(row);
  for (const line of ingestLines) console.log(line);
}

const header = [
  '# Benchmarks',
  '',
  'Produced by `npm run bench` (or `npm run bench -- push|pull|pull-customers|c360|brief|route|import|order|visit|figures|load` for one part; PostgreSQL rows need `DATABASE_URL`). Each section was measured on the machine below, with nothing else running.',
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
// Sections of this run replace those with the same titles; the others are kept as they were.
const newTitles = new Set(sections.flatMap((s) => s.split('\n').filter((line) => line.startsWith('## '))));
const kept = previous
  .split(/\n(?=## )/)
  .slice(1)
  .map((section) => section.trimEnd())
  .filter((section) => !newTitles.has(section.split('\n')[0] ?? ''));
writeFileSync(path, `${header}\n${[...sections, ...kept].join('\n\n')}\n`);
console.log(`Results written to ${path}`);
