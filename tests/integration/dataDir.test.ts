/**
 * Head office's PGlite data folder (password hashes, sessions, every customer) and the local
 * admin key it leaves there, as another account on the same machine, or a crash, would find them.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN_FILE, publishLocalAdmin } from '../../src/server/cli/localAdmin.js';
import { openDatabase, type Database } from '../../src/server/db/connect.js';
import { authenticate } from '../../src/server/features/auth/sessions.js';
import { uuidv7 } from './harness.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('head office data folder on PGlite', () => {
  let dir = '';
  let database: Database | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('is open to its own account only, including what an earlier version left readable', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tournee-data-'));
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'base'), { mode: 0o755 });
    writeFileSync(join(dir, 'base', 'old'), 'rows', { mode: 0o666 });
    chmodSync(join(dir, 'base', 'old'), 0o666);
    database = await openDatabase({ dataDir: dir });
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(join(dir, 'base'))).toBe(0o700);
    expect(modeOf(join(dir, 'base', 'old'))).toBe(0o600);
  }, 60_000);

  it('makes a new folder 0700 whatever the umask', async () => {
    dir = join(mkdtempSync(join(tmpdir(), 'tournee-data-')), 'nested', 'data');
    database = await openDatabase({ dataDir: dir });
    expect(modeOf(dir)).toBe(0o700);
  }, 60_000);

  it('revokes the admin key a killed head office left behind when the next one starts', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tournee-data-'));
    database = await openDatabase({ dataDir: dir });
    const { db } = database;
    await db.execute(sql`insert into users (id, email, name, role, password_hash)
      values (${uuidv7()}, 'admin@example.test', 'Admin', 'admin', 'x')`);
    const keyOf = () =>
      (JSON.parse(readFileSync(join(dir, LOCAL_ADMIN_FILE), 'utf8')) as { token: string }).token;

    await publishLocalAdmin(db, dir, 'http://127.0.0.1:4100');
    const left = keyOf();
    expect(modeOf(join(dir, LOCAL_ADMIN_FILE))).toBe(0o600);
    expect((await authenticate(db, left, new Date())).ok).toBe(true);
    // Killed: its withdrawal never ran. The next start writes its own key.
    const withdraw = await publishLocalAdmin(db, dir, 'http://127.0.0.1:4100');
    const fresh = keyOf();
    expect(fresh).not.toBe(left);
    expect(await authenticate(db, left, new Date())).toMatchObject({
      ok: false,
      error: { code: 'session-revoked' },
    });
    expect((await authenticate(db, fresh, new Date())).ok).toBe(true);
    await withdraw?.();
    expect((await authenticate(db, fresh, new Date())).ok).toBe(false);
  }, 60_000);
});
