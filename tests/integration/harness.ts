/**
 * Integration harness: the real Fastify app (`app.inject`) over in-memory PGlite and, when
 * DATABASE_URL is set, over PostgreSQL in a fresh database per test file (dropped after).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import type { BuildServerOptions } from '../../src/server/app.js';
import { openDatabase } from '../../src/server/db/connect.js';
import type { Database, DatabaseKind, OpenDatabaseOptions } from '../../src/server/db/connect.js';
import { testHashOptions } from '../../src/server/features/auth/passwords.js';
import { createSession } from '../../src/server/features/auth/sessions.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import type { DemoIds } from '../../src/server/seed/demo.js';
import type { Result } from '../../src/shared/lib/result.js';
import { SCHEMA_VERSION } from '../../src/shared/sync/protocol.js';
import type { Mutation } from '../../src/shared/sync/mutations.js';
import type { PullResponse } from '../../src/shared/sync/protocol.js';

export interface Backend {
  name: DatabaseKind;
  /** A fresh, empty database and how to drop it. */
  create(): Promise<{ options: OpenDatabaseOptions; drop(): Promise<void> }>;
}

const pgliteBackend: Backend = {
  name: 'pglite',
  async create() {
    return { options: {}, drop: async () => {} };
  },
};

function postgresBackend(url: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `tournee_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      return {
        options: { url: dbUrl.toString() },
        async drop() {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          await client.query(`drop database if exists ${name} with (force)`);
          await client.end();
        },
      };
    },
  };
}

export const backends: Backend[] = [
  pgliteBackend,
  ...(process.env.DATABASE_URL ? [postgresBackend(process.env.DATABASE_URL)] : []),
];

export const DEMO = {
  admin: 'admin@tournee.test',
  manager: 'julien.mercier@tournee.test',
  camille: 'camille.martin@tournee.test',
  thomas: 'thomas.bernard@tournee.test',
  password: 'tournee',
} as const;

export interface Reply<T = unknown> {
  status: number;
  body: Result<T>;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestServer {
  app: FastifyInstance;
  database: Database;
  ids: DemoIds;
  call<T = unknown>(method: string, input: unknown, token?: string): Promise<Reply<T>>;
  /** Asserts success and returns the value. */
  ok<T = unknown>(method: string, input: unknown, token?: string): Promise<T>;
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export class CallFailedError extends Error {
  constructor(method: string, reply: Reply) {
    super(`${method} failed (${reply.status}): ${JSON.stringify(reply.body)}`);
    this.name = 'CallFailedError';
  }
}

export async function startTestServer(
  backend: Backend,
  options: {
    customersPerRep?: number;
    reuse?: { options: OpenDatabaseOptions };
    syncWaits?: (db: Database['db']) => NonNullable<BuildServerOptions['syncWaits']>;
  } = {},
): Promise<TestServer> {
  const created = options.reuse
    ? { options: options.reuse.options, drop: async () => {} }
    : await backend.create();
  const database = await openDatabase(created.options);
  const ids = await seedDemo(database.db, {
    hashOptions: testHashOptions,
    ...(options.customersPerRep !== undefined
      ? { customersPerRep: options.customersPerRep }
      : { scale: 0.02 }),
    notesPerRep: 1,
  });
  const app = await buildServer({
    db: database.db,
    kind: database.kind,
    version: 'test',
    logger: false,
    rendererDir: '/nonexistent-renderer',
    config: { passwordHashing: testHashOptions },
    ...(options.syncWaits === undefined ? {} : { syncWaits: options.syncWaits(database.db) }),
  });
  await app.ready();

  async function call<T>(method: string, input: unknown, token?: string): Promise<Reply<T>> {
    const response = await app.inject({
      method: 'POST',
      url: `/api/${method}`,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify(input),
    });
    return { status: response.statusCode, body: response.json<Result<T>>(), headers: response.headers };
  }

  return {
    app,
    database,
    ids,
    call,
    async ok<T>(method: string, input: unknown, token?: string) {
      const reply = await call<T>(method, input, token);
      if (!reply.body.ok) throw new CallFailedError(method, reply);
      return reply.body.value;
    },
    async login(email: string) {
      const reply = await call<{ token?: string }>('auth-login', {
        email,
        password: DEMO.password,
        deviceName: 'vitest',
        tokenDelivery: 'body',
      });
      if (!reply.body.ok || reply.body.value.token === undefined)
        throw new CallFailedError('auth-login', reply);
      return reply.body.value.token;
    },
    async close() {
      await app.close();
      await database.close();
      await created.drop();
    },
  };
}

/** Builds a note-add mutation. */
export function noteAdd(mid: number, customerId: string, body = `Note ${mid}`): Mutation {
  return {
    mid,
    mutationId: uuidv7(),
    createdAt: new Date().toISOString(),
    name: 'note-add',
    args: { id: uuidv7(), customerId, body, createdAt: new Date().toISOString() },
  };
}

export function pushInput(clientId: string, mutations: Mutation[], schemaVersion = SCHEMA_VERSION) {
  return { clientId, schemaVersion, mutations };
}

export function pullInput(clientId: string, cookie: number | null, limit?: number) {
  return { clientId, schemaVersion: SCHEMA_VERSION, cookie, ...(limit === undefined ? {} : { limit }) };
}

export function putIds(response: PullResponse, entity: string): string[] {
  return response.patch.flatMap((op) => (op.op === 'put' && op.entity === entity ? [op.value.id] : []));
}

export function delIds(response: PullResponse, entity: string): string[] {
  return response.patch.flatMap((op) => (op.op === 'del' && op.entity === entity ? [op.id] : []));
}

/** Pulls until `more` is false, starting from `cookie`. */
export async function pullAll(
  server: TestServer,
  token: string,
  clientId: string,
  cookie: number | null,
): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  let current = cookie;
  for (;;) {
    const page = await server.ok<PullResponse>('sync-pull', pullInput(clientId, current), token);
    pages.push(page);
    current = page.cookie;
    if (!page.more) return pages;
  }
}

/**
 * A second team as head office would have it (Provence: Nadia Roux, manager, and Hugo Blanc, rep),
 * with a session for each.
 */
export async function addSecondTeam(server: TestServer): Promise<{
  managerId: string;
  repId: string;
  managerToken: string;
  repToken: string;
}> {
  const { db } = server.database;
  const teamId = uuidv7();
  const managerId = uuidv7();
  const repId = uuidv7();
  await db.execute(sql`insert into teams (id, name) values (${teamId}, 'Provence')`);
  await db.execute(sql`insert into users (id, email, name, role, team_id, password_hash) values
    (${managerId}, 'nadia.roux@tournee.test', 'Nadia Roux', 'manager', ${teamId}, 'x'),
    (${repId}, 'hugo.blanc@tournee.test', 'Hugo Blanc', 'rep', ${teamId}, 'x')`);
  const [manager, rep] = await Promise.all([
    createSession(db, managerId, 'test', new Date()),
    createSession(db, repId, 'test', new Date()),
  ]);
  return { managerId, repId, managerToken: manager.token, repToken: rep.token };
}

export { uuidv7 };
