/**
 * A mutation head office cannot store (here a note with a NUL character, which PostgreSQL text
 * refuses) must not block the laptop's queue forever: it is refused as a stored outcome with the
 * rep's words kept, `lastMid` advances, and the next mutations apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import {
  backends,
  DEMO,
  noteAdd,
  pullAll,
  pullInput,
  pushInput,
  startTestServer,
  uuidv7,
} from './harness.js';
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

  it("a refused change to a row the laptop holds sends head office's row again, undoing the laptop's copy", async () => {
    // The laptop applied its change at once (a rep's edit of the price group, which only head
    // office may set); head office refuses it. The laptop's row must come back to head office's,
    // though head office's row itself did not change.
    const clientId = uuidv7();
    const pages = await pullAll(server, camille, clientId, null);
    const cookie = pages.at(-1)!.cookie;
    const refused = {
      mid: 1,
      mutationId: uuidv7(),
      createdAt: new Date().toISOString(),
      name: 'customer-update' as const,
      args: { id: customer.id, baseVersion: customer.version, changes: { priceGroup: 'GROSSISTE' } },
    };
    expect(await server.ok('sync-push', pushInput(clientId, [refused]), camille)).toEqual({ lastMid: 1 });
    const next = await server.ok<PullResponse>('sync-pull', pullInput(clientId, cookie), camille);
    const resent = next.patch.flatMap((op) =>
      op.op === 'put' && op.entity === 'customer' ? [op.value as Customer] : [],
    );
    expect(resent.map((c) => [c.id, c.priceGroup])).toEqual([[customer.id, customer.priceGroup]]);
    // Once sent, it is not sent again.
    const after = await server.ok<PullResponse>('sync-pull', pullInput(clientId, next.cookie), camille);
    expect(after.patch.filter((op) => op.entity === 'customer')).toEqual([]);
  });
});
