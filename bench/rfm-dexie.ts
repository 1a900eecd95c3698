/**
 * RFM and the migration matrix on the laptop, in Chromium over Dexie, on CDNOW (the file of
 * ../shared/data/cdnow, each line a purchase). Goal: < 500 ms.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Purchase, RfmPageResult } from './browser/rfm-page.js';
import { runBenchPage } from './browserPage.js';

export const CDNOW_FILE = resolve('../shared/data/cdnow/cdnow_master.csv');

/** The purchases of the CDNOW file: customer number, day, amount in cents (dollars as euros). */
export function cdnowPurchases(file = CDNOW_FILE): Purchase[] {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [customer = '', day = '', , amount = '0'] = line.split(',');
    return [Number(customer), day, Math.round(Number(amount) * 100)] as const;
  });
}

export function benchRfmDexie(): Promise<RfmPageResult> {
  return runBenchPage<RfmPageResult>('rfm', 'runRfmBench', cdnowPurchases());
}
