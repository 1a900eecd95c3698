/**
 * A mutation head office cannot store (here a note with a NUL character, which PostgreSQL text
 * refuses) must not block the laptop's queue forever: it is refused as a stored outcome with the
 * rep's words kept, `lastMid` advances, and the next mutations apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, noteAdd, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

describe.each(backends)('a mutation head office cannot store, on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let customer: Customer;

  beforeAll(async () => {
    server = await startTestServer(backend);
    camille = await server.login(DEMO.camille);
    const manager = await server.login(DEMO.manager);
    const { customers } = await server.ok<{ customers: Customer[] }>(
      'customer-list',
      { ownerId: server.ids.repIds.camille, limit: 1 },
      manager,
    );
    customer = customers[0]!;
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('is refused and kept, and the queue goes on', async () => {
    const clientId = uuidv7();
    const broken = noteAdd(1, customer.id, 'Avant\u0000après');
    const fine = noteAdd(2, customer.id, 'La note suivante passe');
    expect(await server.ok('sync-push', pushInput(clientId, [broken, fine]), camille)).toEqual({
      lastMid: 2,
    });
    const pages: PullResponse[] = await pullAll(server, camille, clientId, null);
    const outcomes = pages.flatMap((p) =>
      p.patch.flatMap((op) =>
        op.op === 'put' && op.entity === 'outcome' ? [op.value as MutationOutcome] : [],
      ),
    );
    expect(outcomes).toHaveLength(1);
    // The rep's words are kept (the NUL that PostgreSQL refuses shown as �).
    expect(outcomes[0]).toMatchObject({ mid: 1, code: 'internal', detail: 'Avant\uFFFDaprès' });
    const notes = pages.flatMap((p) =>
      p.patch.flatMap((op) =>
        op.op === 'put' && op.entity === 'note' ? [(op.value as { body: string }).body] : [],
      ),
    );
    expect(notes).toContain('La note suivante passe');
  });
});
