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
import type { Method } from '../../src/shared/contract/index.js';
import type { Role } from '../../src/shared/domain/user/user.js';
import { createSession } from '../../src/server/features/auth/sessions.js';
import { handlers } from '../../src/server/handlers.js';
import { backends, DEMO, startTestServer, uuidv7 } from './harness.js';
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
});
