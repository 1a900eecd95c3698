/**
 * Head-office administration: `npx tsx src/server/cli/admin.ts <command> …`
 * Every command goes through `dispatch` as an admin user (a short-lived session, revoked at
 * the end), so the same validation, authorisation and audit log apply as over HTTP.
 * Uses DATABASE_URL, or the PGlite data dir (TOURNEE_DATA_DIR or the per-user default;
 * stop the server first: PGlite allows one process at a time).
 */
import type { CustomerRfmRow, MigrationCell } from '../../shared/contract/rfm.js';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Customer } from '../../shared/domain/customer/customer.js';
import type { CustomerEditable } from '../../shared/domain/customer/customer.js';
import { customerEditableFields, customerFieldFromText } from '../../shared/domain/customer/customer.js';
import type { User } from '../../shared/domain/user/user.js';
import type { ImportRunError, ImportRunKind, ImportRunOutput } from '../../shared/contract/imports.js';
import { MAX_IMPORT_FILE_BYTES, importRunKinds } from '../../shared/contract/imports.js';
import type { Result } from '../../shared/lib/result.js';
import { appErrorSchema } from '../../shared/lib/result.js';
import { z } from 'zod';
import type { RequestContext } from '../context.js';
import { openDatabase } from '../db/connect.js';
import type { Database } from '../db/connect.js';
import { users } from '../db/schema.js';
import { dispatch } from '../dispatch.js';
import { productionHashOptions } from '../features/auth/passwords.js';
import { createSession, revokeSession } from '../features/auth/sessions.js';
import { defaultDataDir } from '../start.js';
import { BackupError, backupDataDir, backupOverHttp, restoreDataDir } from './backup.js';
import { readLocalAdmin } from './localAdmin.js';
import type { LocalAdmin } from './localAdmin.js';

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: appErrorSchema }),
]);

function isEditableField(name: string): name is keyof CustomerEditable {
  return (customerEditableFields as readonly string[]).includes(name);
}

const USAGE = `Usage: npx tsx src/server/cli/admin.ts [--as <adminEmail>] <command>
  users                                      list users
  add-user <email> <name> <rep|manager|admin> [--team=<teamId>] [--password=<pw>]
  customer-update <id|name> field=value…     fields: ${customerEditableFields.join(', ')}
  customer-assign <id|name> <repEmail|none>
  revoke <sessionId>
  sessions [email]
  rfm --as-of <YYYY-MM-DD> [--format csv]    one line per customer: R, F, M, scores, segment
  migrations --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--format csv]
                                             customers and revenue per (segment then, segment now)
  import <${importRunKinds.join('|')}> <file.csv> [--owner=<repEmail>] [--dry-run]
                                             all or nothing; every bad line is listed (max ${MAX_IMPORT_FILE_BYTES / 2 ** 20} MiB)
  backup <file.tar.gz>                       PGlite: a consistent copy of head office, even while it runs
  restore <file.tar.gz>                      PGlite, head office stopped: checks the file, keeps the old folder aside
                                             (PostgreSQL: pg_dump -Fc / pg_restore, see docs/operations.md)`;

class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

type ProgressListener = (phase: 'parse' | 'write', done: number, total: number) => void;

interface Cli {
  call<T>(method: string, input: unknown, options?: { progress?: ProgressListener }): Promise<T>;
  /** Whether `progress` is reported (local dispatch) or not (HTTP: one answer at the end). */
  readonly streamsProgress: boolean;
}

/** Prints a line at about every 10 % of each phase. */
function progressPrinter(): ProgressListener {
  const printed = new Map<string, number>();
  return (phase, done, total) => {
    if (total < 1_000) return;
    const tenth = Math.floor((done * 10) / total);
    if (tenth <= (printed.get(phase) ?? 0)) return;
    printed.set(phase, tenth);
    const verb = phase === 'parse' ? 'checked' : 'written';
    console.log(`  ${String(tenth * 10).padStart(3)} %  ${done} / ${total} ${verb}`);
  };
}

function formatImportError(e: ImportRunError): string {
  const where = [
    e.line === null ? 'file' : `line ${e.line}`,
    e.column === null ? null : `column "${e.column}"`,
  ]
    .filter((x) => x !== null)
    .join(', ');
  return `${where}: ${e.reason}${e.value === null || e.value === '' ? '' : ` (${e.value})`}`;
}

async function runImportCommand(cli: Cli, args: string[], positional: string[]): Promise<void> {
  const [kind, file] = positional;
  if (kind === undefined || file === undefined || !(importRunKinds as readonly string[]).includes(kind)) {
    throw new CliError(USAGE);
  }
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw new CliError(`Cannot read ${file}.`);
  if (size > MAX_IMPORT_FILE_BYTES) {
    throw new CliError(
      `${file} is ${(size / 2 ** 20).toFixed(1)} MiB; an import takes at most ${MAX_IMPORT_FILE_BYTES / 2 ** 20} MiB. Split it into smaller files.`,
    );
  }
  const bytes = await readFile(file);
  const dryRun = args.includes('--dry-run');
  const owner = option(args, 'owner');
  console.log(
    `${dryRun ? 'Checking' : 'Importing'} ${basename(file)} as ${kind} (${bytes.length} bytes)…` +
      (cli.streamsProgress ? '' : ' head office is working, this may take a minute'),
  );
  const result = await cli.call<ImportRunOutput>(
    'import-run',
    {
      kind: kind as ImportRunKind,
      fileName: basename(file),
      contentBase64: bytes.toString('base64'),
      dryRun,
      ...(owner === undefined ? {} : { ownerEmail: owner }),
    },
    { progress: progressPrinter() },
  );
  const r = result.report;
  console.log(
    `${r.rows} rows · ${r.encoding ?? '?'}${r.bom ? ' (BOM)' : ''} · separator ${r.delimiter === '\t' ? 'tab' : (r.delimiter ?? '?')} · ${(r.durationMs / 1000).toFixed(1)} s`,
  );
  console.log(`columns: ${r.columns.map((c) => `${c.header} → ${c.field ?? '(ignored)'}`).join(', ')}`);
  for (const w of r.warnings) console.log(`warning: ${w.line === null ? '' : `line ${w.line}: `}${w.reason}`);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatImportError(e));
    throw new CliError(
      `${result.errors.length} error${result.errors.length === 1 ? '' : 's'}: nothing was written. Fix the file and import it again.`,
    );
  }
  if (result.dryRun) {
    console.log('Dry run: the file is valid; nothing was written.');
    return;
  }
  for (const w of result.written ?? []) {
    console.log(
      `${w.entity.padEnd(10)} ${w.created} created, ${w.updated} updated, ${w.unchanged} unchanged`,
    );
  }
}

function unwrap<T>(method: string, result: Result<unknown>): T {
  if (!result.ok) {
    const field = result.error.field === undefined ? '' : ` (${result.error.field})`;
    throw new CliError(`${method}: ${result.error.code}${field}: ${result.error.message}`);
  }
  return result.value as T;
}

async function findCustomer(cli: Cli, ref: string): Promise<Customer> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) {
    return (await cli.call<{ customer: Customer }>('customer-get', { id: ref })).customer;
  }
  const { customers } = await cli.call<{ customers: Customer[] }>('customer-list', { query: ref, limit: 20 });
  const exact = customers.filter((c) => c.name.toLowerCase() === ref.toLowerCase());
  const matches = exact.length > 0 ? exact : customers;
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length === 0) throw new CliError(`No customer matches "${ref}".`);
  throw new CliError(
    `"${ref}" matches ${matches.length} customers: ${matches.map((c) => `${c.name} (${c.id})`).join(', ')}`,
  );
}

async function findUser(cli: Cli, email: string): Promise<User> {
  const { users: list } = await cli.call<{ users: User[] }>('user-list', {});
  const user = list.find((u) => u.email === email.toLowerCase());
  if (user === undefined) throw new CliError(`No user with email ${email}.`);
  return user;
}

function option(args: string[], name: string): string | undefined {
  const prefix = `--${name}=`;
  return args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/** `--name=value` or `--name value`. */
function flag(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at >= 0) return args[at + 1];
  return option(args, name);
}

function requiredFlag(args: string[], name: string): string {
  const value = flag(args, name);
  if (value === undefined || value.startsWith('--'))
    throw new CliError(`Missing --${name} <YYYY-MM-DD>.\n${USAGE}`);
  return value;
}

function csvFormat(args: string[]): void {
  const format = flag(args, 'format') ?? 'csv';
  if (format !== 'csv') throw new CliError(`Unknown format "${format}"; the only format is csv.`);
}

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function printCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): void {
  const lines = [header.join(','), ...rows.map((row) => row.map(csvField).join(','))];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function run(cli: Cli, command: string, args: string[]): Promise<void> {
  const positional = args.filter((a) => !a.startsWith('--'));
  switch (command) {
    case 'users': {
      const { users: list } = await cli.call<{ users: User[] }>('user-list', {});
      for (const u of list) console.log(`${u.id}  ${u.role.padEnd(7)}  ${u.email.padEnd(34)}  ${u.name}`);
      return;
    }
    case 'add-user': {
      const [email, name, role] = positional;
      if (email === undefined || name === undefined || role === undefined) throw new CliError(USAGE);
      const generated = option(args, 'password') === undefined;
      const password = option(args, 'password') ?? randomBytes(12).toString('base64url');
      const { user } = await cli.call<{ user: User }>('user-create', {
        id: uuidv7(),
        email,
        name,
        role,
        teamId: option(args, 'team') ?? null,
        password,
      });
      console.log(
        `Created ${user.role} ${user.email} (${user.id})${generated ? ` with password: ${password}` : ''}`,
      );
      return;
    }
    case 'customer-update': {
      const [ref, ...assignments] = positional;
      if (ref === undefined || assignments.length === 0) throw new CliError(USAGE);
      const changes: Record<string, unknown> = {};
      for (const assignment of assignments) {
        const eq = assignment.indexOf('=');
        if (eq <= 0) throw new CliError(`Expected field=value, got "${assignment}".`);
        const field = assignment.slice(0, eq);
        if (!isEditableField(field)) {
          throw new CliError(
            `Unknown field "${field}"; editable fields: ${customerEditableFields.join(', ')}.`,
          );
        }
        const parsed = customerFieldFromText(field, assignment.slice(eq + 1));
        if (!parsed.success) {
          throw new CliError(`Invalid ${field}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
        }
        changes[field] = parsed.data;
      }
      const customer = await findCustomer(cli, ref);
      const updated = await cli.call<{ customer: Customer }>('customer-update', { id: customer.id, changes });
      console.log(JSON.stringify(updated.customer, null, 2));
      return;
    }
    case 'customer-assign': {
      const [ref, email] = positional;
      if (ref === undefined || email === undefined) throw new CliError(USAGE);
      const customer = await findCustomer(cli, ref);
      const ownerId = email === 'none' ? null : (await findUser(cli, email)).id;
      const updated = await cli.call<{ customer: Customer }>('customer-assign', { id: customer.id, ownerId });
      console.log(`${updated.customer.name} → ${updated.customer.ownerName ?? 'nobody'}`);
      return;
    }
    case 'revoke': {
      const [sessionId] = positional;
      if (sessionId === undefined) throw new CliError(USAGE);
      const { revoked } = await cli.call<{ revoked: boolean }>('auth-revoke', { sessionId });
      console.log(revoked ? 'Session revoked.' : 'Session was already revoked.');
      return;
    }
    case 'rfm': {
      csvFormat(args);
      const { customers } = await cli.call<{ customers: CustomerRfmRow[] }>('rfm-scores', {
        asOf: requiredFlag(args, 'as-of'),
      });
      printCsv(
        ['customer_ref', 'recency_days', 'frequency', 'monetary_cents', 'r', 'f', 'm', 'segment'],
        customers.map((c) => [
          c.customerRef ?? c.customerId,
          c.recencyDays,
          c.frequency,
          c.monetaryCents,
          c.r,
          c.f,
          c.m,
          c.segment,
        ]),
      );
      return;
    }
    case 'migrations': {
      csvFormat(args);
      const { cells } = await cli.call<{ cells: MigrationCell[] }>('rfm-migrations', {
        from: requiredFlag(args, 'from'),
        to: requiredFlag(args, 'to'),
      });
      printCsv(
        ['from_segment', 'to_segment', 'customers', 'revenue_cents'],
        cells.map((c) => [c.fromSegment, c.toSegment, c.customers, c.revenueCents]),
      );
      return;
    }
    case 'import':
      return runImportCommand(cli, args, positional);
    case 'sessions': {
      const [email] = positional;
      const input = email === undefined ? {} : { userId: (await findUser(cli, email)).id };
      const { sessions } = await cli.call<{
        sessions: { id: string; deviceName: string; createdAt: string; revokedAt: string | null }[];
      }>('auth-sessions', input);
      for (const s of sessions)
        console.log(
          `${s.id}  ${s.createdAt}  ${s.revokedAt === null ? 'active ' : 'revoked'}  ${s.deviceName}`,
        );
      return;
    }
    default:
      throw new CliError(`Unknown command "${command}".\n${USAGE}`);
  }
}

/** `backup FILE` and `restore FILE` on PGlite (decision 0020). */
async function runBackupCommand(
  command: 'backup' | 'restore',
  args: string[],
  postgres: boolean,
): Promise<void> {
  if (postgres) {
    throw new CliError(
      'Head office runs on PostgreSQL (DATABASE_URL): back it up with pg_dump -Fc and restore it with pg_restore into an empty database, as docs/operations.md shows.',
    );
  }
  const [file] = args.filter((a) => !a.startsWith('--'));
  if (file === undefined) throw new CliError(USAGE);
  // What the CLI writes (the backup, a restored folder) is its account's alone.
  process.umask(0o077);
  const dataDir = defaultDataDir();
  const local = await readLocalAdmin(dataDir);
  const running = local !== null && (await reachable(local.url)) ? local : null;
  const say = (line: string) => console.log(line);
  const started = Date.now();
  try {
    if (command === 'backup') {
      if (existsSync(file))
        throw new CliError(`${file} already exists: choose another name (nothing was written).`);
      const bytes = running
        ? await backupOverHttp(running, file, say)
        : await backupDataDir(dataDir, file, say);
      say(
        `Backup written to ${file} (${(bytes / 2 ** 20).toFixed(1)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      say('It holds password hashes and every customer: keep it as safe as the data folder.');
      return;
    }
    if (running) {
      throw new CliError(
        `Head office is running on ${dataDir} (${running.url}). Stop it first (Ctrl-C where npm start runs), then restore. Nothing was changed.`,
      );
    }
    const { previous } = await restoreDataDir(dataDir, file, say);
    say(`Head office's data folder ${dataDir} now holds the backup.`);
    if (previous !== null)
      say(`The folder it replaced is kept as ${previous} (delete it when you no longer need it).`);
    say(
      'Start head office as usual (it applies any newer migrations). Laptops send again, at their next sync, what head office had acknowledged after the backup; people who signed in after it sign in again.',
    );
  } catch (error) {
    if (error instanceof BackupError) {
      throw new CliError(`${error.message}${command === 'restore' ? ' Nothing was changed.' : ''}`);
    }
    throw error;
  }
}

/** Runs a command: a CliError is printed and exits 1, anything else is a bug and throws. */
async function exitCodeOf(work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/** Head office is running on this PGlite folder: go through its HTTP API with the local key. */
async function runOverHttp(local: LocalAdmin, command: string, args: string[]): Promise<number> {
  const cli: Cli = {
    streamsProgress: false,
    async call<T>(method: string, input: unknown): Promise<T> {
      const response = await fetch(`${local.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${local.token}` },
        body: JSON.stringify(input),
      });
      const body: unknown = await response.json().catch(() => null);
      const parsed = resultSchema.safeParse(body);
      if (!parsed.success) throw new CliError(`${method}: head office answered ${response.status}`);
      return unwrap<T>(method, parsed.data);
    },
  };
  return exitCodeOf(() => run(cli, command, args));
}

async function main(argv: string[]): Promise<number> {
  const asEmail = option(argv, 'as') ?? process.env.TOURNEE_ADMIN_EMAIL;
  const rest = argv.filter((a) => !a.startsWith('--as='));
  const [command, ...args] = rest;
  if (command === undefined || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  const url = process.env.DATABASE_URL;
  if (command === 'backup' || command === 'restore') {
    return exitCodeOf(() => runBackupCommand(command, args, url !== undefined && url !== ''));
  }
  if (url === undefined || url === '') {
    const local = await readLocalAdmin(defaultDataDir());
    if (local !== null && (await reachable(local.url))) {
      return runOverHttp(local, command, args);
    }
  }
  const database: Database = await openDatabase(
    url !== undefined && url !== '' ? { url } : { dataDir: defaultDataDir() },
  );
  let sessionId: string | undefined;
  try {
    return await exitCodeOf(async () => {
      const admins = await database.db
        .select()
        .from(users)
        .where(asEmail === undefined ? eq(users.role, 'admin') : eq(users.email, asEmail.toLowerCase()))
        .orderBy(asc(users.email))
        .limit(1);
      const admin = admins[0];
      if (admin === undefined || admin.role !== 'admin') {
        throw new CliError(
          asEmail === undefined ? 'No admin user in this database.' : `${asEmail} is not an admin.`,
        );
      }
      const session = await createSession(database.db, admin.id, 'admin CLI', new Date());
      sessionId = session.sessionId;
      const cli: Cli = {
        streamsProgress: true,
        async call<T>(method: string, input: unknown, options?: { progress?: ProgressListener }): Promise<T> {
          const ctx: RequestContext = {
            db: database.db,
            config: { passwordHashing: productionHashOptions, now: () => new Date() },
            token: session.token,
            effects: {},
            log: { error: (obj, msg) => console.error(msg ?? 'error', obj) },
            ...(options?.progress ? { progress: options.progress } : {}),
          };
          return unwrap<T>(method, await dispatch(method, input, ctx));
        },
      };
      await run(cli, command, args);
    });
  } finally {
    if (sessionId !== undefined) await revokeSession(database.db, sessionId, new Date());
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
