/** Starts head office: database (PGlite in the user's data dir, or PostgreSQL), seed, HTTP. */
import { isMainThread } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { buildServer, LOG_REDACT } from './app.js';
import type { ServerConfig } from './context.js';
import { openDatabase } from './db/connect.js';
import type { DatabaseKind } from './db/connect.js';
import { createLoginLink } from './features/auth/loginLinks.js';
import { findUserByEmail } from './features/auth/users.js';
import { publishLocalAdmin } from './cli/localAdmin.js';
import { seedDemoCompany } from './seed/demo.js';
import { refreshStatistics } from './db/statistics.js';
import { UnknownUserError } from './seed/demo.js';
import { CappedLogFile, headOfficeLogStream, logFilePath, verboseFromEnv } from './lib/logging.js';

export const DEFAULT_PORT = 4870;

export interface StartHeadOfficeOptions {
  /** 0 picks a free port; default `$PORT` or 4870. */
  port?: number | undefined;
  host?: string | undefined;
  /** PGlite data directory; default `defaultDataDir()`. Ignored when databaseUrl is set. */
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
  rendererDir?: string | undefined;
  seed?: boolean | undefined;
  /** Size of the demo company when seeding: 1 (default) → ~6,000 customers; tests use ~0.02. */
  seedScale?: number | undefined;
  /** Called while the demo company is written (first start only): entity and rows. */
  onSeedProgress?: ((entity: string, rows: number, ms: number) => void) | undefined;
  /** Called after each chunk of rows while the demo company is written: written and total. */
  onSeedRows?: ((entity: string, written: number, total: number) => void) | undefined;
  /**
   * Fastify/pino logger options; by default every request goes to `logFile` and the console
   * gets one line per warning, error or event (`lib/logging.ts`).
   */
  logger?: FastifyServerOptions['logger'];
  /** The default logger's file: default `logs/head-office.log` in the data folder; null: none. */
  logFile?: string | null | undefined;
  /** The default logger also writes its JSON to the console: default `$TOURNEE_LOG=debug`. */
  verboseConsole?: boolean | undefined;
  config?: Partial<ServerConfig>;
  /** Default `$TOURNEE_TRUST_PROXY`: `true`, or the proxies' addresses (comma list). */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /**
   * Default `$TOURNEE_ALLOWED_HOSTS` (comma list); when unset and head office listens on the
   * loopback only, the loopback names (localhost, 127.0.0.1, ::1); otherwise any name.
   */
  allowedHosts?: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1', '[::1]'];

/** `TOURNEE_TRUST_PROXY` as Fastify takes it: true/false, or the proxies' addresses (CIDR allowed). */
export function trustProxyFromEnv(value: string | undefined): FastifyServerOptions['trustProxy'] {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `TOURNEE_SEED_SCALE`: a positive number (the demo company's size), else the default. */
export function seedScaleFromEnv(value: string | undefined): number | undefined {
  const scale = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(scale) && scale > 0
    ? scale
    : undefined;
}

/** The names head office answers to: explicit, else the loopback ones when it listens there only. */
export function allowedHostsFor(host: string, env: string | undefined): readonly string[] | undefined {
  const listed = (env ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (listed.length > 0) return listed;
  return LOOPBACK_NAMES.includes(host) || host.startsWith('127.') ? LOOPBACK_NAMES : undefined;
}

export interface HeadOffice {
  url: string;
  port: number;
  kind: DatabaseKind;
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  dataLocation: string;
  /** Where the request log goes (null: a logger of the caller's, or none). */
  logFile: string | null;
  close(): Promise<void>;
  /** A one-time code for `/auth/link?code=…` or `auth-redeem-link` (2 minutes). */
  createLoginLink(email: string): Promise<string>;
}

/** Per-user data dir: `$TOURNEE_DATA_DIR`, else the platform's application-data folder. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (env.TOURNEE_DATA_DIR !== undefined && env.TOURNEE_DATA_DIR !== '') return env.TOURNEE_DATA_DIR;
  switch (platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tournee', 'headoffice');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Tournee', 'headoffice');
    default:
      return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'tournee', 'headoffice');
  }
}

export function serverVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string')
      return pkg.version;
  } catch {
    // fall through
  }
  return '0.0.0';
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}

export async function startHeadOffice(options: StartHeadOfficeOptions = {}): Promise<HeadOffice> {
  const databaseUrl =
    options.databaseUrl !== undefined && options.databaseUrl !== '' ? options.databaseUrl : undefined;
  const dataDir = databaseUrl === undefined ? (options.dataDir ?? defaultDataDir()) : undefined;
  // Whatever head office writes in its data folder from now on is its account's alone (a worker
  // thread may not change the process's umask; the folder itself is 0700 in any case).
  if (dataDir !== undefined && isMainThread) process.umask(0o077);
  const database = await openDatabase(databaseUrl !== undefined ? { url: databaseUrl } : { dataDir });
  let logFile: CappedLogFile | null = null;
  try {
    const logPath =
      options.logger !== undefined || options.logFile === null
        ? null
        : (options.logFile ?? logFilePath(dataDir ?? defaultDataDir()));
    logFile = logPath === null ? null : new CappedLogFile(logPath);
    const logger: FastifyServerOptions['logger'] =
      options.logger ??
      ({
        level: 'info',
        redact: LOG_REDACT,
        stream: headOfficeLogStream({
          file: logFile,
          verbose: options.verboseConsole ?? verboseFromEnv(process.env.TOURNEE_LOG),
        }),
      } satisfies FastifyServerOptions['logger']);
    if (options.seed === true) {
      const seeded = await seedDemoCompany(database.db, {
        ...(options.config?.passwordHashing ? { hashOptions: options.config.passwordHashing } : {}),
        ...(options.seedScale !== undefined ? { scale: options.seedScale } : {}),
        ...(options.onSeedProgress ? { onProgress: options.onSeedProgress } : {}),
        ...(options.onSeedRows ? { onRows: options.onSeedRows } : {}),
      });
      if (seeded.written) await refreshStatistics(database.db);
    }
    const host = options.host ?? '127.0.0.1';
    const allowedHosts = options.allowedHosts ?? allowedHostsFor(host, process.env.TOURNEE_ALLOWED_HOSTS);
    const app = await buildServer({
      db: database.db,
      kind: database.kind,
      version: serverVersion(),
      rendererDir: options.rendererDir,
      logger,
      config: options.config,
      trustProxy: options.trustProxy ?? trustProxyFromEnv(process.env.TOURNEE_TRUST_PROXY),
      ...(database.backup === undefined ? {} : { backup: database.backup }),
      ...(allowedHosts === undefined ? {} : { allowedHosts }),
    });
    const envPort =
      process.env.PORT !== undefined && process.env.PORT !== '' ? Number(process.env.PORT) : undefined;
    const port = options.port ?? envPort ?? DEFAULT_PORT;
    await app.listen({ port, host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address !== null ? address.port : port;
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`;
    const withdrawLocalAdmin =
      dataDir !== undefined ? await publishLocalAdmin(database.db, dataDir, url) : null;
    let closed = false;
    return {
      url,
      port: actualPort,
      kind: database.kind,
      dataLocation: databaseUrl !== undefined ? redactUrl(databaseUrl) : (dataDir ?? 'memory'),
      logFile: logPath,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await withdrawLocalAdmin?.();
        await database.close();
        logFile?.close();
      },
      async createLoginLink(email: string) {
        const user = await findUserByEmail(database.db, email);
        if (user === undefined) throw new UnknownUserError(email);
        return createLoginLink(database.db, user.id);
      },
    };
  } catch (error) {
    await database.close();
    logFile?.close();
    throw error;
  }
}
