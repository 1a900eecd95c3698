import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok } from '../shared/lib/result.js';
import type { RequestContext } from './context.js';
import { openDatabase } from './db/connect.js';
import type { Database } from './db/connect.js';
import { dispatchWith } from './dispatch.js';
import type { Handlers } from './dispatch.js';
import { handlers } from './handlers.js';
import { createSession } from './features/auth/sessions.js';
import { testHashOptions } from './features/auth/passwords.js';
import { seedDemo } from './seed/demo.js';
import type { DemoIds } from './seed/demo.js';

describe('dispatch', () => {
  let database: Database;
  let ids: DemoIds;
  let repToken: string;
  let adminToken: string;

  beforeAll(async () => {
    database = await openDatabase();
    ids = await seedDemo(database.db, { hashOptions: testHashOptions, customersPerRep: 2 });
    const now = new Date();
    repToken = (await createSession(database.db, ids.repIds.camille, 'test', now)).token;
    adminToken = (await createSession(database.db, ids.adminId, 'test', now)).token;
  }, 30_000);
  afterAll(async () => {
    await database.close();
  });

  const ctx = (token?: string): RequestContext => ({
    db: database.db,
    config: { passwordHashing: testHashOptions, now: () => new Date() },
    effects: {},
    ...(token === undefined ? {} : { token }),
  });

  it('answers unknown-method for a name outside the contract', async () => {
    expect(await dispatchWith(handlers, 'toString', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });

  it('answers bad-request with the field for bad input', async () => {
    const result = await dispatchWith(handlers, 'customer-get', { id: 42 }, ctx(repToken));
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'id' } });
    expect(await dispatchWith(handlers, 'customer-get', 'nope', ctx(repToken))).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('needs a session for non-public methods', async () => {
    expect(await dispatchWith(handlers, 'auth-me', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    expect(await dispatchWith(handlers, 'auth-me', {}, ctx('bogus'))).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });

  it('refuses a role not listed by the handler', async () => {
    const result = await dispatchWith(handlers, 'customer-delete', { id: ids.repIds.camille }, ctx(repToken));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('parses the output and turns a contract breach into internal', async () => {
    const broken: Handlers = {
      ...handlers,
      'auth-me': { auth: ['admin'], run: async () => ok({ user: { id: 'x' }, sessionId: 'y' } as never) },
    };
    expect(await dispatchWith(broken, 'auth-me', {}, ctx(adminToken))).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const good = await dispatchWith(handlers, 'auth-me', {}, ctx(adminToken));
    expect(good).toMatchObject({ ok: true, value: { user: { role: 'admin' } } });
  });

  it('returns handler failures unchanged and turns throws into internal', async () => {
    const failing: Handlers = {
      ...handlers,
      'auth-me': { auth: 'public', run: async () => fail('conflict', 'nope') },
    };
    expect(await dispatchWith(failing, 'auth-me', {}, ctx())).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'nope' },
    });
    const throwing: Handlers = {
      ...handlers,
      'auth-me': {
        auth: 'public',
        run: async () => {
          throw new Error('boom');
        },
      },
    };
    expect(await dispatchWith(throwing, 'auth-me', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('answers bad-request, not internal, when the database refuses a value (SQLSTATE 22…)', async () => {
    const refusing = (thrown: unknown): Handlers => ({
      ...handlers,
      'auth-me': {
        auth: 'public',
        run: async () => {
          throw thrown;
        },
      },
    });
    // As node-postgres throws it, and wrapped as Drizzle does.
    const outOfRange = Object.assign(new Error('date/time field value out of range'), { code: '22008' });
    expect(await dispatchWith(refusing(outOfRange), 'auth-me', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    const wrapped = Object.assign(new Error('Failed query'), { cause: outOfRange });
    expect(await dispatchWith(refusing(wrapped), 'auth-me', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    // Other database failures stay internal.
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(await dispatchWith(refusing(unique), 'auth-me', {}, ctx())).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('refuses year 0 in dates before the database sees it, and really is one PostgreSQL refuses', async () => {
    const result = await dispatchWith(
      handlers,
      'appointment-list',
      { from: '0000-06-01T08:00:00.000Z' },
      ctx(repToken),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'from' } });
    await expect(database.db.execute(sql`select '0000-06-01'::date`)).rejects.toThrow();
  });

  it('strips unknown keys from the output through the schema', async () => {
    const extra: Handlers = {
      ...handlers,
      // @ts-expect-error -- deliberately returns a key outside the contract
      'auth-logout': { auth: 'public', run: async () => ok({ secret: 1 }) },
    };
    expect(await dispatchWith(extra, 'auth-logout', {}, ctx())).toEqual({ ok: true, value: {} });
  });
});

describe('text holding a NUL character', () => {
  it('is found wherever it hides, with its path', async () => {
    const { nulPath } = await import('./dispatch.js');
    expect(nulPath({ name: 'ok', lines: [{ note: 'fine' }, { note: 'a\u0000b' }] })).toBe('lines.1.note');
    expect(nulPath({ ['bad\u0000key']: 1 })).toBe('bad\u0000key');
    expect(nulPath('\u0000')).toBe('(input)');
    expect(nulPath({ name: 'Café « du Parc »', n: 3, none: null })).toBeNull();
  });
});
