/**
 * Backup and restore of head office on PGlite (decision 0020): the data folder as a gzipped tar.
 * While head office runs, the backup is asked of it (it holds the folder; PGlite allows one
 * process at a time) with the local admin key; otherwise the CLI opens the folder itself. A
 * restore needs head office stopped, checks the whole file before it touches anything, and keeps
 * the folder it replaces aside. On PostgreSQL: pg_dump / pg_restore (docs/operations.md).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { BACKUP_PATH } from '../app.js';
import { dumpPglite, keepPrivate, migrationsFolder } from '../db/connect.js';
import { LOCAL_ADMIN_FILE } from './localAdmin.js';
import type { LocalAdmin } from './localAdmin.js';

/** A failure the user can fix, printed as is (the CLI's exit code 1). */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export type Say = (line: string) => void;

const MiB = 2 ** 20;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Writes the backup file readable by its owner only: it holds password hashes and every customer. */
async function writePrivate(file: string, bytes: Uint8Array): Promise<void> {
  await writeFile(file, bytes, { mode: 0o600 });
}

/** Head office is running on this folder: it makes the copy, between two transactions. */
export async function backupOverHttp(local: LocalAdmin, file: string, say: Say): Promise<number> {
  say(`Head office is running (${local.url}): asking it for a consistent copy…`);
  const response = await fetch(`${local.url}${BACKUP_PATH}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${local.token}` },
  });
  if (!response.ok || response.body === null) {
    const body: unknown = await response.json().catch(() => null);
    const message = z.object({ error: z.object({ message: z.string() }) }).safeParse(body);
    throw new BackupError(
      `Head office refused the backup (${response.status}${message.success ? `: ${message.data.error.message}` : ''}).`,
    );
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  let shown = 0;
  for await (const chunk of response.body) {
    chunks.push(chunk);
    received += chunk.length;
    if (received - shown >= 16 * MiB) {
      shown = received;
      say(`  ${mib(received)} received`);
    }
  }
  const bytes = Buffer.concat(chunks);
  // What head office sent is checked like a file to restore: a backup that cannot be restored
  // is worse than none.
  await checkBackup(bytes, say);
  await writePrivate(file, bytes);
  return bytes.length;
}

/** Head office is stopped: the CLI opens the folder itself (no migration, nothing written). */
export async function backupDataDir(dataDir: string, file: string, say: Say): Promise<number> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`${dataDir} holds no head-office database: nothing to back up.`);
  }
  say(`Head office is not running: copying ${dataDir}…`);
  const client = new PGlite(dataDir);
  try {
    const bytes = new Uint8Array(await (await dumpPglite(client)).arrayBuffer());
    await writePrivate(file, bytes);
    return bytes.length;
  } finally {
    await client.close();
  }
}

/** What a backup holds, read from it before a restore. */
export interface BackupSummary {
  users: number;
  customers: number;
  orders: number;
  migrations: number;
}

interface TarEntry {
  name: string;
  size: number;
}

/** The entries of an uncompressed tar; throws BackupError when it is cut or not a tar. */
function tarEntries(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  const text = (from: number, length: number) =>
    Buffer.from(tar.subarray(from, from + length))
      .toString('latin1')
      .replace(/\0.*$/s, '');
  let at = 0;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) return entries;
    if (text(at + 257, 5) !== 'ustar') throw new BackupError('not a tar archive');
    const size = Number.parseInt(text(at + 124, 12).trim() || '0', 8);
    if (!Number.isFinite(size)) throw new BackupError('a damaged tar entry');
    const prefix = text(at + 345, 155);
    const name = text(at, 100);
    entries.push({ name: prefix === '' ? name : `${prefix}/${name}`, size });
    at += 512 + Math.ceil(size / 512) * 512;
  }
  throw new BackupError('the archive is cut short');
}

/** The number of migrations this build knows (a backup made by a newer build has more). */
async function knownMigrations(): Promise<number> {
  const journal = z
    .object({ entries: z.array(z.unknown()) })
    .parse(JSON.parse(await readFile(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries.length;
}

/**
 * The uncompressed tar of a valid backup: it decompresses whole (gzip's CRC), its archive is
 * complete and holds a PostgreSQL folder, and that database opens and reads as head office's
 * (users, customers, orders, migrations no newer than this build's). Nothing is written.
 */
export async function checkBackup(
  bytes: Uint8Array,
  say: Say,
): Promise<{ tar: Uint8Array; summary: BackupSummary }> {
  let tar: Uint8Array;
  try {
    tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  } catch (error) {
    throw new BackupError(`The file is damaged or cut short (${(error as Error).message}).`);
  }
  let entries: TarEntry[];
  try {
    entries = tarEntries(tar);
  } catch (error) {
    if (error instanceof BackupError)
      throw new BackupError(`This is not a head-office backup: ${error.message}.`);
    throw error;
  }
  if (!entries.some((e) => /(^|\/)PG_VERSION$/.test(e.name) && !e.name.includes('/base/'))) {
    throw new BackupError('This is not a head-office backup: it holds no PostgreSQL data folder.');
  }
  say(`Checking the backup (${entries.length} files, ${mib(tar.length)})…`);
  const client = new PGlite({ loadDataDir: new Blob([tar]) });
  try {
    const count = async (sql: string) => Number((await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0);
    const summary: BackupSummary = {
      users: await count('select count(*)::int as n from users'),
      customers: await count('select count(*)::int as n from customers'),
      orders: await count('select count(*)::int as n from orders'),
      migrations: await count('select count(*)::int as n from drizzle.__drizzle_migrations'),
    };
    const known = await knownMigrations();
    if (summary.migrations > known) {
      throw new BackupError(
        `This backup was made by a newer version of head office (${summary.migrations} migrations, this one knows ${known}). Restore it with that version.`,
      );
    }
    return { tar, summary };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `This is not a head-office backup: its database does not read (${(error as Error).message}).`,
    );
  } finally {
    await client.close().catch(() => undefined);
  }
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

export interface RestoreResult {
  summary: BackupSummary;
  /** Where the folder that was replaced now is (renamed, not deleted); null if there was none. */
  previous: string | null;
}

/**
 * Restores `file` into `dataDir` (head office stopped): checks it whole, writes it into a new
 * folder beside `dataDir`, then swaps the two by renaming; the old folder stays beside it as
 * `<dataDir>.before-restore-<time>`. A bad file changes nothing.
 */
export async function restoreDataDir(
  dataDir: string,
  file: string,
  say: Say,
  now: Date = new Date(),
): Promise<RestoreResult> {
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new BackupError(`Cannot read ${file}.`);
  say(`Reading ${file} (${mib(size)})…`);
  const { tar, summary } = await checkBackup(await readFile(file), say);
  say(
    `The backup is valid: ${summary.users} users, ${summary.customers} customers, ${summary.orders} orders.`,
  );
  const staging = `${dataDir}.restoring-${stamp(now)}`;
  const previous = `${dataDir}.before-restore-${stamp(now)}`;
  await mkdir(dirname(dataDir), { recursive: true, mode: 0o700 });
  try {
    say('Writing the restored data folder…');
    const client = new PGlite(staging, { loadDataDir: new Blob([tar]) });
    await client.query('select 1');
    await client.close();
    // The key of the head office that made the backup is of no use (the next start revokes it).
    await rm(join(staging, LOCAL_ADMIN_FILE), { force: true });
    keepPrivate(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const hadFolder = existsSync(dataDir);
  if (hadFolder) await rename(dataDir, previous);
  try {
    await rename(staging, dataDir);
  } catch (error) {
    if (hadFolder) await rename(previous, dataDir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  return { summary, previous: hadFolder ? previous : null };
}
