import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, uuidv7 } from '../harness.js';
import type { MigrationStepper } from './stepper.js';
import { migrationTags, openAt, planWithoutSeqScan } from './stepper.js';

const ids = { team: uuidv7(), user: uuidv7(), customer: uuidv7(), client: uuidv7() };
const at = '2026-03-01T08:00:00.000Z';

/** Rows every later migration finds: a user and a customer of 0000_init's shape. */
async function initRows(s: MigrationStepper): Promise<void> {
  await s.db.execute(sql`insert into teams (id, name) values (${ids.team}, 'Lyon')`);
  await s.db.execute(
    sql`insert into users (id, email, name, role, password_hash, team_id) values (${ids.user}, 'rep@example.test', 'Rep', 'rep', 'x', ${ids.team})`,
  );
  await s.db.execute(
    sql`insert into customers (id, name, status, owner_id) values (${ids.customer}, 'Café du Port', 'customer', ${ids.user})`,
  );
}

describe.each(backends)('per-migration data on $name', (backend) => {
  let stepper: MigrationStepper | undefined;
  afterEach(async () => {
    await stepper?.close();
    stepper = undefined;
  });

  it('knows every committed migration', () => {
    expect(migrationTags[0]).toBe('0000_init');
    expect(migrationTags.length).toBeGreaterThanOrEqual(10);
  });

  it('0001_portfolio gives existing customers the new profile fields, empty', async () => {
    const s = (stepper = await openAt(backend, '0000_init'));
    await initRows(s);
    await s.migrateTo('0001_portfolio');
    const [customer] = await s.rows<Record<string, unknown>>(
      sql`select name, siret, naf_code, price_group, preferred_visit_days, competitors, latitude, first_contact_date, external_ref from customers where id = ${ids.customer}`,
    );
    expect(customer).toEqual({
      name: 'Café du Port',
      siret: '',
      naf_code: '',
      price_group: '',
      preferred_visit_days: [],
      competitors: [],
      latitude: null,
      first_contact_date: null,
      external_ref: null,
    });
  });

  it('0002_outcome_detail gives stored outcomes an empty detail', async () => {
    const s = (stepper = await openAt(backend, '0001_portfolio'));
    await initRows(s);
    const id = uuidv7();
    await s.db.execute(
      sql`insert into sync_clients (id, user_id, created_at, last_seen_at) values (${ids.client}, ${ids.user}, ${at}, ${at})`,
    );
    await s.db.execute(
      sql`insert into mutation_outcomes (id, client_id, mid, name, code, message, at) values (${id}, ${ids.client}, 1, 'note-add', 'forbidden', 'Not yours', ${at})`,
    );
    await s.migrateTo('0002_outcome_detail');
    const rows = await s.rows<{ code: string; detail: string }>(
      sql`select code, detail from mutation_outcomes where id = ${id}`,
    );
    expect(rows).toEqual([{ code: 'forbidden', detail: '' }]);
  });

  it('0003_sync_reset_version starts every known client at reset version 0', async () => {
    const s = (stepper = await openAt(backend, '0002_outcome_detail'));
    await initRows(s);
    await s.db.execute(
      sql`insert into sync_clients (id, user_id, created_at, last_seen_at) values (${ids.client}, ${ids.user}, ${at}, ${at})`,
    );
    await s.migrateTo('0003_sync_reset_version');
    const rows = await s.rows<{ reset_version: number }>(
      sql`select reset_version from sync_clients where id = ${ids.client}`,
    );
    expect(rows).toEqual([{ reset_version: 0 }]);
  });

  it('0004_appointment_field_versions gives existing appointments empty field versions', async () => {
    const s = (stepper = await openAt(backend, '0003_sync_reset_version'));
    await initRows(s);
    const id = uuidv7();
    await s.db.execute(
      sql`insert into appointments (id, customer_id, rep_id, kind, start_at, duration_minutes, status) values (${id}, ${ids.customer}, ${ids.user}, 'visit', ${at}, 45, 'planned')`,
    );
    await s.migrateTo('0004_appointment_field_versions');
    const rows = await s.rows<Record<string, unknown>>(
      sql`select duration_minutes, field_versions, field_authors, version from appointments where id = ${id}`,
    );
    expect(rows).toEqual([{ duration_minutes: 45, field_versions: {}, field_authors: {}, version: 1 }]);
  });

  it('0006_order_taking: imported orders need no approval, reps get the 10 % default limit', async () => {
    const s = (stepper = await openAt(backend, '0005_complaint_events'));
    await initRows(s);
    const id = uuidv7();
    await s.db.execute(
      sql`insert into orders (id, customer_id, rep_id, number, ordered_at, status, total_excl_cents, total_vat_cents, total_incl_cents) values (${id}, ${ids.customer}, ${ids.user}, 'CMD-2025-000001', ${at}, 'delivered', 2010, 111, 2121)`,
    );
    await s.migrateTo('0006_order_taking');
    const [order] = await s.rows<Record<string, unknown>>(
      sql`select approval, note, signature, confirmed_at, status, total_incl_cents::int as total from orders where id = ${id}`,
    );
    expect(order).toEqual({
      approval: 'not-needed',
      note: '',
      signature: null,
      confirmed_at: null,
      status: 'delivered',
      total: 2121,
    });
    const users = await s.rows<{ max_discount_bp: number }>(
      sql`select max_discount_bp from users where id = ${ids.user}`,
    );
    expect(users).toEqual([{ max_discount_bp: 1000 }]);
  });

  it('0008_visit_report_playbook gives logged visits an empty report', async () => {
    const s = (stepper = await openAt(backend, '0007_complaint_attachments'));
    await initRows(s);
    const id = uuidv7();
    await s.db.execute(
      sql`insert into visits (id, customer_id, rep_id, at, channel, outcome) values (${id}, ${ids.customer}, ${ids.user}, ${at}, 'visit', 'order')`,
    );
    await s.migrateTo('0008_visit_report_playbook');
    const rows = await s.rows<Record<string, unknown>>(
      sql`select outcome, appointment_id, no_sale_reason, follow_up_appointment_id, needs, motives, offered, order_ids, next_step from visits where id = ${id}`,
    );
    expect(rows).toEqual([
      {
        outcome: 'order',
        appointment_id: null,
        no_sale_reason: null,
        follow_up_appointment_id: null,
        needs: [],
        motives: [],
        offered: [],
        order_ids: [],
        next_step: '',
      },
    ]);
  });

  it('0009_visit_notes_playbook_unique: visits get empty notes, playbook versions stay and become unique', async () => {
    const s = (stepper = await openAt(backend, '0008_visit_report_playbook'));
    await initRows(s);
    const visit = uuidv7();
    await s.db.execute(
      sql`insert into visits (id, customer_id, rep_id, at, channel, outcome) values (${visit}, ${ids.customer}, ${ids.user}, ${at}, 'visit', 'order')`,
    );
    for (const version of [1, 2]) {
      await s.db.execute(
        sql`insert into playbooks (id, document, updated_by, version) values (${uuidv7()}, ${JSON.stringify({ steps: [] })}::jsonb, ${ids.user}, ${version})`,
      );
    }
    await s.migrateTo('0009_visit_notes_playbook_unique');
    expect(await s.rows(sql`select notes from visits where id = ${visit}`)).toEqual([{ notes: '' }]);
    expect(await s.rows(sql`select version from playbooks order by version`)).toEqual([
      { version: 1 },
      { version: 2 },
    ]);
    await expect(
      s.db.execute(sql`insert into playbooks (id, document, version) values (${uuidv7()}, '{}'::jsonb, 2)`),
    ).rejects.toThrow();
  });

  it('0017_order_facts copies the counted orders already there, each with its gap, and keeps them after', async () => {
    const s = (stepper = await openAt(backend, '0016_pull_cursor'));
    await initRows(s);
    const order = (id: string, day: string, status: string, deleted = false) =>
      s.db.execute(
        sql`insert into orders (id, customer_id, rep_id, number, ordered_at, status, total_excl_cents, total_vat_cents, total_incl_cents, deleted_at)
          values (${id}, ${ids.customer}, ${ids.user}, ${`CMD-${id}`}, ${`${day}T08:00:00.000Z`}, ${status}, 1000, 200, 1200,
          ${deleted ? at : null})`,
      );
    const [first, cancelled, tombstoned, second, draft] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await order(first!, '2026-01-01', 'delivered');
    await order(cancelled!, '2026-01-05', 'cancelled');
    await order(tombstoned!, '2026-01-08', 'confirmed', true);
    await order(second!, '2026-01-11', 'confirmed');
    await order(draft!, '2026-01-20', 'draft');
    await s.migrateTo('0017_order_facts');
    const facts = () =>
      s.rows<{ order_id: string; gap_days: number | null; total_excl_cents: string | number }>(
        sql`select order_id, gap_days, total_excl_cents from order_facts order by ordered_at`,
      );
    expect((await facts()).map((f) => [f.order_id, f.gap_days, Number(f.total_excl_cents)])).toEqual([
      [first, null, 1000],
      [second, 10, 1000],
    ]);
    // From now on the triggers keep them: the draft sent counts, 9 days after the second.
    await s.db.execute(sql`update orders set status = 'received' where id = ${draft!}`);
    expect((await facts()).map((f) => f.gap_days)).toEqual([null, 10, 9]);
  });

  it('0020_outcome_content leaves stored refusals open, at version 1, with no content kept', async () => {
    const s = (stepper = await openAt(backend, '0019_outcome_customer_name'));
    await initRows(s);
    const id = uuidv7();
    await s.db.execute(
      sql`insert into sync_clients (id, user_id, created_at, last_seen_at) values (${ids.client}, ${ids.user}, ${at}, ${at})`,
    );
    await s.db.execute(
      sql`insert into mutation_outcomes (id, client_id, mid, name, code, message, detail, customer_name, at)
        values (${id}, ${ids.client}, 1, 'note-add', 'forbidden', 'Not yours', 'Rappeler lundi', 'Café du Port', ${at})`,
    );
    await s.migrateTo('0020_outcome_content');
    const rows = await s.rows<Record<string, unknown>>(
      sql`select detail, customer_name, args, customer_id, version, handled_action, handled_by, handled_at, handled_reason
        from mutation_outcomes where id = ${id}`,
    );
    expect(rows).toEqual([
      {
        detail: 'Rappeler lundi',
        customer_name: 'Café du Port',
        args: null,
        customer_id: null,
        version: 1,
        handled_action: null,
        handled_by: null,
        handled_at: null,
        handled_reason: null,
      },
    ]);
  });

  it('the indexes migrations add serve the queries they were made for', async () => {
    const s = (stepper = await openAt(backend, migrationTags[migrationTags.length - 1]!));
    const uses = async (query: ReturnType<typeof sql>, index: string) =>
      expect(await planWithoutSeqScan(s.db, query)).toContain(index);
    // 0001: a rep's agenda, an order history, a customer's contacts, an import by reference.
    await uses(
      sql`select id from appointments where rep_id = ${ids.user} and start_at >= ${at} and start_at < ${at}`,
      'appointments_rep_idx',
    );
    await uses(
      sql`select id from orders where customer_id = ${ids.customer} order by ordered_at desc`,
      'orders_customer_idx',
    );
    await uses(sql`select id from contacts where customer_id = ${ids.customer}`, 'contacts_customer_idx');
    await uses(sql`select id from customers where external_ref = 'C001'`, 'customers_external_ref_unique');
    await uses(sql`select id from prices where product_id = ${ids.customer}`, 'prices_product_idx');
    // 0005: a complaint's events in time order.
    await uses(
      sql`select id from complaint_events where complaint_id = ${ids.customer} order by at`,
      'complaint_events_complaint_idx',
    );
    await uses(
      sql`select id from complaint_events where customer_id = ${ids.customer}`,
      'complaint_events_customer_idx',
    );
    // 0007: a complaint's attachments.
    await uses(
      sql`select id from complaint_attachments where complaint_id = ${ids.customer}`,
      'complaint_attachments_complaint_idx',
    );
    await uses(
      sql`select id from complaint_attachments where customer_id = ${ids.customer}`,
      'complaint_attachments_customer_idx',
    );
    // 0009: the playbook of a version (the editor's save checks it).
    await uses(sql`select id from playbooks where version = 3`, 'playbooks_version_unique');
    // 0017: a customer's purchases in order, for RFM and the rhythm.
    await uses(
      sql`select ordered_at, total_excl_cents, gap_days from order_facts where customer_id = ${ids.customer} order by ordered_at`,
      'order_facts_customer_idx',
    );
    // 0018: the team review's reads, from the index alone (INCLUDE carries what is counted):
    // without it the planner, left only index scans, would take a plain one and read the table.
    const covered = async (query: ReturnType<typeof sql>, index: string) =>
      expect(await planWithoutSeqScan(s.db, query, { bitmap: false })).toContain(index);
    await covered(
      sql`select customer_id, total_excl_cents, gap_days from order_facts where ordered_at >= ${at} and ordered_at < ${at}`,
      'Index Only Scan using order_facts_at_idx',
    );
    await covered(
      sql`select rep_id, channel, outcome from visits where deleted_at is null and at >= ${at} and at < ${at}`,
      'Index Only Scan using visits_live_at_idx',
    );
    await covered(
      sql`select id, owner_id from customers where deleted_at is null and owner_id = ${ids.user}`,
      'Index Only Scan using customers_live_owner_idx',
    );
  });
});
