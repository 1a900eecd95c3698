/**
 * `npm run bench -- load`: many reps syncing at once against head office as a real process
 * (`src/server/main.ts`, HTTP on a port, its own event loop), on PostgreSQL and on PGlite.
 *
 * The company: the demo company (scale `LOAD_SCALE`, its three years of history) with extra reps
 * sharing its customers evenly, so each rep has a realistic portfolio. Each rep signs in, makes a
 * first download with its own device id (not timed), then, all reps at once: an up-to-date pull,
 * then its day's work (6 visit reports, 2 orders priced from its own catalogue, 8 notes) pushed
 * visit by visit as a laptop sends it, each push followed by a pull; `ROUNDS` days in a row.
 * Closed loop, no think time: every rep sends its next request as soon as the last is answered.
 *
 * Ingest: all reps push one more day at once with no pulls (domain rows per second), against the
 * same rows written by plain multi-row INSERTs through node-postgres into the same database.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Catalogue } from '../src/shared/domain/order/pricing.js';
import { buildCatalogue, resolveUnitPrice } from '../src/shared/domain/order/pricing.js';
import type { NoSaleReason } from '../src/shared/domain/activity/activity.js';
import type { Product, PriceList, Price } from '../src/shared/domain/catalog/catalog.js';
import type { VisitLog } from '../src/shared/domain/visit/report.js';
import { visitOfLog } from '../src/shared/domain/visit/mutations.js';
import { COMPANY_TIME_ZONE, dayOfInstant } from '../src/shared/lib/calendar.js';
import type { Mutation } from '../src/shared/sync/mutations.js';
import type { PullResponse } from '../src/shared/sync/protocol.js';
import { SCHEMA_VERSION } from '../src/shared/sync/protocol.js';
import { openDatabase } from '../src/server/db/connect.js';
import type { Db } from '../src/server/db/types.js';
import { queryRows } from '../src/server/db/types.js';
import { notes, orderLines, orders, users, visits } from '../src/server/db/schema.js';
import { refreshStatistics } from '../src/server/db/statistics.js';
import { testHashOptions } from '../src/server/features/auth/passwords.js';
import { seedDemoCompany } from '../src/server/seed/demo.js';
import { v7 as uuidv7 } from 'uuid';
import { loginToken, percentile } from './lib.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface KindStats {
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same requests timed inside head office (Fastify's responseTime). */
  serverP50Ms: number;
  serverP99Ms: number;
}

export interface LoadRunResult {
  database: 'postgres' | 'pglite';
  reps: number;
  rounds: number;
  seconds: number;
  push: KindStats;
  pull: KindStats;
  /** Mutations refused by head office (stored and pulled back as outcomes). */
  refused: number;
  mutations: number;
  /** Domain rows written (notes, visits, orders, order lines). */
  rows: number;
}

export interface IngestResult {
  rows: number;
  mutations: number;
  pushSeconds: number;
  pushRowsPerSecond: number;
  /** The same rows, one transaction of multi-row INSERTs per push batch, 10 connections. */
  rawBatchSeconds: number;
  rawBatchRowsPerSecond: number;
  /** The same rows in 1,000-row INSERTs on one connection, one transaction. */
  rawBulkSeconds: number;
  rawBulkRowsPerSecond: number;
  errors: number;
}

export interface LoadBenchResult {
  database: 'postgres' | 'pglite';
  companyReps: number;
  customers: number;
  orders: number;
  runs: LoadRunResult[];
  ingest?: IngestResult;
  firstDownload: { p50Ms: number; maxMs: number; rowsPerRep: number };
}

// ---- The company --------------------------------------------------------------------------------

/**
 * Adds reps (named rep.NNN@tournee.test, same password as the demo's, alternately in its two
 * teams) until there are `total`, then shares every customer among all reps evenly.
 */
async function addReps(db: Db, total: number): Promise<void> {
  const existing = await db
    .select({ id: users.id, role: users.role, teamId: users.teamId, hash: users.passwordHash })
    .from(users);
  const reps = existing.filter((u) => u.role === 'rep');
  const teamIds = [...new Set(reps.map((r) => r.teamId))];
  const hash = reps[0]?.hash;
  if (hash === undefined) throw new Error('the demo company has no rep');
  const extra = Array.from({ length: Math.max(0, total - reps.length) }, (_, i) => ({
    id: uuidv7(),
    email: `rep.${String(i + 1).padStart(3, '0')}@tournee.test`,
    name: `Commercial ${i + 1}`,
    role: 'rep' as const,
    teamId: teamIds[i % teamIds.length] ?? null,
    passwordHash: hash,
  }));
  if (extra.length > 0) await db.insert(users).values(extra);
  await db.execute(sql`
    with r as (select id, (row_number() over (order by email) - 1) as k from users where role = 'rep'),
    n as (select count(*) as n from r),
    c as (select id, (row_number() over (order by id) - 1) % (select n from n) as k from customers)
    update customers set owner_id = r.id from c join r using (k) where customers.id = c.id`);
  await refreshStatistics(db);
}

/** Every rep, the demo's first. */
async function companyReps(db: Db): Promise<{ id: string; email: string }[]> {
  return queryRows<{ id: string; email: string }>(
    db,
    sql`select id, email from users where role = 'rep' order by (email like 'rep.%'), email`,
  );
}

export async function prepareCompany(
  target: { url: string } | { dataDir: string },
  options: { scale: number; reps: number },
): Promise<{ reps: { id: string; email: string }[]; customers: number; orders: number }> {
  const database = await openDatabase(target);
  try {
    await seedDemoCompany(database.db, { scale: options.scale, hashOptions: testHashOptions });
    await addReps(database.db, options.reps);
    const [counts] = await queryRows<{ customers: string; orders: string }>(
      database.db,
      sql`select (select count(*) from customers) as customers, (select count(*) from orders) as orders`,
    );
    return {
      reps: await companyReps(database.db),
      customers: Number(counts?.customers ?? 0),
      orders: Number(counts?.orders ?? 0),
    };
  } finally {
    await database.close();
  }
}

// ---- Head office as a process ---------------------------------------------------------------------

export interface HeadOfficeChild {
  url: string;
  /**
   * Time head office itself spent on each request since the last call, by path (Fastify's
   * `responseTime` in its request log): what the driver measures minus the queueing outside.
   */
  takeServerTimes(): Map<string, number[]>;
  stop(): Promise<void>;
}

/** Reads Fastify's JSON request log: each completed request's path and responseTime. */
function requestLogReader(): { line(text: string): void; take(): Map<string, number[]> } {
  const paths = new Map<string, string>();
  let times = new Map<string, number[]>();
  return {
    line(text) {
      if (!text.startsWith('{')) return;
      let entry: { reqId?: string; req?: { url?: string }; responseTime?: number };
      try {
        entry = JSON.parse(text) as typeof entry;
      } catch {
        return;
      }
      if (entry.reqId === undefined) return;
      if (entry.req?.url !== undefined) paths.set(entry.reqId, entry.req.url);
      else if (entry.responseTime !== undefined) {
        const path = paths.get(entry.reqId) ?? '?';
        paths.delete(entry.reqId);
        const list = times.get(path) ?? [];
        list.push(entry.responseTime);
        times.set(path, list);
      }
    },
    take() {
      const taken = times;
      times = new Map();
      return taken;
    },
  };
}

/** `src/server/main.ts` under tsx, as production runs it (its request log drained, not shown). */
export async function startHeadOfficeProcess(env: Record<string, string>): Promise<HeadOfficeChild> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      TOURNEE_SEED: '0',
      TOURNEE_RENDERER_DIR: '/nonexistent-renderer',
      // The request log on stdout too (decision 0026 sends it to a file): head office's own time.
      TOURNEE_LOG: 'debug',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line.slice(0, 300));
      if (tail.length > 20) tail.shift();
    }
  };
  child.stderr?.on('data', remember);
  const log = requestLogReader();
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (started) {
          log.line(line);
          continue;
        }
        remember(Buffer.from(line));
        const match = /head office on (http:\/\/\S+) /.exec(line);
        if (match) {
          started = true;
          resolve(match[1]!);
        }
      }
    });
    child.once('exit', (code, signal) =>
      reject(new Error(`head office exited while starting (${code ?? signal}):\n${tail.join('\n')}`)),
    );
  });
  return {
    url,
    takeServerTimes: () => log.take(),
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

// ---- A rep's laptop -----------------------------------------------------------------------------

interface Sellable {
  productId: string;
  reference: string;
  name: string;
  vatRate: Product['vatRate'];
  unitPriceCents: number;
}

interface Rep {
  email: string;
  userId: string;
  token: string;
  clientId: string;
  mid: number;
  cookie: number | null;
  customers: { id: string; priceGroup: string }[];
  catalogue: Catalogue;
  sellable: Map<string, Sellable[]>;
  refused: Set<string>;
  day: number;
}

class Recorder {
  readonly latencies = { push: [] as number[], pull: [] as number[] };
  readonly errors = { push: 0, pull: 0 };
  readonly errorSamples: string[] = [];

  error(kind: 'push' | 'pull', detail: string): void {
    this.errors[kind] += 1;
    if (this.errorSamples.length < 5) this.errorSamples.push(`${kind}: ${detail}`);
  }
}

type Answer<T> = { ok: true; value: T } | { ok: false; detail: string };

async function post<T>(
  baseUrl: string,
  method: string,
  input: unknown,
  token: string,
): Promise<{ ms: number; answer: Answer<T> }> {
  const t0 = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200)
      return { ms, answer: { ok: false, detail: `${response.status} ${text.slice(0, 200)}` } };
    const body = JSON.parse(text) as { ok: boolean; value?: T; error?: { code: string; message: string } };
    return body.ok
      ? { ms, answer: { ok: true, value: body.value as T } }
      : { ms, answer: { ok: false, detail: `${body.error?.code} ${body.error?.message}` } };
  } catch (error) {
    return { ms: performance.now() - t0, answer: { ok: false, detail: String(error) } };
  }
}

const today = () => dayOfInstant(new Date(), COMPANY_TIME_ZONE);

function sellableFor(rep: Rep, priceGroup: string): Sellable[] {
  const known = rep.sellable.get(priceGroup);
  if (known) return known;
  const day = today();
  const found: Sellable[] = [];
  for (const product of rep.catalogue.products.values()) {
    if (!product.active) continue;
    const unit = resolveUnitPrice(rep.catalogue, { priceGroup, productId: product.id, quantity: 1, day });
    if (unit.ok)
      found.push({
        productId: product.id,
        reference: product.reference,
        name: product.name,
        vatRate: product.vatRate,
        unitPriceCents: unit.value.unitPriceCents,
      });
  }
  rep.sellable.set(priceGroup, found);
  return found;
}

/** Applies a pull's patch to what the bench keeps of the laptop (customers, catalogue, refusals). */
function applyPull(
  rep: Rep,
  pull: PullResponse,
  keep: { products: Product[]; lists: PriceList[]; prices: Price[] },
): void {
  rep.cookie = pull.cookie;
  for (const op of pull.patch) {
    if (op.op !== 'put') continue;
    if (op.entity === 'customer') rep.customers.push({ id: op.value.id, priceGroup: op.value.priceGroup });
    else if (op.entity === 'product') keep.products.push(op.value);
    else if (op.entity === 'priceList') keep.lists.push(op.value);
    else if (op.entity === 'price') keep.prices.push(op.value);
    else if (op.entity === 'outcome') rep.refused.add(op.value.id);
  }
}

async function firstDownload(
  baseUrl: string,
  email: string,
  userId: string,
): Promise<{ rep: Rep; ms: number; rows: number }> {
  const token = await loginToken(baseUrl, email);
  const rep: Rep = {
    email,
    userId,
    token,
    clientId: uuidv7(),
    mid: 0,
    cookie: null,
    customers: [],
    catalogue: buildCatalogue({ products: [], priceLists: [], prices: [] }),
    sellable: new Map(),
    refused: new Set(),
    day: 0,
  };
  const keep = { products: [] as Product[], lists: [] as PriceList[], prices: [] as Price[] };
  const t0 = performance.now();
  let rows = 0;
  for (;;) {
    const { answer } = await post<PullResponse>(
      baseUrl,
      'sync-pull',
      { clientId: rep.clientId, schemaVersion: SCHEMA_VERSION, cookie: rep.cookie },
      token,
    );
    if (!answer.ok) throw new Error(`first download of ${email}: ${answer.detail}`);
    rows += answer.value.patch.length;
    applyPull(rep, answer.value, keep);
    if (!answer.value.more) break;
  }
  rep.catalogue = buildCatalogue({ products: keep.products, priceLists: keep.lists, prices: keep.prices });
  if (rep.customers.length === 0) throw new Error(`${email} has no customers`);
  return { rep, ms: performance.now() - t0, rows };
}

function pick<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

const noSaleReasons: readonly NoSaleReason[] = ['price', 'competitor', 'timing', 'no-need'];

/** The domain rows a batch writes, as plain rows for the raw INSERT comparison. */
interface RawRows {
  notes: (typeof notes.$inferInsert)[];
  orders: (typeof orders.$inferInsert)[];
  lines: (typeof orderLines.$inferInsert)[];
  visits: (typeof visits.$inferInsert)[];
}

const rowCount = (r: RawRows) => r.notes.length + r.visits.length + r.orders.length + r.lines.length;

/**
 * A rep's day as the laptop pushes it: one batch per visit (its notes, its order, then the
 * report), 6 visits, 2 orders of 3–5 lines, 8 notes; and the same rows for raw INSERTs.
 */
function dayOfWork(rep: Rep, withOrders = true): { batch: Mutation[]; raw: RawRows }[] {
  rep.day += 1;
  const now = Date.now();
  const envelope = () => {
    rep.mid += 1;
    return { mid: rep.mid, mutationId: uuidv7(), createdAt: new Date().toISOString() };
  };
  return Array.from({ length: 6 }, (_, v) => {
    const batch: Mutation[] = [];
    const raw: RawRows = { notes: [], orders: [], lines: [], visits: [] };
    const customer = pick(rep.customers, rep.day * 7 + v);
    const startedAt = new Date(now - (6 - v) * 75 * 60_000);
    const endedAt = new Date(startedAt.getTime() + 40 * 60_000);
    for (let n = 0; n < (v < 2 ? 2 : 1); n += 1) {
      const note = {
        id: uuidv7(),
        customerId: customer.id,
        body: `Jour ${rep.day}, visite ${v + 1} : terrasse à refaire avant l'été, rappeler le gérant (${n + 1}).`,
        createdAt: endedAt.toISOString(),
      };
      batch.push({ ...envelope(), name: 'note-add', args: note });
      raw.notes.push({ ...note, authorId: rep.userId, createdAt: endedAt, receivedAt: endedAt });
    }
    const orderIds: string[] = [];
    const products = (v === 1 || v === 4) && withOrders ? sellableFor(rep, customer.priceGroup) : [];
    if (products.length > 0) {
      const orderId = uuidv7();
      const chosen = Array.from({ length: 3 + ((rep.day + v) % 3) }, (_, i) =>
        pick(products, rep.day * 13 + v * 5 + i * 3),
      ).filter((p, i, all) => all.findIndex((q) => q.productId === p.productId) === i);
      const day = today();
      const lines = chosen.map((product, i) => {
        const quantity = 1 + ((i * 7 + v) % 12);
        // The price the laptop shows for that quantity (breaks), from its own catalogue.
        const unit = resolveUnitPrice(rep.catalogue, {
          priceGroup: customer.priceGroup,
          productId: product.productId,
          quantity,
          day,
        });
        return {
          id: uuidv7(),
          productId: product.productId,
          quantity,
          discountBp: 0,
          previewUnitPriceCents: unit.ok ? unit.value.unitPriceCents : product.unitPriceCents,
        };
      });
      const order = {
        id: orderId,
        customerId: customer.id,
        orderedAt: endedAt.toISOString(),
        deliveryDate: null,
        lines,
        note: 'Livraison le matin avant 10 h',
        signature: null,
      };
      batch.push({ ...envelope(), name: 'order-create', args: order });
      const totalExclCents = lines.reduce((t, l) => t + l.quantity * l.previewUnitPriceCents, 0);
      raw.orders.push({
        id: orderId,
        customerId: customer.id,
        repId: rep.userId,
        number: `RAW-${uuidv7()}`,
        orderedAt: endedAt,
        status: 'received',
        note: order.note,
        totalExclCents,
        totalVatCents: Math.round(totalExclCents * 0.2),
        totalInclCents: totalExclCents + Math.round(totalExclCents * 0.2),
      });
      raw.lines.push(
        ...chosen.map((product, i) => ({
          id: lines[i]!.id,
          orderId,
          position: i + 1,
          productId: product.productId,
          productReference: product.reference,
          productName: product.name,
          quantity: lines[i]!.quantity,
          unitPriceCents: lines[i]!.previewUnitPriceCents,
          vatRate: product.vatRate,
          totalExclCents: lines[i]!.quantity * lines[i]!.previewUnitPriceCents,
        })),
      );
      orderIds.push(orderId);
    }
    const log: VisitLog = {
      id: uuidv7(),
      customerId: customer.id,
      appointmentId: null,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      channel: 'visit',
      followUpAppointmentId: null,
      course: {
        reachedStep: orderIds.length > 0 ? 'closing' : 'objections',
        closingId: null,
        closingName: null,
        families: ['Boissons'],
      },
      report: {
        outcome: orderIds.length > 0 ? 'order' : v === 5 ? 'not-met' : 'no-sale',
        ...(orderIds.length === 0 && v !== 5 ? { noSaleReason: pick(noSaleReasons, rep.day + v) } : {}),
        orderIds,
        needs: ['Renouveler la carte des bières pression'],
        motives: ['money', 'novelty'],
        objections: [
          { text: 'Le fournisseur actuel livre deux fois par semaine', lifted: orderIds.length > 0 },
        ],
        offered: ['Bières : gamme artisanale régionale'],
        nextStep: 'Repasser avec les échantillons',
        summary: 'Intéressé par la gamme régionale ; décision du gérant attendue.',
        notes: 'Découverte : 60 couverts, terrasse de 30 places.',
      },
    };
    batch.push({ ...envelope(), name: 'visit-log', args: log });
    raw.visits.push({ ...visitRow(log, rep.userId), createdAt: endedAt, updatedAt: endedAt });
    return { batch, raw };
  });
}

function visitRow(log: VisitLog, repId: string): typeof visits.$inferInsert {
  const visit = visitOfLog(log, repId);
  return { ...visit, at: new Date(visit.at) };
}

/** Pushes a batch until head office takes it (a laptop retries the same batch on errors). */
async function push(baseUrl: string, rep: Rep, batch: Mutation[], recorder: Recorder): Promise<void> {
  const last = batch.at(-1)?.mid ?? rep.mid;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const { ms, answer } = await post<{ lastMid: number }>(
      baseUrl,
      'sync-push',
      { clientId: rep.clientId, schemaVersion: SCHEMA_VERSION, mutations: batch },
      rep.token,
    );
    recorder.latencies.push.push(ms);
    if (answer.ok && answer.value.lastMid === last) return;
    recorder.error('push', answer.ok ? `lastMid ${answer.value.lastMid}, expected ${last}` : answer.detail);
  }
  throw new Error(`${rep.email}: push refused five times`);
}

async function pull(baseUrl: string, rep: Rep, recorder: Recorder): Promise<void> {
  const keep = { products: [] as Product[], lists: [] as PriceList[], prices: [] as Price[] };
  for (;;) {
    const { ms, answer } = await post<PullResponse>(
      baseUrl,
      'sync-pull',
      { clientId: rep.clientId, schemaVersion: SCHEMA_VERSION, cookie: rep.cookie, pending: 0 },
      rep.token,
    );
    recorder.latencies.pull.push(ms);
    if (!answer.ok) {
      recorder.error('pull', answer.detail);
      return;
    }
    applyPull(rep, answer.value, keep);
    if (!answer.value.more) return;
  }
}

function stats(latencies: number[], errors: number, seconds: number, server: number[]): KindStats {
  return {
    serverP50Ms: percentile(server, 50),
    serverP99Ms: percentile(server, 99),
    requests: latencies.length,
    errors,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.length === 0 ? Number.NaN : Math.max(...latencies),
  };
}

/** `reps` laptops at once: an up-to-date pull, then `rounds` days of push-then-pull per visit. */
async function runLoad(
  headOffice: HeadOfficeChild,
  database: 'postgres' | 'pglite',
  reps: Rep[],
  rounds: number,
  withOrders: boolean,
): Promise<LoadRunResult> {
  const baseUrl = headOffice.url;
  const recorder = new Recorder();
  // What head office logged before this run (its last lines may still be on their way).
  await new Promise((resolve) => setTimeout(resolve, 500));
  headOffice.takeServerTimes();
  const refusedBefore = reps.reduce((n, r) => n + r.refused.size, 0);
  let mutations = 0;
  let rows = 0;
  const t0 = performance.now();
  await Promise.all(
    reps.map(async (rep) => {
      await pull(baseUrl, rep, recorder);
      for (let d = 0; d < rounds; d += 1) {
        for (const { batch, raw } of dayOfWork(rep, withOrders)) {
          await push(baseUrl, rep, batch, recorder);
          mutations += batch.length;
          rows += rowCount(raw);
          await pull(baseUrl, rep, recorder);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  if (recorder.errorSamples.length > 0)
    console.log(`  errors, first ones:\n  ${recorder.errorSamples.join('\n  ')}`);
  // The last log lines may still be on their way from the child.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const server = headOffice.takeServerTimes();
  return {
    database,
    reps: reps.length,
    rounds,
    seconds,
    push: stats(recorder.latencies.push, recorder.errors.push, seconds, server.get('/api/sync-push') ?? []),
    pull: stats(recorder.latencies.pull, recorder.errors.pull, seconds, server.get('/api/sync-pull') ?? []),
    refused: reps.reduce((n, r) => n + r.refused.size, 0) - refusedBefore,
    mutations,
    rows,
  };
}

// ---- Ingest against raw INSERTs -----------------------------------------------------------------

type Writer = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** Multi-row INSERTs of `rows`, parents first, at most `chunk` rows a statement. */
async function insertRows(tx: Writer, rows: RawRows, chunk = 1000): Promise<void> {
  for (let i = 0; i < rows.notes.length; i += chunk)
    await tx.insert(notes).values(rows.notes.slice(i, i + chunk));
  for (let i = 0; i < rows.orders.length; i += chunk)
    await tx.insert(orders).values(rows.orders.slice(i, i + chunk));
  for (let i = 0; i < rows.lines.length; i += chunk)
    await tx.insert(orderLines).values(rows.lines.slice(i, i + chunk));
  for (let i = 0; i < rows.visits.length; i += chunk)
    await tx.insert(visits).values(rows.visits.slice(i, i + chunk));
}

/** The same rows with new ids (the pushed ones are already stored). */
function withNewIds(rows: RawRows): RawRows {
  const orderIds = new Map(rows.orders.map((o) => [o.id, uuidv7()]));
  return {
    notes: rows.notes.map((n) => ({ ...n, id: uuidv7() })),
    orders: rows.orders.map((o) => ({ ...o, id: orderIds.get(o.id)!, number: `RAW-${uuidv7()}` })),
    lines: rows.lines.map((l) => ({ ...l, id: uuidv7(), orderId: orderIds.get(l.orderId)! })),
    visits: rows.visits.map((v) => ({ ...v, id: uuidv7() })),
  };
}

function merge(all: RawRows[]): RawRows {
  return {
    notes: all.flatMap((r) => r.notes),
    orders: all.flatMap((r) => r.orders),
    lines: all.flatMap((r) => r.lines),
    visits: all.flatMap((r) => r.visits),
  };
}

/**
 * Every rep pushes one more day at once with no pulls; then the same rows by raw INSERTs into
 * the same database: one transaction per pushed batch over 10 connections (head office's pool),
 * and all of them in 1,000-row statements in one transaction.
 */
async function runIngest(baseUrl: string, databaseUrl: string, reps: Rep[]): Promise<IngestResult> {
  const recorder = new Recorder();
  const days = reps.map((rep) => dayOfWork(rep));
  const t0 = performance.now();
  await Promise.all(
    reps.map(async (rep, i) => {
      for (const { batch } of days[i]!) await push(baseUrl, rep, batch, recorder);
    }),
  );
  const pushSeconds = (performance.now() - t0) / 1000;
  const batches = days.flat();
  const rows = batches.reduce((n, b) => n + rowCount(b.raw), 0);
  const mutations = batches.reduce((n, b) => n + b.batch.length, 0);

  const database = await openDatabase({ url: databaseUrl });
  try {
    const perBatch = batches.map((b) => withNewIds(b.raw));
    const t1 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let rowsOf = perBatch[next++]; rowsOf !== undefined; rowsOf = perBatch[next++]) {
          const batchRows = rowsOf;
          await database.db.transaction((tx) => insertRows(tx, batchRows));
        }
      }),
    );
    const rawBatchSeconds = (performance.now() - t1) / 1000;
    const bulk = merge(batches.map((b) => withNewIds(b.raw)));
    const t2 = performance.now();
    await database.db.transaction((tx) => insertRows(tx, bulk));
    const rawBulkSeconds = (performance.now() - t2) / 1000;
    return {
      rows,
      mutations,
      pushSeconds,
      pushRowsPerSecond: rows / pushSeconds,
      rawBatchSeconds,
      rawBatchRowsPerSecond: rows / rawBatchSeconds,
      rawBulkSeconds,
      rawBulkRowsPerSecond: rows / rawBulkSeconds,
      errors: recorder.errors.push,
    };
  } finally {
    await database.close();
  }
}

// ---- The benchmark --------------------------------------------------------------------------------

export interface LoadBenchOptions {
  /** PostgreSQL (a database created for the run) or PGlite in `dataDir`. */
  target: { url: string } | { dataDir: string };
  /** Rep counts to run one after the other (the largest is the company's). */
  steps: number[];
  rounds: number;
  scale: number;
  /** PostgreSQL only: the ingest comparison after the load. */
  ingest: boolean;
  /** False: the same days without their 2 orders (to see what order-taking costs). */
  orders?: boolean;
}

async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
    }),
  );
  return results;
}

export async function benchLoad(options: LoadBenchOptions): Promise<LoadBenchResult> {
  const database = 'url' in options.target ? 'postgres' : 'pglite';
  const companyReps = Math.max(...options.steps);
  const company = await prepareCompany(options.target, { scale: options.scale, reps: companyReps });
  const headOffice = await startHeadOfficeProcess(
    'url' in options.target
      ? { DATABASE_URL: options.target.url }
      : { DATABASE_URL: '', TOURNEE_DATA_DIR: options.target.dataDir },
  );
  try {
    // Sign-in and first download, a few laptops at a time (not timed as load).
    const downloads = await pool(company.reps.slice(0, companyReps), 4, (r) =>
      firstDownload(headOffice.url, r.email, r.id),
    );
    const reps = downloads.map((d) => d.rep);
    const runs: LoadRunResult[] = [];
    for (const step of [...options.steps].sort((a, b) => a - b)) {
      const run = await runLoad(
        headOffice,
        database,
        reps.slice(0, step),
        options.rounds,
        options.orders ?? true,
      );
      console.log(
        `  ${database} ${step} reps: push ${fmtRate(run.push)}, pull ${fmtRate(run.pull)}, refused ${run.refused}`,
      );
      runs.push(run);
    }
    const ingest =
      options.ingest && 'url' in options.target
        ? await runIngest(headOffice.url, options.target.url, reps)
        : undefined;
    return {
      database,
      companyReps,
      customers: company.customers,
      orders: company.orders,
      runs,
      ...(ingest ? { ingest } : {}),
      firstDownload: {
        p50Ms: percentile(
          downloads.map((d) => d.ms),
          50,
        ),
        maxMs: Math.max(...downloads.map((d) => d.ms)),
        rowsPerRep: percentile(
          downloads.map((d) => d.rows),
          50,
        ),
      },
    };
  } finally {
    await headOffice.stop();
  }
}

function fmtRate(s: KindStats): string {
  return `${s.requests} req, ${s.perSecond.toFixed(0)}/s, p50 ${s.p50Ms.toFixed(0)} p95 ${s.p95Ms.toFixed(0)} p99 ${s.p99Ms.toFixed(0)} ms (in head office p50 ${s.serverP50Ms.toFixed(0)} p99 ${s.serverP99Ms.toFixed(0)}), ${s.errors} errors`;
}
