/**
 * The authorisation matrix, generated from the contract: who may call each method is written
 * here as the product's rule, a method missing from the table does not type-check (so a new one
 * cannot land without a decision), the handlers must say exactly the same, and every method is
 * called as each role and anonymously. Scope (a rep their portfolio, a manager their team) is
 * then checked where it changes: a rep moved to another team.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../src/shared/contract/index.js';
import type { MutationArgs, MutationName } from '../../src/shared/sync/mutations.js';
import { mutationNames } from '../../src/shared/sync/mutations.js';
import type { MutationOutcome, PullResponse } from '../../src/shared/sync/protocol.js';
import type { Method } from '../../src/shared/contract/index.js';
import type { Role } from '../../src/shared/domain/user/user.js';
import { createSession } from '../../src/server/features/auth/sessions.js';
import { handlers } from '../../src/server/handlers.js';
import { queryRows } from '../../src/server/db/types.js';
import { backends, DEMO, pullAll, pushInput, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

const EVERYONE = ['rep', 'manager', 'admin'] as const;
const STAFF = ['manager', 'admin'] as const;
const ADMIN = ['admin'] as const;

/** Who may call each method. Reads are scoped inside (a rep their portfolio, a manager their team). */
const mayCall: { readonly [M in Method]: 'public' | readonly Role[] } = {
  'auth-login': 'public',
  'auth-redeem-link': 'public',
  'auth-logout': EVERYONE,
  'auth-me': EVERYONE,
  'auth-sessions': EVERYONE,
  'auth-revoke': EVERYONE,
  'user-set-locale': EVERYONE,
  'user-list': STAFF,
  'user-create': ADMIN,
  'sync-push': EVERYONE,
  'sync-pull': EVERYONE,
  'sync-wait': EVERYONE,
  'customer-list': EVERYONE,
  'customer-get': EVERYONE,
  'customer-create': STAFF,
  'customer-update': EVERYONE,
  'customer-assign': STAFF,
  'customer-delete': STAFF,
  'import-run': ADMIN,
  'appointment-list': EVERYONE,
  'appointment-set': STAFF,
  'appointment-update': STAFF,
  'appointment-cancel': STAFF,
  'order-list': EVERYONE,
  'order-set-status': STAFF,
  'order-approve': STAFF,
  'complaint-list': EVERYONE,
  'complaint-update-status': STAFF,
  'complaint-attachment-get': EVERYONE,
  'playbook-get': EVERYONE,
  'playbook-save': ADMIN,
  'visit-list': EVERYONE,
  'rfm-scores': EVERYONE,
  'rfm-migrations': EVERYONE,
  'rfm-customers': EVERYONE,
  'team-review': EVERYONE,
  'team-review-customers': EVERYONE,
  'visit-failures': EVERYONE,
  'complaints-review': EVERYONE,
  'lost-customers': EVERYONE,
  'campaign-create': STAFF,
  'campaign-end': STAFF,
  'campaign-list': EVERYONE,
  'campaign-results': EVERYONE,
  'refusal-list': EVERYONE,
  'refusal-reapply': STAFF,
  'refusal-dismiss': STAFF,
};

describe.each(backends)('authorisation matrix on $name', (backend) => {
  let server: TestServer;
  const userIds: Record<Role, string> = { rep: '', manager: '', admin: '' };

  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 3 });
    userIds.rep = server.ids.repIds.camille;
    userIds.manager = server.ids.managerId;
    userIds.admin = server.ids.adminId;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it('the handlers enforce exactly the roles of the table, for every method of the contract', () => {
    expect(Object.keys(mayCall).sort()).toEqual([...methods].sort());
    for (const method of methods) {
      expect({ method, auth: handlers[method].auth }).toEqual({ method, auth: mayCall[method] });
    }
  });

  it('every method: anonymous callers get 401, other roles 403, before any input is looked at', async () => {
    const db = server.database.db;
    const outcomes: string[] = [];
    for (const method of methods) {
      const allowed = mayCall[method];
      const anonymous = await server.call(method, { nonsense: true });
      outcomes.push(`${method} anonymous ${anonymous.status}`);
      if (allowed === 'public') expect(anonymous.status).not.toBe(401);
      else expect({ method, status: anonymous.status }).toEqual({ method, status: 401 });
      for (const role of EVERYONE) {
        // A fresh session per call: some calls (auth-logout) end the session they come with.
        const { token } = await createSession(db, userIds[role], 'matrix', new Date());
        const reply = await server.call(method, { nonsense: true }, token);
        const refusedForRole =
          reply.status === 403 && !reply.body.ok && reply.body.error.code === 'forbidden';
        if (allowed === 'public' || allowed.includes(role)) {
          expect({ method, role, refusedForRole, status: reply.status < 500 }).toEqual({
            method,
            role,
            refusedForRole: false,
            status: true,
          });
        } else {
          expect({ method, role, refusedForRole }).toEqual({ method, role, refusedForRole: true });
        }
      }
    }
    expect(outcomes).toHaveLength(methods.length);
  }, 120_000);

  it('a rep moved to another team leaves their former manager’s view at once, and joins the new one’s', async () => {
    const db = server.database.db;
    const thomas = server.ids.repIds.thomas;
    const teamId = uuidv7();
    const otherManagerId = uuidv7();
    await db.execute(sql`insert into teams (id, name) values (${teamId}, 'Occitanie')`);
    await db.execute(sql`insert into users (id, email, name, role, team_id, password_hash)
      values (${otherManagerId}, 'lea.fabre@tournee.test', 'Léa Fabre', 'manager', ${teamId}, 'x')`);
    const manager = await server.login(DEMO.manager);
    const otherManager = (await createSession(db, otherManagerId, 'test', new Date())).token;
    /** What a manager sees of Thomas: his customers, orders, visits, and him in the team review. */
    const seen = async (token: string) => {
      const [customers, orders, visits, review] = await Promise.all([
        server.ok<{ customers: { ownerId: string | null }[] }>('customer-list', { limit: 1000 }, token),
        server.ok<{ orders: { repId: string | null }[] }>('order-list', { repId: thomas, limit: 500 }, token),
        server.call('visit-list', { repId: thomas, limit: 500 }, token),
        server.call('team-review-customers', { from: '2026-01-01', to: '2026-03-31', repId: thomas }, token),
      ]);
      return {
        customers: customers.customers.filter((c) => c.ownerId === thomas).length > 0,
        orders: orders.orders.length > 0,
        visits: visits.body.ok && (visits.body.value as { visits: unknown[] }).visits.length > 0,
        review: review.status,
      };
    };
    expect(await seen(manager)).toEqual({ customers: true, orders: true, visits: true, review: 200 });
    expect(await seen(otherManager)).toEqual({ customers: false, orders: false, visits: false, review: 403 });

    await db.execute(sql`update users set team_id = ${teamId} where id = ${thomas}`);

    expect(await seen(manager)).toEqual({ customers: false, orders: false, visits: false, review: 403 });
    expect(await seen(otherManager)).toEqual({ customers: true, orders: true, visits: true, review: 200 });
  });

  it('every sync mutation about another rep’s customer is refused, and changes nothing', async () => {
    const db = server.database.db;
    const camille = (await createSession(db, server.ids.repIds.camille, 'matrix', new Date())).token;
    const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(db, query))[0]!;
    // Rows of another rep's customer, as a hostile rep who learnt their ids would name them.
    const thomas = server.ids.repIds.thomas;
    const customer = await one<{ id: string; version: number }>(
      sql`select id, version from customers where owner_id = ${thomas} and deleted_at is null limit 1`,
    );
    const appointment = await one<{ id: string; version: number }>(
      sql`select a.id, a.version from appointments a join customers c on c.id = a.customer_id
        where c.owner_id = ${thomas} and a.deleted_at is null limit 1`,
    );
    const order = await one<{ id: string; version: number }>(
      sql`select o.id, o.version from orders o join customers c on c.id = o.customer_id
        where c.owner_id = ${thomas} and o.deleted_at is null limit 1`,
    );
    const product = await one<{ id: string }>(sql`select id from products where active limit 1`);
    const now = new Date().toISOString();
    const complaintId = uuidv7();
    const lines = [{ id: uuidv7(), productId: product.id, quantity: 1, discountBp: 0 }];
    /** Valid arguments of each mutation, aimed at Thomas's rows. A new mutation needs an entry here. */
    const hostile: { [N in MutationName]: () => MutationArgs<N> } = {
      'note-add': () => ({ id: uuidv7(), customerId: customer.id, body: 'Intrus', createdAt: now }),
      'customer-update': () => ({
        id: customer.id,
        baseVersion: customer.version,
        changes: { phone: '0600000000' },
      }),
      'appointment-create': () => ({
        id: uuidv7(),
        customerId: customer.id,
        contactId: null,
        kind: 'visit',
        startAt: now,
        durationMinutes: 30,
        objective: '',
        notes: '',
      }),
      'appointment-update': () => ({
        id: appointment.id,
        baseVersion: appointment.version,
        changes: { objective: 'Intrus' },
      }),
      'appointment-cancel': () => ({ id: appointment.id, baseVersion: appointment.version }),
      'complaint-log': () => ({
        id: complaintId,
        eventId: uuidv7(),
        customerId: customer.id,
        category: 'delivery',
        productId: null,
        orderId: null,
        description: 'Intrus',
        severity: 'low',
        createdAt: now,
      }),
      'complaint-event': () => ({ id: uuidv7(), complaintId, status: 'closed', note: 'Intrus', at: now }),
      'attachment-add': () => ({
        id: uuidv7(),
        complaintId,
        fileName: 'x.txt',
        mimeType: 'text/plain',
        sizeBytes: 1,
        sha256: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb',
        contentBase64: 'YQ==',
        at: now,
      }),
      'order-create': () => ({
        id: uuidv7(),
        customerId: customer.id,
        orderedAt: now,
        deliveryDate: null,
        lines,
        note: '',
        signature: null,
      }),
      'order-update': () => ({
        id: order.id,
        baseVersion: order.version,
        deliveryDate: null,
        lines,
        note: 'Intrus',
      }),
      'order-cancel': () => ({ id: order.id, baseVersion: order.version }),
      'visit-log': () => ({
        id: uuidv7(),
        customerId: customer.id,
        appointmentId: null,
        startedAt: now,
        endedAt: now,
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
          nextStep: '',
          summary: '',
          notes: '',
        },
      }),
    };
    const state = () =>
      one<Record<string, string>>(
        sql`select
          (select count(*) || '/' || sum(version) from customers) as customers,
          (select count(*) || '/' || sum(version) from appointments) as appointments,
          (select count(*) || '/' || sum(version) from orders) as orders,
          (select count(*) from notes) as notes, (select count(*) from visits) as visits,
          (select count(*) from complaints) as complaints,
          (select count(*) from complaint_attachments) as attachments`,
      );
    const before = await state();
    const clientId = uuidv7();
    const mutations = mutationNames.map((name, i) => ({
      mid: i + 1,
      mutationId: uuidv7(),
      createdAt: now,
      name,
      args: hostile[name](),
    }));
    expect(await server.ok('sync-push', pushInput(clientId, mutations as never), camille)).toEqual({
      lastMid: mutations.length,
    });
    expect(await state()).toEqual(before);
    const outcomes = (await pullAll(server, camille, clientId, null))
      .flatMap((p: PullResponse) => p.patch)
      .flatMap((op) => (op.op === 'put' && op.entity === 'outcome' ? [op.value] : [])) as MutationOutcome[];
    // Each one refused, with a refusal the rep sees, and no name of Thomas's customer told.
    expect(outcomes.map((o) => o.name).sort()).toEqual([...mutationNames].sort());
    expect(outcomes.every((o) => o.customerName === undefined)).toBe(true);
  });
});
