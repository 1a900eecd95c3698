/**
 * The autosave of a visit step, in Chromium (the visit screen's `saveDraft` over Dexie, in a page
 * built from bench/browser/visit.html and served by Vite's preview server). Goal: < 20 ms.
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import type { VisitPageResult } from './browser/visit-page.js';
import { CHROMIUM_ARGS } from './pull.js';

export async function benchVisitAutosave(): Promise<VisitPageResult> {
  const root = resolve('bench/browser');
  const outDir = resolve('node_modules/.bench-visit');
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(root, 'visit.html') } },
  });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the preview server has no address');
    const page = await browser.newPage();
    await page.goto(`${url}visit.html`);
    await page.waitForFunction(() => typeof window.runVisitBench === 'function');
    return await page.evaluate(() => window.runVisitBench!());
  } finally {
    await browser.close();
    await server.close();
  }
}
