/**
 * Opening the visit brief in the real app (web mode, Chromium) on the benchmark portfolio:
 * from the route change to `#/brief/<appointmentId>` until the brief's figures and RFM segment
 * are rendered (`data-brief-ready`), and separately until the cross-sell list is filled in
 * (`data-cross-sell-ready`; the per-segment penetration is computed once per data version).
 * The appointments are added for the five customers with the longest order history.
 * Cold = the first brief opened after sign-in; warm = later opens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/server/db/connect.js';
import { queryRows } from '../src/server/db/types.js';
import { startHeadOffice } from '../src/server/start.js';
import { openSignedInApp, percentile } from './lib.js';
import { seedBenchPortfolio } from './portfolio.js';

export interface BriefBenchResult {
  orders: number;
  visits: number;
  coldMs: number;
  coldCrossSellMs: number;
  warmP50Ms: number;
  warmP95Ms: number;
  warmCrossSellP95Ms: number;
  opens: number;
  appDownloadS: number;
}

export async function benchBrief(): Promise<BriefBenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-bench-brief-'));
  const database = await openDatabase({ dataDir });
  await seedBenchPortfolio(database.db);
  const ranked = await queryRows<{ customer_id: string; owner_id: string; n: number; visits: number }>(
    database.db,
    sql`select o.customer_id::text as customer_id, c.owner_id::text as owner_id, count(*)::int as n,
          (select count(*)::int from visits v where v.customer_id = o.customer_id) as visits
        from orders o join customers c on c.id = o.customer_id
        group by o.customer_id, c.owner_id order by n desc limit 5`,
  );
  // One appointment tomorrow at 09:00 UTC for each of them, like the ones the agenda holds.
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const appointmentIds: string[] = [];
  for (const [i, row] of ranked.entries()) {
    const id = uuidv7();
    appointmentIds.push(id);
    await database.db.execute(
      sql`insert into appointments (id, customer_id, contact_id, rep_id, kind, start_at, duration_minutes, objective, notes, status)
          values (${id}, ${row.customer_id}, null, ${row.owner_id}, 'visit', ${`${tomorrow}T0${8 + i}:00:00.000Z`}, 45,
                  'Présenter la nouvelle gamme', '', 'planned')`,
    );
  }
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
    const open = (id: string): Promise<{ ready: number; crossSell: number }> =>
      page.evaluate(`(async () => {
        const brief = () => document.querySelector('article.brief');
        location.hash = '#/customers';
        await new Promise((r) => setTimeout(r, 300));
        const started = performance.now();
        location.hash = '#/brief/${id}';
        const until = (attr) => new Promise((resolve) => {
          const tick = () => (brief()?.getAttribute(attr) === 'true' ? resolve(performance.now() - started) : requestAnimationFrame(tick));
          tick();
        });
        const ready = await until('data-brief-ready');
        const crossSell = await until('data-cross-sell-ready');
        return { ready, crossSell };
      })()`);

    const cold = await open(appointmentIds[0]!);
    const warm: number[] = [];
    const warmCrossSell: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const r = await open(appointmentIds[i % appointmentIds.length]!);
      warm.push(r.ready);
      warmCrossSell.push(r.crossSell);
    }
    return {
      orders: ranked[0]!.n,
      visits: ranked[0]!.visits,
      coldMs: cold.ready,
      coldCrossSellMs: cold.crossSell,
      warmP50Ms: percentile(warm, 50),
      warmP95Ms: percentile(warm, 95),
      warmCrossSellP95Ms: percentile(warmCrossSell, 95),
      opens: warm.length,
      appDownloadS,
    };
  } finally {
    await browser.close();
    await headOffice.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
