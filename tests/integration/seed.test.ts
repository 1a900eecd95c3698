import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connect.js';
import type { Database } from '../../src/server/db/connect.js';
import { queryRows } from '../../src/server/db/types.js';
import { testHashOptions } from '../../src/server/features/auth/passwords.js';
import { generateCompany } from '../../src/server/seed/company.js';
import { seedDemoCompany } from '../../src/server/seed/demo.js';
import { resetDatabase } from '../../src/server/seed/reset.js';
import { backends } from './harness.js';

const referenceDate = '2026-11-23';

describe.each(backends)('demo company writer on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await backend.create();
    drop = created.drop;
    database = await openDatabase(created.options);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  async function count(table: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql.raw(`select count(*)::int as n from ${table}`),
    );
    return row?.n ?? 0;
  }

  it('writes every entity in bulk, then does nothing the second time', async () => {
    const options = { scale: 0.02, referenceDate, hashOptions: testHashOptions } as const;
    const progress: string[] = [];
    const rows: { entity: string; written: number; total: number }[] = [];
    const first = await seedDemoCompany(database.db, {
      ...options,
      chunkSize: 200,
      onProgress: (entity) => progress.push(entity),
      onRows: (entity, written, total) => rows.push({ entity, written, total }),
    });
    expect(first.written).toBe(true);
    expect(progress.at(-1)).toBe('admin');
    const company = generateCompany({ scale: 0.02, referenceDate });
    // The big steps report every chunk of rows, not once at their end: never more than 200
    // rows between two reports, rising to the total.
    const lineCount = company.orders.reduce((s, o) => s + o.lines.length, 0);
    for (const [entity, total] of [
      ['orders', company.orders.length],
      ['order lines', lineCount],
    ] as const) {
      const written = rows.filter((r) => r.entity === entity).map((r) => r.written);
      expect(total).toBeGreaterThan(400);
      expect(written.length).toBeGreaterThanOrEqual(Math.ceil(total / 200));
      expect(written.at(-1)).toBe(total);
      written.forEach((w, i) => expect(w - (written[i - 1] ?? 0)).toBeLessThanOrEqual(200));
      expect(rows.filter((r) => r.entity === entity).every((r) => r.total === total)).toBe(true);
    }
    expect(await count('customers')).toBe(company.customers.length);
    expect(await count('contacts')).toBe(company.contacts.length);
    expect(await count('consents')).toBe(company.consents.length);
    expect(await count('products')).toBe(company.products.length);
    expect(await count('prices')).toBe(company.prices.length);
    expect(await count('orders')).toBe(company.orders.length);
    expect(await count('order_lines')).toBe(company.orders.reduce((s, o) => s + o.lines.length, 0));
    expect(await count('visits')).toBe(company.visits.length);
    expect(await count('complaints')).toBe(company.complaints.length);
    expect(await count('marketing_actions')).toBe(company.marketingActions.length);
    expect(await count('appointments')).toBe(company.appointments.length);
    expect(await count('users')).toBe(13);
    expect(first.ids.repIds.camille).toBe(company.users.find((u) => u.key === 'camille')?.id);

    const mismatched = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from orders o
          where o.total_excl_cents <> (select coalesce(sum(l.total_excl_cents), 0) from order_lines l where l.order_id = o.id)`,
    );
    expect(mismatched[0]?.n).toBe(0);
    const [customer] = await queryRows<{
      competitors: unknown;
      preferred_visit_days: unknown;
      first_contact_date: unknown;
    }>(
      database.db,
      sql`select competitors, preferred_visit_days, first_contact_date::text from customers where id = ${company.customers[0]?.id ?? ''}`,
    );
    expect(customer?.preferred_visit_days).toEqual(company.customers[0]?.preferredVisitDays);
    expect(customer?.competitors).toEqual(company.customers[0]?.competitors);
    expect(customer?.first_contact_date).toBe(company.customers[0]?.firstContactDate);

    const second = await seedDemoCompany(database.db, options);
    expect(second.written).toBe(false);
    expect(second.ids).toEqual(first.ids);
    expect(await count('orders')).toBe(company.orders.length);
  });

  it('reset empties the tables so the company can be written again', async () => {
    await resetDatabase(database.db);
    expect(await count('users')).toBe(0);
    expect(await count('order_lines')).toBe(0);
    const again = await seedDemoCompany(database.db, {
      scale: 0.01,
      referenceDate,
      hashOptions: testHashOptions,
    });
    expect(again.written).toBe(true);
    expect(await count('customers')).toBe(generateCompany({ scale: 0.01, referenceDate }).customers.length);
  });
});
