/**
 * Push of 1,000 note mutations through HTTP on loopback, in batches, against head office on
 * PGlite and on PostgreSQL: mutations/s and p50/p95 per batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SCHEMA_VERSION } from '../src/shared/sync/protocol.js';
import type { PullResponse } from '../src/shared/sync/protocol.js';
import { startHeadOffice } from '../src/server/start.js';
import { call, loginToken, percentile } from './lib.js';

export interface PushBenchResult {
  database: string;
  mutations: number;
  batchSize: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
}

export async function benchPush(options: {
  databaseUrl?: string;
  total?: number;
  batchSize?: number;
}): Promise<PushBenchResult> {
  const total = options.total ?? 1000;
  const batchSize = options.batchSize ?? 50;
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'tournee-bench-'));
  const headOffice = await startHeadOffice({
    port: 0,
    dataDir,
    databaseUrl: options.databaseUrl,
    seed: true,
    seedScale: 0.02,
  });
  try {
    const token = await loginToken(headOffice.url, 'camille.martin@tournee.test');
    const clientId = uuidv7();
    const pull = await call<PullResponse>(
      headOffice.url,
      'sync-pull',
      { clientId, schemaVersion: SCHEMA_VERSION, cookie: null },
      token,
    );
    const customerIds = pull.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'customer' ? [op.value.id] : [],
    );
    if (customerIds.length === 0) throw new Error('no customers to write notes on');
    const latencies: number[] = [];
    let mid = 0;
    const started = performance.now();
    while (mid < total) {
      const mutations = Array.from({ length: Math.min(batchSize, total - mid) }, () => {
        mid += 1;
        return {
          mid,
          mutationId: uuidv7(),
          createdAt: new Date().toISOString(),
          name: 'note-add' as const,
          args: {
            id: uuidv7(),
            customerId: customerIds[mid % customerIds.length]!,
            body: `Note de benchmark ${mid}`,
            createdAt: new Date().toISOString(),
          },
        };
      });
      const t0 = performance.now();
      const result = await call<{ lastMid: number }>(
        headOffice.url,
        'sync-push',
        { clientId, schemaVersion: SCHEMA_VERSION, mutations },
        token,
      );
      latencies.push(performance.now() - t0);
      if (result.lastMid !== mid) throw new Error(`lastMid ${result.lastMid} after pushing ${mid}`);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      database: headOffice.kind,
      mutations: total,
      batchSize,
      seconds,
      perSecond: total / seconds,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
    };
  } finally {
    await headOffice.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
