import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, CONTENT_SECURITY_POLICY } from '../../src/server/app.js';
import { allowedHostsFor, trustProxyFromEnv } from '../../src/server/start.js';
import type { Database } from '../../src/server/db/connect.js';
import { backends, DEMO, startTestServer } from './harness.js';
import type { TestServer } from './harness.js';

describe.each(backends)('http on $name', (backend) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 1 });
    token = await server.login(DEMO.camille);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  const post = (url: string, payload: string, contentType = 'application/json') =>
    server.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
      payload,
    });

  it('GET /health', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/health' });
    expect(response.json()).toEqual({ status: 'ok', version: 'test', database: backend.name });
  });

  it('year 0 in any date field is a 400 with the field, never a 500', async () => {
    const admin = await server.login(DEMO.admin);
    const customer = (await server.ok<{ customers: { id: string }[] }>('customer-list', { limit: 1 }, admin))
      .customers[0]!;
    const cases: [string, unknown, string][] = [
      [
        'customer-create',
        {
          id: '01890000-0000-7000-8000-0000000000c1',
          name: 'An 0',
          status: 'prospect',
          firstContactDate: '0000-03-01',
        },
        'firstContactDate',
      ],
      [
        'customer-update',
        { id: customer.id, changes: { firstContactDate: '0000-03-01' } },
        'changes.firstContactDate',
      ],
      ['appointment-list', { from: '0000-03-01T08:00:00.000Z' }, 'from'],
      ['team-review', { from: '0000-01-01', to: '0000-03-01' }, 'from'],
      ['rfm-scores', { asOf: '0000-03-01' }, 'asOf'],
    ];
    for (const [method, input, field] of cases) {
      const reply = await server.call(method, input, admin);
      expect({ method, status: reply.status, body: reply.body }).toMatchObject({
        method,
        status: 400,
        body: { ok: false, error: { code: 'bad-request', field } },
      });
    }
  });

  it('malformed JSON → 400 Result', async () => {
    const response = await post('/api/auth-me', '{"oops');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('wrong content type → 400 Result', async () => {
    const response = await post('/api/auth-me', 'hello', 'text/plain');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('body too large → 400 Result', async () => {
    const response = await post('/api/auth-me', JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('wrong types → 400 with the field', async () => {
    const response = await post(
      '/api/sync-pull',
      JSON.stringify({ clientId: 'not-a-uuid', schemaVersion: 1, cookie: null }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'clientId' } });
    const nested = await post(
      '/api/sync-push',
      JSON.stringify({
        clientId: '01890000-0000-7000-8000-000000000001',
        schemaVersion: 1,
        mutations: [{ mid: 0 }],
      }),
    );
    expect(nested.statusCode).toBe(400);
    expect(nested.json()).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const array = await post('/api/customer-list', '[1,2]');
    expect(array.statusCode).toBe(400);
    const nul = await post('/api/customer-get', 'null');
    expect(nul.statusCode).toBe(400);
  });

  it('unknown method → 404 unknown-method', async () => {
    const response = await post('/api/drop-everything', '{}');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    const proto = await post('/api/__proto__', '{}');
    expect(proto.statusCode).toBe(404);
  });

  it('customer-list filters case- and accent-insensitively', async () => {
    const admin = await server.login(DEMO.admin);
    const manager = await server.login(DEMO.manager);
    await server.ok(
      'customer-create',
      {
        id: '01890000-0000-7000-8000-0000000000aa',
        name: 'Crêperie Éléonore',
        address: '',
        postcode: '73000',
        city: 'Chambéry',
        phone: '',
        email: '',
        status: 'prospect',
        ownerId: server.ids.repIds.camille,
      },
      manager,
    );
    for (const query of ['creperie eleo', 'CHAMBERY', '73000']) {
      const { customers } = await server.ok<{ customers: { name: string }[] }>(
        'customer-list',
        { query },
        admin,
      );
      expect(customers.map((c) => c.name)).toContain('Crêperie Éléonore');
    }
    const { customers } = await server.ok<{ customers: unknown[] }>('customer-list', { query: '%' }, admin);
    expect(customers).toHaveLength(0);
  });
});

describe('static renderer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tournee-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tournée</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves files, falls back to index.html with CSP and no-cache, and keeps API 404s as JSON', async () => {
    const { openDatabase } = await import('../../src/server/db/connect.js');
    const database = await openDatabase();
    const app = await buildServer({
      db: database.db,
      kind: database.kind,
      version: 'test',
      logger: false,
      rendererDir: dir,
    });
    try {
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      const spa = await app.inject({ method: 'GET', url: '/customers/123' });
      expect(spa.statusCode).toBe(200);
      expect(spa.body).toContain('<title>Tournée</title>');
      expect(spa.headers['cache-control']).toBe('no-cache');
      expect(spa.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      const root = await app.inject({ method: 'GET', url: '/' });
      expect(root.headers['cache-control']).toBe('no-cache');
      expect(root.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      const api = await app.inject({ method: 'GET', url: '/api/auth-me' });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await app.close();
      await database.close();
    }
  });
});

describe('head office facing the network', () => {
  let database: Database;
  beforeAll(async () => {
    const { openDatabase } = await import('../../src/server/db/connect.js');
    const { seedDemo } = await import('../../src/server/seed/demo.js');
    const { testHashOptions } = await import('../../src/server/features/auth/passwords.js');
    database = await openDatabase();
    await seedDemo(database.db, { hashOptions: testHashOptions, customersPerRep: 1 });
  }, 60_000);
  afterAll(async () => {
    await database.close();
  });
  const build = (extra: Partial<Parameters<typeof buildServer>[0]>) =>
    buildServer({ db: database.db, kind: database.kind, version: 'test', logger: false, ...extra });

  it('answers an anonymous call of a method that needs a session before reading its body', async () => {
    const app = await build({});
    try {
      // 5 MB that is not even JSON: read, it would be a 400; refused first, it is a 401.
      const junk = `{"x":"${'a'.repeat(5 * 1024 * 1024)}`;
      for (const url of ['/api/customer-list', '/sync/push']) {
        const response = await app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: junk,
        });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 401 });
        expect(response.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
      }
      // Signing in needs no session; an unknown method is still said to be unknown.
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth-login',
        headers: { 'content-type': 'application/json' },
        payload: { email: DEMO.camille, password: 'wrong', deviceName: 'x', tokenDelivery: 'body' },
      });
      expect(login.statusCode).toBe(401);
      expect(login.json()).toMatchObject({ error: { code: 'invalid-credentials' } });
      const unknown = await app.inject({ method: 'POST', url: '/api/no-such-method', payload: {} });
      expect(unknown.json()).toMatchObject({ error: { code: 'unknown-method' } });
    } finally {
      await app.close();
    }
  });

  it('on the loopback, refuses another host name (DNS rebinding) with 421', async () => {
    const app = await build({ allowedHosts: allowedHostsFor('127.0.0.1', undefined) ?? [] });
    try {
      const rebound = await app.inject({
        method: 'GET',
        url: '/health',
        headers: { host: 'evil.example:4870' },
      });
      expect(rebound.statusCode).toBe(421);
      for (const host of ['127.0.0.1:4870', 'localhost:4870', '[::1]:4870']) {
        const ok = await app.inject({ method: 'GET', url: '/health', headers: { host } });
        expect({ host, status: ok.statusCode }).toEqual({ host, status: 200 });
      }
    } finally {
      await app.close();
    }
    expect(allowedHostsFor('0.0.0.0', undefined)).toBeUndefined();
    expect(allowedHostsFor('0.0.0.0', 'crm.example.fr, tournee.example.fr')).toEqual([
      'crm.example.fr',
      'tournee.example.fr',
    ]);
  });

  it('behind a TLS proxy it trusts, the session cookie is Secure and HSTS is sent; not otherwise', async () => {
    const signIn = async (app: Awaited<ReturnType<typeof build>>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth-login',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        payload: { email: DEMO.camille, password: DEMO.password, deviceName: 'x', tokenDelivery: 'cookie' },
      });
    const proxied = await build({ trustProxy: trustProxyFromEnv('true') });
    try {
      const response = await signIn(proxied);
      expect(response.statusCode).toBe(200);
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await proxied.close();
    }
    // Not told to trust a proxy: a forged X-Forwarded-Proto changes nothing.
    const direct = await build({});
    try {
      const response = await signIn(direct);
      expect(String(response.headers['set-cookie'])).not.toMatch(/Secure/);
      expect(response.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await direct.close();
    }
    expect(trustProxyFromEnv('10.0.0.1, 10.0.0.0/8')).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(trustProxyFromEnv(undefined)).toBe(false);
  });
});
