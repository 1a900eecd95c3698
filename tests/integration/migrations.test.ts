import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connect.js';
import { queryRows } from '../../src/server/db/types.js';
import { scopeQueries } from '../../src/server/features/sync/pull.js';
import { backends } from './harness.js';

describe.each(backends)('migrations on $name', (backend) => {
  it('create every table, and re-opening is a no-op', async () => {
    const created = await backend.create();
    try {
      for (let i = 0; i < 2; i += 1) {
        const database = await openDatabase(created.options);
        const rows = await queryRows<{ table_name: string }>(
          database.db,
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        );
        try {
          expect(rows.map((r) => r.table_name)).toEqual([
            'appointments',
            'audit_log',
            'campaign_members',
            'campaign_tasks',
            'campaigns',
            'complaint_attachments',
            'complaint_events',
            'complaints',
            'conflicts',
            'consents',
            'contacts',
            'customers',
            'login_attempts',
            'login_links',
            'marketing_actions',
            'mutation_outcomes',
            'notes',
            'order_facts',
            'order_lines',
            'order_number_counters',
            'orders',
            'playbooks',
            'price_lists',
            'prices',
            'products',
            'sessions',
            'sync_change_marks',
            'sync_client_views',
            'sync_clients',
            'teams',
            'users',
            'visits',
          ]);
        } finally {
          await database.close();
        }
      }
    } finally {
      await created.drop();
    }
  });
});

describe.each(backends.filter((b) => b.name === 'postgres'))('pull scope indexes on $name', (backend) => {
  it("the pull's scope query on orders uses the owner and customer indexes", async () => {
    const created = await backend.create();
    const database = await openDatabase(created.options);
    try {
      const db = database.db;
      // A head office with 200 reps × 50 customers × 10 orders, so the planner prefers
      // indexes over scans the way it will in production.
      await db.execute(sql`
        insert into users (id, email, name, role, password_hash)
          select gen_random_uuid(), 'rep' || g || '@example.test', 'Rep ' || g, 'rep', 'x'
          from generate_series(1, 200) g`);
      await db.execute(sql`
        insert into customers (id, name, status, owner_id)
          select gen_random_uuid(), 'Client ' || g, 'customer', u.id
          from users u, generate_series(1, 50) g`);
      await db.execute(sql`
        insert into orders (id, customer_id, number, ordered_at, status, total_excl_cents, total_vat_cents, total_incl_cents)
          select gen_random_uuid(), c.id, 'CMD-' || c.id || '-' || g, now(), 'delivered', 100, 20, 120
          from customers c, generate_series(1, 10) g`);
      await db.execute(sql`analyze`);
      const [rep] = await queryRows<{ id: string }>(db, sql`select id from users limit 1`);
      const query = scopeQueries.order({ id: rep!.id, role: 'rep', teamId: null }, rep!.id);
      const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain ${query}`);
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/customers_(live_)?owner_idx/);
      expect(text).toMatch(/orders_customer_idx/);
      expect(text).not.toMatch(/Seq Scan on orders/);
    } finally {
      await database.close();
      await created.drop();
    }
  }, 60_000);

  it("the pull's scope query on complaint events uses the customer index", async () => {
    const created = await backend.create();
    const database = await openDatabase(created.options);
    try {
      const db = database.db;
      await db.execute(sql`
        insert into users (id, email, name, role, password_hash)
          select gen_random_uuid(), 'rep' || g || '@example.test', 'Rep ' || g, 'rep', 'x'
          from generate_series(1, 200) g`);
      await db.execute(sql`
        insert into customers (id, name, status, owner_id)
          select gen_random_uuid(), 'Client ' || g, 'customer', u.id
          from users u, generate_series(1, 50) g`);
      await db.execute(sql`
        insert into complaints (id, customer_id, severity, status)
          select gen_random_uuid(), c.id, 'low', 'in-progress' from customers c`);
      await db.execute(sql`
        insert into complaint_events (id, complaint_id, customer_id, status, by_user_id, by_name, at)
          select gen_random_uuid(), k.id, k.customer_id, 'in-progress', c.owner_id, 'Rep', now()
          from complaints k join customers c on c.id = k.customer_id, generate_series(1, 4) g`);
      await db.execute(sql`analyze`);
      const [rep] = await queryRows<{ id: string }>(db, sql`select id from users limit 1`);
      const query = scopeQueries.complaintEvent({ id: rep!.id, role: 'rep', teamId: null }, rep!.id);
      const plan = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain ${query}`);
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toMatch(/complaint_events_customer_idx/);
      expect(text).not.toMatch(/Seq Scan on complaint_events/);
    } finally {
      await database.close();
      await created.drop();
    }
  }, 60_000);
});
