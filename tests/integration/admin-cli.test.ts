/**
 * The admin CLI edits a customer at head office while head office runs on PGlite (which
 * allows one process per data folder): it goes through HTTP with the local admin key.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN_FILE } from '../../src/server/cli/localAdmin.js';
import { testHashOptions } from '../../src/server/features/auth/passwords.js';
import { startHeadOffice } from '../../src/server/start.js';
import type { HeadOffice } from '../../src/server/start.js';

const run = promisify(execFile);

function cli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TOURNEE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return run(join('node_modules', '.bin', 'tsx'), ['src/server/cli/admin.ts', ...args], { env });
}

describe('admin CLI against a running head office on PGlite', () => {
  let dataDir: string;
  let headOffice: HeadOffice;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tournee-cli-'));
    headOffice = await startHeadOffice({
      port: 0,
      dataDir,
      seed: true,
      seedScale: 0.02,
      logger: false,
      config: { passwordHashing: testHashOptions },
    });
  });

  afterAll(async () => {
    await headOffice.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists users and edits a customer through the running server', async () => {
    const users = await cli(dataDir, 'users');
    expect(users.stdout).toContain('camille.martin@tournee.test');

    const login = await fetch(`${headOffice.url}/api/auth-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@tournee.test',
        password: 'tournee',
        deviceName: 't',
        tokenDelivery: 'body',
      }),
    });
    const { value } = (await login.json()) as { value: { token: string } };
    const list = await fetch(`${headOffice.url}/api/customer-list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${value.token}` },
      body: JSON.stringify({ limit: 1 }),
    });
    const { value: listed } = (await list.json()) as { value: { customers: { id: string }[] } };
    const id = listed.customers[0]!.id;

    const updated = await cli(dataDir, 'customer-update', id, 'city=Feurs', 'postcode=42110');
    expect(JSON.parse(updated.stdout)).toMatchObject({ id, city: 'Feurs', postcode: '42110' });
  });

  it('exits non-zero with the field and reason on bad input', async () => {
    await expect(
      cli(dataDir, 'customer-update', '0190a8d6-8b3e-7c41-9c1e-2a4b6c8d0e1f', 'postcode=ABC'),
    ).rejects.toMatchObject({
      code: 1,
    });
  });

  it('imports a CSV through the running server; a bad file lists every bad line and exits 1', async () => {
    const good = join(dataDir, 'clients.csv');
    writeFileSync(good, 'Référence;Raison sociale;Ville\r\nCLI-1;Bistrot du Port;Roanne\r\n', 'latin1');
    const imported = await cli(dataDir, 'import', 'customers', good);
    expect(imported.stdout).toContain('customers  1 created, 0 updated, 0 unchanged');
    const again = await cli(dataDir, 'import', 'customers', good);
    expect(again.stdout).toContain('customers  0 created, 0 updated, 1 unchanged');

    const bad = join(dataDir, 'mauvais.csv');
    writeFileSync(bad, 'Référence;Raison sociale;SIRET\nCLI-2;;\nCLI-3;Le Phare;123\nCLI-4;Ok;\n', 'utf8');
    const failed = await cli(dataDir, 'import', 'customers', bad).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    const { stderr } = failed as { stderr: string };
    expect(stderr).toContain('line 2, column "Raison sociale": name is required');
    expect(stderr).toMatch(/line 3, column "SIRET": .* \(123\)/);
    expect(stderr).toContain('2 errors: nothing was written');
  });

  it('prints RFM per customer and the migration matrix as CSV, and refuses a reversed period', async () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const today = day(Date.now());
    const rfm = await cli(dataDir, 'rfm', '--as-of', today, '--format', 'csv');
    const [header, ...lines] = rfm.stdout.trimEnd().split('\n');
    expect(header).toBe('customer_ref,recency_days,frequency,monetary_cents,r,f,m,segment');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line).toMatch(/^[^,]+,\d+,\d+,-?\d+,[1-5],[1-5],[1-5],[a-zA-Z]+$/);
    }
    const migrations = await cli(
      dataDir,
      'migrations',
      '--from',
      day(Date.now() - 180 * 86_400_000),
      '--to',
      today,
    );
    const [head, ...cells] = migrations.stdout.trimEnd().split('\n');
    expect(head).toBe('from_segment,to_segment,customers,revenue_cents');
    const counted = cells.reduce((n, cell) => n + Number(cell.split(',')[2]), 0);
    expect(counted).toBe(lines.length);

    const reversed = await cli(dataDir, 'migrations', '--from', today, '--to', '2020-01-01').catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(reversed).toMatchObject({ code: 1 });
    expect((reversed as { stderr: string }).stderr).toContain('The first date must be before the second.');
  });

  it('withdraws the local admin key when head office stops', async () => {
    expect(existsSync(join(dataDir, LOCAL_ADMIN_FILE))).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'tournee-cli-stop-'));
    const other = await startHeadOffice({
      port: 0,
      dataDir: dir,
      seed: true,
      seedScale: 0.02,
      logger: false,
      config: { passwordHashing: testHashOptions },
    });
    expect(existsSync(join(dir, LOCAL_ADMIN_FILE))).toBe(true);
    await other.close();
    expect(existsSync(join(dir, LOCAL_ADMIN_FILE))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
