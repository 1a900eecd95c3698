/**
 * Refused work at head office (decision 0021): a note refused because its customer moved to
 * another team is kept with its text, listed to the former rep's manager (not to another team's),
 * re-applied once on the rep's behalf, or dismissed with a reason; the rep's laptop is told at its
 * next pull. A rep lists only their own and may neither re-apply nor dismiss.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Refusal } from '../../src/shared/contract/refusals.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { queryRows } from '../../src/server/db/types.js';
import {
  addSecondTeam,
  backends,
  DEMO,
  noteAdd,
  pullAll,
  pushInput,
  startTestServer,
  uuidv7,
} from './harness.js';
import type { TestServer } from './harness.js';

const outcomesIn = (pages: PullResponse[]): MutationOutcome[] =>
  pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === 'outcome' ? [op.value] : [])),
  );

describe.each(backends)('refused work at head office on $name', (backend) => {
  let server: TestServer;
  const tokens = { camille: '', manager: '', admin: '', otherManager: '', otherRep: '' };
  let otherRepId = '';
  const camilleClient = uuidv7();
  let customerId = '';
  let cookie: number | null = null;

  const list = async (token: string, input: Record<string, unknown> = {}) =>
    (await server.ok<{ refusals: Refusal[] }>('refusal-list', input, token)).refusals;
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await queryRows<{ n: number | string }>(server.database.db, query))[0]!.n);

  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 3 });
    [tokens.camille, tokens.manager, tokens.admin] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.manager),
      server.login(DEMO.admin),
    ]);
    const { db } = server.database;
    const second = await addSecondTeam(server);
    otherRepId = second.repId;
    tokens.otherManager = second.managerToken;
    tokens.otherRep = second.repToken;
    const [customer] = await queryRows<{ id: string }>(
      db,
      sql`select id from customers where owner_id = ${server.ids.repIds.camille} and deleted_at is null limit 1`,
    );
    customerId = customer!.id;
    // Camille's laptop holds the customer; head office then hands it to another team's rep.
    cookie = (await pullAll(server, tokens.camille, camilleClient, null)).at(-1)!.cookie;
    await server.ok('customer-assign', { id: customerId, ownerId: otherRepId }, tokens.admin);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  /** Two notes Camille wrote offline on the customer after it moved: their mutations and ids. */
  const note = { mutationId: '', id: '' };
  const second = { mutationId: '', id: '' };

  it('a note refused after its customer moved is listed to the rep’s manager with its text, not to another team’s', async () => {
    const mutations = [
      noteAdd(1, customerId, 'Rappeler lundi pour la commande de Noël'),
      noteAdd(2, customerId, 'Le gérant part en congés en août'),
    ];
    for (const [i, target] of [note, second].entries()) {
      const m = mutations[i]!;
      target.mutationId = m.mutationId;
      target.id = m.name === 'note-add' ? m.args.id : '';
    }
    await server.ok('sync-push', pushInput(camilleClient, mutations), tokens.camille);

    const managers = await list(tokens.manager);
    expect(managers.find((r) => r.id === note.mutationId)).toMatchObject({
      repId: server.ids.repIds.camille,
      name: 'note-add',
      code: 'forbidden',
      key: 'note.customerLeft',
      summary: { kind: 'note', text: 'Rappeler lundi pour la commande de Noël' },
      reapplicable: true,
    });
    // The customer is now another team's: its name is not this manager's to know.
    expect(managers.find((r) => r.id === note.mutationId)?.customerName).toBeUndefined();
    expect((await list(tokens.admin)).find((r) => r.id === note.mutationId)?.customerName).toBeTypeOf(
      'string',
    );

    expect((await list(tokens.otherManager)).map((r) => r.id)).not.toContain(note.mutationId);
    expect(await list(tokens.otherRep)).toEqual([]);
    // Asking for a rep of another team returns nothing.
    expect(await list(tokens.otherManager, { repId: server.ids.repIds.camille })).toEqual([]);
  });

  it('a rep lists their own refusals, named as their laptop knew them, and may neither re-apply nor dismiss', async () => {
    const own = await list(tokens.camille);
    expect(own.find((r) => r.id === note.mutationId)).toMatchObject({ reapplicable: false });
    expect(own.find((r) => r.id === note.mutationId)?.customerName).toBeTypeOf('string');
    expect(own.every((r) => r.repId === server.ids.repIds.camille)).toBe(true);
    expect((await server.call('refusal-reapply', { id: note.mutationId }, tokens.camille)).status).toBe(403);
    expect(
      (await server.call('refusal-dismiss', { id: note.mutationId, reason: 'non' }, tokens.camille)).status,
    ).toBe(403);
    // Another team's manager cannot reach it either.
    expect((await server.call('refusal-reapply', { id: note.mutationId }, tokens.otherManager)).status).toBe(
      404,
    );
    expect(await count(sql`select count(*) as n from notes where id = ${note.id}`)).toBe(0);
  });

  it('re-applied twice, the note lands on the customer once, audited once, and the rep’s laptop is told', async () => {
    const first = await server.ok<{ refusal: Refusal }>(
      'refusal-reapply',
      { id: note.mutationId },
      tokens.manager,
    );
    const again = await server.ok<{ refusal: Refusal }>(
      'refusal-reapply',
      { id: note.mutationId },
      tokens.manager,
    );
    expect(first.refusal.handled).toMatchObject({ action: 'reapplied', byName: 'Julien Mercier' });
    expect(again.refusal).toEqual(first.refusal);
    expect(first.refusal.reapplicable).toBe(false);

    expect(
      await count(sql`select count(*) as n from notes where customer_id = ${customerId}
        and body = 'Rappeler lundi pour la commande de Noël' and author_id = ${server.ids.repIds.camille}`),
    ).toBe(1);
    expect(await count(sql`select count(*) as n from audit_log where method = 'refusal-reapply'`)).toBe(1);
    // The customer's new owner reads it as the customer's history.
    const seen = await server.ok<{ notes: { id: string }[] }>(
      'customer-get',
      { id: customerId },
      tokens.otherRep,
    );
    expect(seen.notes.map((n) => n.id)).toContain(note.id);

    const outcomes = outcomesIn(await pullAll(server, tokens.camille, camilleClient, cookie));
    expect(outcomes.find((o) => o.id === note.mutationId)?.handled).toMatchObject({
      action: 'reapplied',
      byName: 'Julien Mercier',
    });
  });

  it('a dismissal keeps the refusal with its reason, once, and then it can no longer be re-applied', async () => {
    const reason = 'Déjà noté par Hugo Blanc lors de sa visite';
    const first = await server.ok<{ refusal: Refusal }>(
      'refusal-dismiss',
      { id: second.mutationId, reason },
      tokens.manager,
    );
    await server.ok('refusal-dismiss', { id: second.mutationId, reason: 'autre motif' }, tokens.manager);
    expect(first.refusal.handled).toMatchObject({ action: 'dismissed', reason });
    const reapply = await server.call('refusal-reapply', { id: second.mutationId }, tokens.manager);
    expect(reapply.status).toBe(409);
    expect(await count(sql`select count(*) as n from notes where id = ${second.id}`)).toBe(0);
    expect(await count(sql`select count(*) as n from audit_log where method = 'refusal-dismiss'`)).toBe(1);

    // Still listed, as handled; nothing deleted.
    expect((await list(tokens.manager, { status: 'open' })).map((r) => r.id)).not.toContain(
      second.mutationId,
    );
    expect(
      (await list(tokens.manager, { status: 'handled' })).find((r) => r.id === second.mutationId),
    ).toMatchObject({ handled: { action: 'dismissed', reason } });
    const outcomes = outcomesIn(await pullAll(server, tokens.camille, camilleClient, null));
    expect(outcomes.find((o) => o.id === second.mutationId)?.handled).toMatchObject({
      action: 'dismissed',
      reason,
    });
  });

  it('a note whose id a later note took is not re-applied, and the refusal stays open', async () => {
    // The laptop's refused note, then another note under the same id on one of Camille's own
    // customers (a laptop's bug or a hostile one): re-applying must not claim to have stored it.
    const [own] = await queryRows<{ id: string }>(
      server.database.db,
      sql`select id from customers where owner_id = ${server.ids.repIds.camille} and deleted_at is null limit 1`,
    );
    const lastMid = await count(sql`select last_mid as n from sync_clients where id = ${camilleClient}`);
    const refused = noteAdd(lastMid + 1, customerId, 'Commande de Noël à confirmer');
    const id = refused.name === 'note-add' ? refused.args.id : '';
    const taker = noteAdd(lastMid + 2, own!.id, 'Une autre note');
    if (taker.name === 'note-add') taker.args.id = id;
    await server.ok('sync-push', pushInput(camilleClient, [refused, taker]), tokens.camille);

    const answer = await server.call('refusal-reapply', { id: refused.mutationId }, tokens.manager);
    expect(answer.status).toBe(409);
    expect(
      await count(sql`select count(*) as n from notes where id = ${id} and customer_id = ${customerId}`),
    ).toBe(0);
    expect((await list(tokens.manager, { status: 'open' })).map((r) => r.id)).toContain(refused.mutationId);
  });
});
