import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/connect.js';
import { queryRows } from '../../src/server/db/types.js';
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
        expect(rows.map((r) => r.table_name)).toEqual([
          'audit_log',
          'conflicts',
          'customers',
          'login_attempts',
          'login_links',
          'mutation_outcomes',
          'notes',
          'sessions',
          'sync_client_views',
          'sync_clients',
          'teams',
          'users',
        ]);
        await database.close();
      }
    } finally {
      await created.drop();
    }
  });
});
