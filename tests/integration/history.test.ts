/**
 * History follows the customer (decision 0019): after a customer moves to a rep of another
 * team, its orders, visit reports and appointments are read by the new rep and their manager,
 * through the methods as through the pull, and no longer by the former rep and their manager.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../src/shared/domain/activity/activity.js';
import type { VisitLog } from '../../src/shared/domain/visit/report.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import { queryRows } from '../../src/server/db/types.js';
import { addSecondTeam, backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const puts = <T>(pages: PullResponse[], entity: string): T[] =>
  pages.flatMap((p) =>
    p.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value as T] : [])),
  );

describe.each(backends)('history follows the customer on $name', (backend) => {
  let server: TestServer;
  const tokens = { camille: '', manager: '', admin: '', otherRep: '', otherManager: '' };
  let otherRepId = '';
  /** A customer of Camille's with orders and visit reports, moved to another team's rep. */
  let customerId = '';
  const camilleClient = uuidv7();
  let mid = 0;
  const envelope = () => ({ mid: (mid += 1), mutationId: uuidv7(), createdAt: new Date().toISOString() });

  /** The rows of `customerId` each caller gets from the three methods. */
  const history = async (token: string) => {
    const [orders, visits, appointments] = await Promise.all([
      server.ok<{ orders: { id: string }[] }>('order-list', { customerId, limit: 500 }, token),
      server.ok<{ visits: { id: string }[] }>(
        'visit-list',
        { customerId, reported: false, limit: 500 },
        token,
      ),
      server.ok<{ appointments: { id: string }[] }>('appointment-list', { customerId, limit: 1000 }, token),
    ]);
    return {
      orders: orders.orders.length,
      visits: visits.visits.length,
      appointments: appointments.appointments.length,
    };
  };

  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 4 });
    [tokens.camille, tokens.manager, tokens.admin] = await Promise.all([
      server.login(DEMO.camille),
      server.login(DEMO.manager),
      server.login(DEMO.admin),
    ]);
    // A second team, as head office would have it: its manager and one rep.
    const { db } = server.database;
    const second = await addSecondTeam(server);
    otherRepId = second.repId;
    tokens.otherManager = second.managerToken;
    tokens.otherRep = second.repToken;
    const [busiest] = await queryRows<{ id: string }>(
      db,
      sql`select c.id from customers c
        where c.owner_id = ${server.ids.repIds.camille} and c.deleted_at is null
          and exists (select 1 from visits v where v.customer_id = c.id)
          and exists (select 1 from appointments a where a.customer_id = c.id)
        order by (select count(*) from orders o where o.customer_id = c.id) desc limit 1`,
    );
    customerId = busiest!.id;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('the methods give the customer’s history to who holds it now, and the pull agrees', async () => {
    const before = await history(tokens.camille);
    expect(before.orders).toBeGreaterThan(0);
    expect(before.visits).toBeGreaterThan(0);
    expect(before.appointments).toBeGreaterThan(0);
    expect(await history(tokens.manager)).toEqual(before);
    expect(await history(tokens.otherManager)).toEqual({ orders: 0, visits: 0, appointments: 0 });

    await server.ok('customer-assign', { id: customerId, ownerId: otherRepId }, tokens.admin);

    const none = { orders: 0, visits: 0, appointments: 0 };
    expect(await history(tokens.camille)).toEqual(none);
    expect(await history(tokens.manager)).toEqual(none);
    expect(await history(tokens.otherRep)).toEqual(before);
    expect(await history(tokens.otherManager)).toEqual(before);
    expect(await history(tokens.admin)).toEqual(before);
    // The pull says the same to each rep.
    const hugo = await pullAll(server, tokens.otherRep, uuidv7(), null);
    expect(
      puts<{ id: string; customerId: string }>(hugo, 'order').filter((o) => o.customerId === customerId),
    ).toHaveLength(before.orders);
    const camille = await pullAll(server, tokens.camille, uuidv7(), null);
    expect(puts<Visit>(camille, 'visit').some((v) => v.customerId === customerId)).toBe(false);
  });

  it('a former rep’s old appointment is no standing pass to log visits for the customer', async () => {
    // Camille's appointment of yesterday with a customer she then loses: her report of it is
    // still taken once; a second report on it, or one dated days later, is refused.
    const { db } = server.database;
    const [spare] = await queryRows<{ id: string }>(
      db,
      sql`select id from customers where owner_id = ${server.ids.repIds.camille} and deleted_at is null
        and id <> ${customerId} limit 1`,
    );
    const moving = spare!.id;
    const appointmentId = uuidv7();
    const yesterday = new Date(Date.now() - 26 * 3_600_000);
    await server.ok(
      'sync-push',
      pushInput(camilleClient, [
        {
          ...envelope(),
          name: 'appointment-create',
          args: {
            id: appointmentId,
            customerId: moving,
            contactId: null,
            kind: 'visit',
            startAt: yesterday.toISOString(),
            durationMinutes: 45,
            objective: '',
            notes: '',
          },
        },
      ]),
      tokens.camille,
    );
    await server.ok('customer-assign', { id: moving, ownerId: otherRepId }, tokens.admin);

    const report = (startedAt: Date): Mutation => ({
      ...envelope(),
      name: 'visit-log',
      args: {
        id: uuidv7(),
        customerId: moving,
        appointmentId,
        startedAt: startedAt.toISOString(),
        endedAt: new Date(startedAt.getTime() + 30 * 60_000).toISOString(),
        channel: 'visit',
        followUpAppointmentId: null,
        course: { reachedStep: 'discovery', closingId: null, closingName: null, families: [] },
        report: {
          outcome: 'not-met',
          orderIds: [],
          needs: [],
          motives: [],
          objections: [],
          offered: [],
          nextStep: 'Rappeler',
          summary: '',
          notes: '',
        },
      } satisfies VisitLog,
    });
    const held = report(new Date(yesterday.getTime() + 10 * 60_000));
    const again = report(new Date(yesterday.getTime() + 20 * 60_000));
    const later = report(new Date());
    await server.ok('sync-push', pushInput(camilleClient, [held, again, later]), tokens.camille);
    const outcomes = puts<MutationOutcome>(
      await pullAll(server, tokens.camille, camilleClient, null),
      'outcome',
    );
    expect(outcomes.find((o) => o.id === held.mutationId)).toBeUndefined();
    expect(outcomes.find((o) => o.id === again.mutationId)).toMatchObject({ code: 'forbidden' });
    expect(outcomes.find((o) => o.id === later.mutationId)).toMatchObject({ code: 'forbidden' });
  });
});
