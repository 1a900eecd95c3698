/**
 * Saving an order of 50 lines with its outbox entry, in Chromium (the app's own mutator over
 * Dexie, in a page built from bench/browser/order.html and served by Vite's preview server).
 */
import type { OrderPageResult } from './browser/order-page.js';
import { runBenchPage } from './browserPage.js';

export function benchOrder(): Promise<OrderPageResult> {
  return runBenchPage<OrderPageResult>('order', 'runOrderBench');
}
