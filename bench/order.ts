/**
 * Saving an order of 50 lines with its outbox entry, in Chromium (the app's own mutator over
 * Dexie, in a page built from bench/browser/order.html and served by Vite's preview server).
 */
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build, preview } from 'vite';
import type { OrderPageResult } from './browser/order-page.js';
import { CHROMIUM_ARGS } from './pull.js';

export async function benchOrder(): Promise<OrderPageResult> {
  const root = resolve('bench/browser');
  const outDir = resolve('node_modules/.bench-order');
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(root, 'order.html') } },
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
    await page.goto(`${url}order.html`);
    await page.waitForFunction(() => typeof window.runOrderBench === 'function');
    return await page.evaluate(() => window.runOrderBench!());
  } finally {
    await browser.close();
    await server.close();
  }
}
