/**
 * First download of the benchmark portfolio (2,000 customers, 8,000 contacts, 100,000 order
 * lines and what hangs off them) into Dexie in Chromium, against a raw bulkPut of the same rows
 * in the same run; then search latency over that portfolio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { openDatabase } from '../src/server/db/connect.js';
import { startHeadOffice } from '../src/server/start.js';
import type { PullPageResult } from './browser/pull-page.js';
import { seedBenchPortfolio } from './portfolio.js';
import type { BenchPortfolioSize } from './portfolio.js';

export interface PullBenchResult extends PullPageResult {
  ratio: number;
}

import { CHROMIUM_ARGS, launchBenchBrowser } from './lib.js';

export { CHROMIUM_ARGS };

export async function buildBenchPage(): Promise<string> {
  const outDir = resolve('node_modules/.bench-page');
  await build({ root: resolve('bench/browser'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function benchPull(size?: BenchPortfolioSize): Promise<PullBenchResult> {
  const pageDir = await buildBenchPage();
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-bench-pull-'));
  const database = await openDatabase({ dataDir });
  await seedBenchPortfolio(database.db, size);
  await database.close();
  const headOffice = await startHeadOffice({
    port: 0,
    dataDir,
    rendererDir: pageDir,
    seed: false,
    logger: false,
  });
  const { browser, page } = await launchBenchBrowser();
  try {
    await page.goto(`${headOffice.url}/index.html`);
    await page.waitForFunction(() => typeof window.runPullBench === 'function');
    const result = await page.evaluate(
      ([email, password]) => window.runPullBench!(email!, password!),
      ['camille.martin@tournee.test', 'tournee'],
    );
    return { ...result, ratio: result.pullMs / result.bulkPutMs };
  } finally {
    await browser.close();
    await headOffice.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
