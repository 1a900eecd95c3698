import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, noteAdd, pullInput, pushInput, startTestServer, uuidv7 } from './harness.js';

describe('server restart on the same PGlite data dir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const pglite = backends.find((b) => b.name === 'pglite')!;

  it('keeps lastMid, so a re-sent push is not applied twice', async () => {
    const clientId = uuidv7();
    const first = await startTestServer(pglite, { reuse: { options: { dataDir } } });
    const token = await first.login(DEMO.camille);
    const pulled = await first.ok<PullResponse>('sync-pull', pullInput(clientId, null), token);
    const customerId = pulled.patch.find((op) => op.op === 'put' && op.entity === 'customer')!;
    const id = customerId.op === 'put' ? customerId.value.id : '';
    const batch = pushInput(clientId, [noteAdd(1, id, 'Avant redémarrage'), noteAdd(2, id, 'Toujours là')]);
    expect(await first.ok('sync-push', batch, token)).toEqual({ lastMid: 2 });
    const before = await first.ok<{ notes: unknown[] }>('customer-get', { id }, token);
    await first.close();

    const second = await startTestServer(pglite, { reuse: { options: { dataDir } } });
    try {
      // The session survives the restart, and the duplicate push is skipped.
      expect(await second.ok('sync-push', batch, token)).toEqual({ lastMid: 2 });
      const after = await second.ok<{ notes: unknown[] }>('customer-get', { id }, token);
      expect(after.notes).toHaveLength(before.notes.length);
      const again = await second.ok<PullResponse>('sync-pull', pullInput(clientId, pulled.cookie), token);
      expect(again.lastMid).toBe(2);
    } finally {
      await second.close();
    }
  }, 60_000);
});
