/**
 * The team figures at head office on PostgreSQL, on the demo company at scale 3 (~18,000
 * customers, three years): each method's latency for the manager of a team and for the admin
 * (every team) over the last 90 days, and opening the figures screen in Chromium as the manager
 * (route change → the team table on screen).
 */
import { sql } from 'drizzle-orm';
import { startHeadOffice } from '../src/server/start.js';
import { queryRows } from '../src/server/db/types.js';
import { openDatabase } from '../src/server/db/connect.js';
import { call, loginToken, openSignedInApp, percentile } from './lib.js';
import { withTempDatabase } from './pg.js';

export interface FiguresBenchResult {
  customers: number;
  orders: number;
  visits: number;
  methods: { method: string; who: string; p50Ms: number; p95Ms: number }[];
  screenColdMs: number;
  screenWarmP50Ms: number;
  /** The manager's first download in the browser: sign-in to "À jour", and the rows it held. */
  appDownloadS: number;
  downloadRows: number;
}

const RUNS = 20;
const isoDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

export async function benchFigures(databaseUrl: string, scale = 3): Promise<FiguresBenchResult> {
  return withTempDatabase(databaseUrl, 'tournee_bench_figures', async (url) => {
    const started = Date.now();
    const headOffice = await startHeadOffice({
      port: 0,
      databaseUrl: url,
      seed: true,
      seedScale: scale,
      logger: false,
      rendererDir: 'out/renderer',
    });
    console.log(
      `figures bench: company at scale ${scale} seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    try {
      const database = await openDatabase({ url });
      const [sizes] = await queryRows<{ customers: number; orders: number; visits: number }>(
        database.db,
        sql`select (select count(*)::int from customers) as customers, (select count(*)::int from orders) as orders,
          (select count(*)::int from visits) as visits`,
      );
      await database.close();
      const to = isoDay(Date.now());
      const from = isoDay(Date.now() - 89 * 86_400_000);
      const tokens = {
        manager: await loginToken(headOffice.url, 'julien.mercier@tournee.test'),
        admin: await loginToken(headOffice.url, 'admin@tournee.test'),
      };
      const reps = await call<{ reps: { repId: string }[] }>(
        headOffice.url,
        'team-review',
        { from, to },
        tokens.manager,
      );
      const repId = reps.reps[0]!.repId;
      const calls: [string, unknown][] = [
        ['team-review', { from, to }],
        ['team-review-customers', { from, to, repId }],
        ['visit-failures', { from, to }],
        ['lost-customers', { from, to }],
        ['rfm-customers', { from: isoDay(Date.now() - 90 * 86_400_000), to }],
      ];
      const methods: FiguresBenchResult['methods'] = [];
      for (const who of ['manager', 'admin'] as const) {
        for (const [method, input] of calls) {
          await call(headOffice.url, method, input, tokens[who]);
          const samples: number[] = [];
          for (let i = 0; i < RUNS; i += 1) {
            const t0 = performance.now();
            await call(headOffice.url, method, input, tokens[who]);
            samples.push(performance.now() - t0);
          }
          methods.push({ method, who, p50Ms: percentile(samples, 50), p95Ms: percentile(samples, 95) });
          console.log(
            `${method} (${who}): p50 ${percentile(samples, 50).toFixed(0)} ms, p95 ${percentile(samples, 95).toFixed(0)} ms`,
          );
        }
      }

      const { browser, page, appDownloadS } = await openSignedInApp(
        headOffice.url,
        'julien.mercier@tournee.test',
      );
      console.log(`figures bench: the manager's first download took ${appDownloadS.toFixed(0)} s`);
      try {
        const open = (): Promise<number> =>
          page.evaluate(`(async () => {
            location.hash = '#/customers';
            await new Promise((r) => setTimeout(r, 300));
            const started = performance.now();
            location.hash = '#/figures';
            await new Promise((resolve) => {
              const tick = () => {
                const table = document.querySelector('table[aria-label="Chiffres par commercial"] tbody tr');
                return table !== null ? resolve() : requestAnimationFrame(tick);
              };
              tick();
            });
            return performance.now() - started;
          })()`);
        const cold = await open();
        const warm: number[] = [];
        for (let i = 0; i < 5; i += 1) warm.push(await open());
        const views = await openDatabase({ url });
        const [download] = await queryRows<{ rows: number }>(
          views.db,
          sql`select count(*)::int as rows from sync_client_views v join sync_clients c on c.id = v.client_id
            join users u on u.id = c.user_id where u.email = 'julien.mercier@tournee.test' and not v.deleted`,
        );
        await views.close();
        return {
          ...sizes!,
          methods,
          appDownloadS,
          downloadRows: download?.rows ?? 0,
          screenColdMs: cold,
          screenWarmP50Ms: percentile(warm, 50),
        };
      } finally {
        await browser.close();
      }
    } finally {
      await headOffice.close();
    }
  });
}
