import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/shared/contract/auth.js';
import type { User } from '../../src/shared/domain/user/user.js';
import { createLoginLink } from '../../src/server/features/auth/loginLinks.js';
import { backends, DEMO, startTestServer, uuidv7 } from './harness.js';
import type { TestServer } from './harness.js';

describe.each(backends)('auth on $name', (backend) => {
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    server = await startTestServer(backend, { customersPerRep: 1 });
    admin = await server.login(DEMO.admin);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  const login = (email: string, password: string, tokenDelivery: 'body' | 'cookie' = 'body') =>
    server.call<{ token?: string; user: User; sessionId: string }>('auth-login', {
      email,
      password,
      deviceName: 'Portable',
      tokenDelivery,
    });

  it('signs in with the right password (email case-insensitive) and answers auth-me', async () => {
    const reply = await login('Camille.Martin@Tournee.test', DEMO.password);
    expect(reply.status).toBe(200);
    if (!reply.body.ok) throw new Error('login failed');
    expect(reply.body.value.user).toMatchObject({
      email: DEMO.camille,
      role: 'rep',
      locale: 'fr',
      timeZone: 'Europe/Paris',
    });
    expect(reply.body.value.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await server.ok<{ user: User; sessionId: string }>('auth-me', {}, reply.body.value.token);
    expect(me.sessionId).toBe(reply.body.value.sessionId);
  });

  it('refuses a bad password and an unknown email alike', async () => {
    const bad = await login(DEMO.thomas, 'wrong');
    expect(bad.status).toBe(401);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
    const unknown = await login('nobody@tournee.test', 'wrong');
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'invalid-credentials' } });
  });

  it('throttles after 5 failures, even with the right password', async () => {
    const email = `throttle-${uuidv7().slice(-8)}@tournee.test`;
    await server.ok(
      'user-create',
      {
        id: uuidv7(),
        email,
        name: 'Throttle Test',
        role: 'rep',
        teamId: server.ids.teamId,
        password: 'correct-horse',
      },
      admin,
    );
    for (let i = 0; i < 5; i += 1) {
      expect((await login(email, 'wrong')).body).toMatchObject({
        ok: false,
        error: { code: 'invalid-credentials' },
      });
    }
    const blocked = await login(email, 'correct-horse');
    expect(blocked.status).toBe(429);
    if (blocked.body.ok) throw new Error('should be throttled');
    expect(blocked.body.error.code).toBe('too-many-attempts');
    expect(blocked.body.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.body.error.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  /** A sign-in from `ip`, as a browser there would send it. */
  const loginFrom = async (ip: string, email: string, password: string) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth-login',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json' },
      payload: { email, password, deviceName: 'Portable', tokenDelivery: 'body' },
    });
    return response.json<{ ok: true } | { ok: false; error: { code: string } }>();
  };
  const newRep = async (password = 'correct-horse') => {
    const email = `throttle-${uuidv7().slice(-12)}@tournee.test`;
    await server.ok(
      'user-create',
      { id: uuidv7(), email, name: 'Throttle Test', role: 'rep', teamId: server.ids.teamId, password },
      admin,
    );
    return email;
  };
  const codes = (replies: ({ ok: true } | { ok: false; error: { code: string } })[]) =>
    replies.map((r) => (r.ok ? 'ok' : r.error.code));

  it('checks no more than 5 passwords when 40 wrong ones for one e-mail arrive at once', async () => {
    const email = await newRep();
    const replies = await Promise.all(
      Array.from({ length: 40 }, () => loginFrom('203.0.113.7', email, 'wrong')),
    );
    const counted = codes(replies);
    expect(counted.filter((c) => c === 'invalid-credentials')).toHaveLength(5);
    expect(counted.filter((c) => c === 'too-many-attempts')).toHaveLength(35);
    // The right password from that address is refused too, for now.
    expect(codes([await loginFrom('203.0.113.7', email, 'correct-horse')])).toEqual(['too-many-attempts']);
  }, 60_000);

  it("does not lock the real user out with someone else's failures from another address", async () => {
    const email = await newRep();
    for (let i = 0; i < 5; i += 1) await loginFrom('198.51.100.1', email, 'wrong');
    expect(codes([await loginFrom('198.51.100.1', email, 'correct-horse')])).toEqual(['too-many-attempts']);
    expect(codes([await loginFrom('192.0.2.44', email, 'correct-horse')])).toEqual(['ok']);
  }, 60_000);

  it('stops one address trying passwords on every account after 20 failures', async () => {
    const emails = await Promise.all(Array.from({ length: 21 }, () => newRep()));
    const first = await Promise.all(
      emails.slice(0, 20).map((email) => loginFrom('198.51.100.99', email, 'wrong')),
    );
    expect(codes(first).every((c) => c === 'invalid-credentials')).toBe(true);
    expect(codes([await loginFrom('198.51.100.99', emails[20]!, 'correct-horse')])).toEqual([
      'too-many-attempts',
    ]);
    // A right password is not a failure: it does not count against the address.
    expect(codes([await loginFrom('192.0.2.45', emails[20]!, 'correct-horse')])).toEqual(['ok']);
  }, 60_000);

  it('cookie delivery sets an HttpOnly SameSite=Strict cookie and omits the token', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/auth-login',
      headers: { 'content-type': 'application/json' },
      payload: {
        email: DEMO.camille,
        password: DEMO.password,
        deviceName: 'Navigateur',
        tokenDelivery: 'cookie',
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ ok: true; value: { token?: string } }>();
    expect(body.value.token).toBeUndefined();
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^tournee_session=[A-Za-z0-9_-]{43}; Max-Age=259\d{4}; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    const token = /tournee_session=([^;]+)/.exec(setCookie)?.[1] ?? '';
    const me = await server.app.inject({
      method: 'POST',
      url: '/api/auth-me',
      headers: { cookie: `other=1; tournee_session=${token}`, 'content-type': 'application/json' },
      payload: {},
    });
    expect(me.json()).toMatchObject({ ok: true, value: { user: { email: DEMO.camille } } });
    const logout = await server.app.inject({
      method: 'POST',
      url: '/api/auth-logout',
      headers: { cookie: `tournee_session=${token}` },
    });
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
  });

  it('no token → unauthenticated; revoked → session-revoked', async () => {
    const none = await server.call('auth-me', {});
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const token = await server.login(DEMO.thomas);
    const other = await server.login(DEMO.thomas);
    const { sessions } = await server.ok<{ sessions: Session[] }>('auth-sessions', {}, token);
    const target = sessions.find((s) => !s.current && s.revokedAt === null);
    expect(target).toBeDefined();
    // Thomas cannot revoke Camille's sessions, but may revoke his own.
    const camilleToken = await server.login(DEMO.camille);
    const camilleMe = await server.ok<{ sessionId: string }>('auth-me', {}, camilleToken);
    expect((await server.call('auth-revoke', { sessionId: camilleMe.sessionId }, token)).status).toBe(404);
    const otherMe = await server.ok<{ sessionId: string }>('auth-me', {}, other);
    expect(await server.ok('auth-revoke', { sessionId: otherMe.sessionId }, token)).toEqual({
      revoked: true,
    });
    const revoked = await server.call('auth-me', {}, other);
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject({ ok: false, error: { code: 'session-revoked' } });
    // Logout revokes the current session.
    await server.ok('auth-logout', {}, token);
    expect((await server.call('auth-me', {}, token)).body).toMatchObject({
      ok: false,
      error: { code: 'session-revoked' },
    });
    // An admin may revoke anyone's session.
    expect(await server.ok('auth-revoke', { sessionId: camilleMe.sessionId }, admin)).toEqual({
      revoked: true,
    });
  });

  it('reps may not call admin methods', async () => {
    const rep = await server.login(DEMO.camille);
    const reply = await server.call(
      'customer-create',
      {
        id: uuidv7(),
        name: 'X',
        address: '',
        postcode: '',
        city: '',
        phone: '',
        email: '',
        status: 'prospect',
        ownerId: null,
      },
      rep,
    );
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('user-set-locale changes the locale', async () => {
    const rep = await server.login(DEMO.camille);
    const { user } = await server.ok<{ user: User }>('user-set-locale', { locale: 'en' }, rep);
    expect(user.locale).toBe('en');
    await server.ok('user-set-locale', { locale: 'fr' }, rep);
  });

  it('redeems a one-time login link once, over GET /auth/link and auth-redeem-link', async () => {
    const code = await createLoginLink(server.database.db, server.ids.repIds.camille);
    const response = await server.app.inject({ method: 'GET', url: `/auth/link?code=${code}` });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(String(response.headers['set-cookie'])).toMatch(/^tournee_session=/);
    const again = await server.app.inject({ method: 'GET', url: `/auth/link?code=${code}` });
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(again.headers['content-security-policy']).toContain("default-src 'self'");
    expect(again.body).toContain('invalid');
    const code2 = await createLoginLink(server.database.db, server.ids.repIds.camille);
    const redeemed = await server.call<{ token?: string }>('auth-redeem-link', {
      code: code2,
      deviceName: 'Electron',
      tokenDelivery: 'body',
    });
    expect(redeemed.body.ok && redeemed.body.value.token).toBeTruthy();
    const expired = await createLoginLink(
      server.database.db,
      server.ids.repIds.camille,
      new Date(Date.now() - 3 * 60_000),
    );
    expect(
      (await server.call('auth-redeem-link', { code: expired, deviceName: 'x', tokenDelivery: 'body' }))
        .status,
    ).toBe(401);
  });
});
