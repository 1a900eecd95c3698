/**
 * Opening the customer 360 in the real app (web mode, Chromium) on the benchmark portfolio:
 * from the route change to the key figures and RFM segment rendered, for the customer with the
 * longest order history. Cold = the first 360 opened after start (the portfolio's RFM is
 * computed then, once); warm = later opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/connect.js';
import { queryRows } from '../src/server/db/types.js';
import { startHeadOffice } from '../src/server/start.js';
import { openSignedInApp, percentile } from './lib.js';
import { seedBenchPortfolio } from './portfolio.js';

export interface C360BenchResult {
  orders: number;
  coldMs: number;
  warmP50Ms: number;
  warmP95Ms: number;
  opens: number;
  appDownloadS: number;
}

export async function benchC360(): Promise<C360BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-bench-360-'));
  const database = await openDatabase({ dataDir });
  await seedBenchPortfolio(database.db);
  const ranked = await queryRows<{ customer_id: string; n: number }>(
    database.db,
    sql`select customer_id::text as customer_id, count(*)::int as n from orders group by customer_id order by n desc limit 5`,
  );
  await database.close();
  const headOffice = await startHeadOffice({
    port: 0,
    dataDir,
    rendererDir: 'out/renderer',
    seed: false,
    logger: false,
  });
  const { browser, page, appDownloadS } = await openSignedInApp(headOffice.url);
  try {
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    const open = (id: string): Promise<number> =>
      page.evaluate(`(async () => {
        const ready = () => {
          const figures = document.querySelector('[data-figure="orders-12"]');
          const rfm = document.querySelector('[data-figure="rfm"]');
          return figures !== null && rfm !== null && rfm.querySelector('.muted') === null;
        };
        location.hash = '#/customers';
        await new Promise((r) => setTimeout(r, 300));
        const started = performance.now();
        location.hash = '#/customers/${id}';
        await new Promise((resolve) => {
          const tick = () => (ready() ? resolve() : requestAnimationFrame(tick));
          tick();
        });
        return performance.now() - started;
      })()`);

    const longest = ranked[0]!;
    const coldMs = await open(longest.customer_id);
    const warm: number[] = [];
    for (let i = 0; i < 10; i += 1) warm.push(await open(ranked[i % ranked.length]!.customer_id));
    return {
      orders: longest.n,
      coldMs,
      warmP50Ms: percentile(warm, 50),
      warmP95Ms: percentile(warm, 95),
      opens: warm.length,
      appDownloadS,
    };
  } finally {
    await browser.close();
    await headOffice.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
