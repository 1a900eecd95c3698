import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema.js';
import type { Appointment } from '../../src/shared/domain/appointment/appointment.js';
import type { Customer } from '../../src/shared/domain/customer/customer.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { Conflict, MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const envelope = (mid: number) => ({ mid, mutationId: uuidv7(), createdAt: new Date().toISOString() });

function puts<T>(pages: PullResponse[], entity: string): T[] {
  return pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as T] : [])),
  );
}

/** A start some days ahead (a late push may carry a past start: head office accepts it). */
function daysAhead(days: number, hourUtc: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

describe.each(backends)('appointments on $name', (backend) => {
  let server: TestServer;
  let camille: string;
  let thomas: string;
  let manager: string;
  let camilleCustomer: Customer;
  let thomasCustomer: Customer;

  beforeAll(async () => {
    server = await startTestServer(backend);
    [camille, thomas, manager] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.thomas),
      server.login(DEMO.manager),
    ]);
    const list = async (ownerId: string) =>
      (await server.ok<{ customers: Customer[] }>('customer-list', { ownerId, limit: 1 }, manager))
        .customers[0];
    camilleCustomer = (await list(server.ids.repIds.camille))!;
    thomasCustomer = (await list(server.ids.repIds.thomas))!;
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  function create(mid: number, customerId: string, extra: Partial<Mutation['args']> = {}): Mutation {
    return {
      ...envelope(mid),
      name: 'appointment-create',
      args: {
        id: uuidv7(),
        customerId,
        contactId: null,
        kind: 'visit',
        startAt: daysAhead(3, 8),
        durationMinutes: 45,
        objective: 'Présenter la gamme hiver',
        notes: '',
        ...extra,
      },
    } as Mutation;
  }

  async function list(token: string, customerId: string): Promise<Appointment[]> {
    return (await server.ok<{ appointments: Appointment[] }>('appointment-list', { customerId }, token))
      .appointments;
  }

  it('a rep creates, moves and cancels offline, pushes once, and head office has it all (applied once)', async () => {
    const clientId = uuidv7();
    const a = create(1, camilleCustomer.id);
    const b = create(2, camilleCustomer.id, { startAt: daysAhead(4, 13), kind: 'call', durationMinutes: 15 });
    const aId = (a.args as { id: string }).id;
    const bId = (b.args as { id: string }).id;
    const batch: Mutation[] = [
      a,
      b,
      {
        ...envelope(3),
        name: 'appointment-update',
        args: { id: aId, baseVersion: 0, changes: { startAt: daysAhead(3, 12) } },
      },
      { ...envelope(4), name: 'appointment-cancel', args: { id: bId, baseVersion: 0 } },
    ];
    expect(await server.ok('sync-push', pushInput(clientId, batch), camille)).toEqual({ lastMid: 4 });
    // The same batch again (a lost answer): nothing applies twice.
    expect(await server.ok('sync-push', pushInput(clientId, batch), camille)).toEqual({ lastMid: 4 });
    const atHeadOffice = await list(manager, camilleCustomer.id);
    const movedA = atHeadOffice.find((x) => x.id === aId);
    expect(movedA).toMatchObject({
      startAt: daysAhead(3, 12),
      status: 'planned',
      version: 2,
      setByManagerName: null,
    });
    expect(atHeadOffice.find((x) => x.id === bId)).toMatchObject({
      status: 'cancelled',
      kind: 'call',
      version: 2,
    });
    expect(atHeadOffice.filter((x) => x.id === aId)).toHaveLength(1);
    // The rep's pull brings head office's rows back.
    const pages = await pullAll(server, camille, clientId, null);
    expect(puts<Appointment>(pages, 'appointment').find((x) => x.id === aId)?.version).toBe(2);
  });

  it('head office refuses a zero duration and another rep\u2019s customer, visibly, without blocking the queue', async () => {
    const clientId = uuidv7();
    const zero = create(1, camilleCustomer.id, { durationMinutes: 1 });
    const foreign = create(2, thomasCustomer.id);
    const fine = create(3, camilleCustomer.id);
    expect(await server.ok('sync-push', pushInput(clientId, [zero, foreign, fine]), camille)).toEqual({
      lastMid: 3,
    });
    const pages = await pullAll(server, camille, clientId, null);
    const outcomes = puts<MutationOutcome>(pages, 'outcome').filter((o) => o.clientId === clientId);
    expect(outcomes.map((o) => [o.mid, o.code])).toEqual([
      [1, 'bad-request'],
      [2, 'forbidden'],
    ]);
    expect(outcomes[0]?.detail).toContain('Présenter la gamme hiver');
    const ids = puts<Appointment>(pages, 'appointment').map((x) => x.id);
    expect(ids).toContain((fine.args as { id: string }).id);
    expect(ids).not.toContain((foreign.args as { id: string }).id);
  });

  it('a rep cannot move or cancel another rep\u2019s appointment', async () => {
    const { appointment } = await server.ok<{ appointment: Appointment }>(
      'appointment-set',
      { ...(create(1, thomasCustomer.id).args as object), repId: server.ids.repIds.thomas },
      manager,
    );
    const clientId = uuidv7();
    await server.ok(
      'sync-push',
      pushInput(clientId, [
        {
          ...envelope(1),
          name: 'appointment-update',
          args: { id: appointment.id, baseVersion: 1, changes: { startAt: daysAhead(5, 9) } },
        },
        { ...envelope(2), name: 'appointment-cancel', args: { id: appointment.id, baseVersion: 1 } },
      ]),
      camille,
    );
    const [after] = (await list(manager, thomasCustomer.id)).filter((x) => x.id === appointment.id);
    expect(after).toMatchObject({ startAt: appointment.startAt, status: 'planned', version: 1 });
    const outcomes = puts<MutationOutcome>(await pullAll(server, camille, clientId, null), 'outcome').filter(
      (o) => o.clientId === clientId,
    );
    expect(outcomes.map((o) => o.code)).toEqual(['not-found', 'not-found']);
    // Nor through head office's methods.
    const reply = await server.call(
      'appointment-update',
      { id: appointment.id, changes: { durationMinutes: 30 } },
      camille,
    );
    expect(reply.body.ok).toBe(false);
    expect((await list(thomas, thomasCustomer.id)).some((x) => x.id === appointment.id)).toBe(true);
    expect(await list(camille, thomasCustomer.id)).toEqual([]);
  });

  it('a manager sets an appointment for their rep: the rep pulls it marked as set by the manager', async () => {
    const clientId = uuidv7();
    const first = await pullAll(server, camille, clientId, null);
    const cookie = first.at(-1)?.cookie ?? null;
    const id = uuidv7();
    await server.ok(
      'appointment-set',
      { ...(create(1, camilleCustomer.id, { id }).args as object), repId: server.ids.repIds.camille },
      manager,
    );
    const next = await pullAll(server, camille, clientId, cookie);
    const pulled = puts<Appointment>(next, 'appointment');
    expect(pulled).toHaveLength(1);
    expect(pulled[0]).toMatchObject({
      id,
      repId: server.ids.repIds.camille,
      setByManagerName: 'Julien Mercier',
      version: 1,
    });
  });

  it('a manager may only plan for reps of their team, for a customer of that rep', async () => {
    const wrongCustomer = await server.call(
      'appointment-set',
      { ...(create(1, thomasCustomer.id).args as object), repId: server.ids.repIds.camille },
      manager,
    );
    expect(wrongCustomer.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asRep = await server.call(
      'appointment-set',
      { ...(create(1, camilleCustomer.id).args as object), repId: server.ids.repIds.camille },
      camille,
    );
    expect(asRep.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('manager and rep both move it while the rep is offline: the later push wins, the manager\u2019s start is in the rep\u2019s conflict log', async () => {
    const clientId = uuidv7();
    const id = uuidv7();
    const { appointment } = await server.ok<{ appointment: Appointment }>(
      'appointment-set',
      {
        ...(create(1, camilleCustomer.id, { id, startAt: daysAhead(6, 8) }).args as object),
        repId: server.ids.repIds.camille,
      },
      manager,
    );
    const first = await pullAll(server, camille, clientId, null);
    const cookie = first.at(-1)?.cookie ?? null;
    // The rep goes offline and moves it to the afternoon (base version 1)…
    const repMove: Mutation = {
      ...envelope(1),
      name: 'appointment-update',
      args: { id, baseVersion: appointment.version, changes: { startAt: daysAhead(6, 14) } },
    };
    // …while the manager moves it to 10:00 at head office.
    await server.ok(
      'appointment-update',
      { id, baseVersion: 1, changes: { startAt: daysAhead(6, 10) } },
      manager,
    );
    await server.ok('sync-push', pushInput(clientId, [repMove]), camille);
    const [after] = (await list(manager, camilleCustomer.id)).filter((x) => x.id === id);
    expect(after).toMatchObject({ startAt: daysAhead(6, 14), version: 3 });
    const next = await pullAll(server, camille, clientId, cookie);
    expect(puts<Appointment>(next, 'appointment').find((x) => x.id === id)?.startAt).toBe(daysAhead(6, 14));
    const conflicts = puts<Conflict>(next, 'conflict').filter((c) => c.entityId === id);
    expect(conflicts).toEqual([
      expect.objectContaining({
        entity: 'appointment',
        field: 'startAt',
        lostValue: daysAhead(6, 10),
        keptValue: daysAhead(6, 14),
        lostBy: 'Julien Mercier',
        keptBy: 'Camille Martin',
      }),
    ]);
    expect(conflicts[0]?.entityLabel).toContain(camilleCustomer.name);
    // The manager sees it too.
    const managerPages = await pullAll(server, manager, uuidv7(), null);
    expect(puts<Conflict>(managerPages, 'conflict').some((c) => c.entityId === id)).toBe(true);
  });

  it('a reassigned customer takes its planned appointments to the new rep, who may move them', async () => {
    const { customers } = await server.ok<{ customers: Customer[] }>(
      'customer-list',
      { ownerId: server.ids.repIds.camille, limit: 3 },
      manager,
    );
    const moving = customers.find((c) => c.id !== camilleCustomer.id)!;
    const camilleClient = uuidv7();
    const planned = create(1, moving.id, { startAt: daysAhead(6, 9) });
    const plannedId = (planned.args as { id: string }).id;
    expect(await server.ok('sync-push', pushInput(camilleClient, [planned]), camille)).toEqual({
      lastMid: 1,
    });
    const before = await pullAll(server, camille, camilleClient, null);
    expect(puts<Appointment>(before, 'appointment').map((a) => a.id)).toContain(plannedId);

    await server.ok('customer-assign', { id: moving.id, ownerId: server.ids.repIds.thomas }, manager);

    const thomasClient = uuidv7();
    const handedOver = puts<Appointment>(
      await pullAll(server, thomas, thomasClient, null),
      'appointment',
    ).find((a) => a.id === plannedId);
    expect(handedOver).toMatchObject({ repId: server.ids.repIds.thomas, status: 'planned' });
    const move: Mutation = {
      ...envelope(1),
      name: 'appointment-update',
      args: { id: plannedId, baseVersion: handedOver!.version, changes: { startAt: daysAhead(6, 13) } },
    };
    expect(await server.ok('sync-push', pushInput(thomasClient, [move]), thomas)).toEqual({ lastMid: 1 });
    expect((await list(manager, moving.id)).find((a) => a.id === plannedId)).toMatchObject({
      startAt: daysAhead(6, 13),
      repId: server.ids.repIds.thomas,
    });
    // Camille's laptop drops it at her next pull.
    const last = before[before.length - 1]!;
    const after = await pullAll(server, camille, camilleClient, last.cookie);
    expect(after.flatMap((p) => p.patch).some((op) => op.op === 'del' && op.id === plannedId)).toBe(true);
  });

  it('refuses to list another team’s rep’s agenda, or another rep’s for a rep, rather than answer nothing', async () => {
    const [karim] = await server.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'karim.benali@tournee.test'));
    const other = await server.call('appointment-list', { repId: karim!.id }, manager);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ ok: false, error: { key: 'scope.repOutsideTeam', field: 'repId' } });
    const colleague = await server.call('appointment-list', { repId: server.ids.repIds.thomas }, camille);
    expect(colleague.body).toMatchObject({ ok: false, error: { key: 'scope.repOnlySelf' } });
    const own = await server.call('appointment-list', { repId: server.ids.repIds.camille }, manager);
    expect(own.status).toBe(200);
  });
});
