/**
 * Backup and restore of head office (decision 0020, docs/operations.md): on PGlite with
 * `npm run admin -- backup FILE` (while head office runs) and `restore FILE` (stopped); on
 * PostgreSQL with pg_dump -Fc and pg_restore into an empty database. Either way a laptop that
 * syncs against the restored head office loses nothing and duplicates nothing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testHashOptions } from '../../src/server/features/auth/passwords.js';
import { startHeadOffice } from '../../src/server/start.js';
import type { HeadOffice } from '../../src/server/start.js';
import { backupRoundTrip } from './backupRoundTrip.js';
import { DEMO } from './harness.js';

const run = promisify(execFile);
const modeOf = (path: string) => statSync(path).mode & 0o777;

function cli(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, TOURNEE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return run(join('node_modules', '.bin', 'tsx'), ['src/server/cli/admin.ts', ...args], { env });
}

/** A CLI run expected to fail: its exit code and what it printed. */
function cliFails(dataDir: string, ...args: string[]) {
  return cli(dataDir, ...args).then(
    () => {
      throw new Error(`admin ${args.join(' ')} succeeded`);
    },
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

const startOptions = {
  port: 0,
  seed: true,
  seedScale: 0.02,
  logger: false,
  config: { passwordHashing: testHashOptions },
} as const;

describe.skipIf(process.platform === 'win32')('backup and restore on PGlite (admin CLI)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tournee-backup-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('backs up while head office runs; a laptop syncing after the restore loses and duplicates nothing', async () => {
    const dataDir = join(root, 'headoffice');
    const file = join(root, 'sauvegarde.tar.gz');
    await backupRoundTrip({
      start: () => startHeadOffice({ ...startOptions, dataDir }),
      async backup() {
        const made = await cli(dataDir, 'backup', file);
        expect(made.stdout).toContain('asking it for a consistent copy');
        expect(made.stdout).toContain(`Backup written to ${file}`);
        expect(modeOf(file)).toBe(0o600);
      },
      async restore() {
        const restored = await cli(dataDir, 'restore', file);
        expect(restored.stdout).toMatch(/The backup is valid: \d+ users, \d+ customers, \d+ orders\./);
        const kept = readdirSync(root).filter((name) => name.startsWith('headoffice.before-restore-'));
        expect(kept).toHaveLength(1);
        expect(existsSync(join(root, kept[0]!, 'PG_VERSION'))).toBe(true);
        expect(modeOf(dataDir)).toBe(0o700);
        expect(modeOf(join(dataDir, 'PG_VERSION'))).toBe(0o600);
        expect(existsSync(join(dataDir, 'admin-cli.json'))).toBe(false);
      },
    });
  }, 240_000);

  it('refuses to restore while head office runs, and a damaged or foreign file changes nothing', async () => {
    const dataDir = join(root, 'other');
    const file = join(root, 'other.tar.gz');
    const headOffice: HeadOffice = await startHeadOffice({ ...startOptions, dataDir });
    try {
      await cli(dataDir, 'backup', file);
      // Only an admin's bearer token gets a copy of head office.
      const login = await fetch(`${headOffice.url}/api/auth-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: DEMO.camille,
          password: DEMO.password,
          deviceName: 't',
          tokenDelivery: 'body',
        }),
      });
      const { value } = (await login.json()) as { value: { token: string } };
      const asRep = await fetch(`${headOffice.url}/admin/backup`, {
        method: 'POST',
        headers: { authorization: `Bearer ${value.token}` },
      });
      expect(asRep.status).toBe(403);
      expect((await fetch(`${headOffice.url}/admin/backup`, { method: 'POST' })).status).toBe(401);
      const running = await cliFails(dataDir, 'restore', file);
      expect(running.code).toBe(1);
      expect(running.stderr).toContain('Head office is running');
      expect(running.stderr).toContain('Nothing was changed.');
    } finally {
      await headOffice.close();
    }
    const before = readdirSync(dataDir).sort();
    const version = readFileSync(join(dataDir, 'PG_VERSION'));
    const whole = readFileSync(file);
    const cut = join(root, 'cut.tar.gz');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const flipped = join(root, 'flipped.tar.gz');
    const damaged = Buffer.from(whole);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    writeFileSync(flipped, damaged);
    const foreign = join(root, 'notes.txt');
    writeFileSync(foreign, 'pas une sauvegarde');
    const emptyTar = join(root, 'empty.tar');
    writeFileSync(emptyTar, Buffer.alloc(1024));

    for (const bad of [cut, flipped, foreign, emptyTar]) {
      const refused = await cliFails(dataDir, 'restore', bad);
      expect(refused.code, bad).toBe(1);
      expect(refused.stderr, bad).toMatch(/damaged or cut short|not a head-office backup/);
      expect(refused.stderr, bad).toContain('Nothing was changed.');
    }
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(readFileSync(join(dataDir, 'PG_VERSION'))).toEqual(version);
    expect(readdirSync(root).filter((n) => n.startsWith('other.'))).toEqual(['other.tar.gz']);

    // Head office stopped: the CLI makes the copy itself, and does not overwrite a file.
    const offline = join(root, 'offline.tar.gz');
    expect((await cli(dataDir, 'backup', offline)).stdout).toContain('Head office is not running');
    expect((await cliFails(dataDir, 'backup', offline)).stderr).toContain('already exists');
  }, 240_000);
});

/** pg_dump and pg_restore: on the PATH, else the newest under /usr/lib/postgresql. */
function postgresTool(name: 'pg_dump' | 'pg_restore'): string | null {
  const versions = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const path = join('/usr/lib/postgresql', version, 'bin', name);
    if (existsSync(path)) return path;
  }
  return null;
}

const databaseUrl = process.env.DATABASE_URL;
const pgDump = postgresTool('pg_dump');
const pgRestore = postgresTool('pg_restore');
const postgresSkip =
  databaseUrl === undefined || databaseUrl === ''
    ? 'DATABASE_URL is not set'
    : pgDump === null || pgRestore === null
      ? 'pg_dump/pg_restore not found under /usr/lib/postgresql/*/bin'
      : null;
if (postgresSkip !== null) console.warn(`backup on PostgreSQL skipped: ${postgresSkip}`);

describe.skipIf(postgresSkip !== null)('backup and restore on PostgreSQL (pg_dump -Fc, pg_restore)', () => {
  const names = [
    `tournee_backup_${randomBytes(5).toString('hex')}`,
    `tournee_restored_${randomBytes(5).toString('hex')}`,
  ];
  const urlOf = (name: string) => {
    const url = new URL(databaseUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  async function admin(query: string): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  }
  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
  });

  it('a laptop syncing against the database restored from pg_dump loses and duplicates nothing', async () => {
    const [original, restored] = names as [string, string];
    await admin(`create database ${original}`);
    const root = mkdtempSync(join(tmpdir(), 'tournee-pgdump-'));
    const file = join(root, 'tournee.dump');
    let current = original;
    try {
      await backupRoundTrip({
        start: () => startHeadOffice({ ...startOptions, databaseUrl: urlOf(current) }),
        async backup() {
          // As docs/operations.md says, while head office runs: one consistent snapshot.
          await run(pgDump!, ['-Fc', '-f', file, urlOf(original)]);
          expect(statSync(file).size).toBeGreaterThan(0);
        },
        async restore() {
          await admin(`create database ${restored}`);
          await run(pgRestore!, ['--no-owner', '--exit-on-error', '-d', urlOf(restored), file]);
          current = restored;
        },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 240_000);
});
