import { describe, expect, it, vi } from 'vitest';
import { HeadOfficeClient } from './headOffice.js';
import type { FetchLike } from './headOffice.js';
import { TokenStore } from './tokenStore.js';
import type { FileSystemLike, SafeStorageLike } from './tokenStore.js';

const user = {
  id: '0190a8d6-8b3e-7c41-9c1e-2a4b6c8d0e1f',
  email: 'camille.martin@tournee.test',
  name: 'Camille Martin',
  role: 'rep',
  teamId: null,
  locale: 'fr',
  timeZone: 'Europe/Paris',
};

function memoryStore(encryption = true) {
  const files = new Map<string, Buffer>();
  const safeStorage: SafeStorageLike = {
    isEncryptionAvailable: () => encryption,
    encryptString: (plain) => Buffer.from(`enc:${plain}`),
    decryptString: (data) => data.toString().replace(/^enc:/, ''),
  };
  const fs: FileSystemLike = {
    readFile: async (path) => {
      const data = files.get(path);
      if (!data) throw new Error('ENOENT');
      return data;
    },
    writeFile: async (path, data) => {
      files.set(path, data);
    },
    rm: async (path) => {
      files.delete(path);
    },
  };
  return { files, store: new TokenStore('/data/session.bin', safeStorage, fs) };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('HeadOfficeClient (main side of app:invoke)', () => {
  it('asks head office for the token in the body, keeps it encrypted and hides it from the renderer', async () => {
    const { files, store } = memoryStore();
    const calls: { url: string; body: unknown; auth: string | null }[] = [];
    const fetchImpl: FetchLike = async (url, init) => {
      const headers = new Headers(init.headers);
      calls.push({ url, body: JSON.parse(String(init.body)), auth: headers.get('authorization') });
      if (url.endsWith('/api/auth-login')) {
        return json(200, {
          ok: true,
          value: { user, sessionId: user.id, expiresAt: '2026-12-24T00:00:00.000Z', token: 'secret-token' },
        });
      }
      return json(200, { ok: true, value: { user, sessionId: user.id } });
    };
    const client = new HeadOfficeClient('http://ho', store, fetchImpl, () => {});
    const login = await client.invoke('auth-login', {
      email: user.email,
      password: 'tournee',
      deviceName: 'laptop',
      tokenDelivery: 'cookie',
    });
    expect(login).toMatchObject({ ok: true });
    expect(JSON.stringify(login)).not.toContain('secret-token');
    expect(calls[0]?.body).toMatchObject({ tokenDelivery: 'body' });
    expect(files.get('/data/session.bin')?.toString()).toBe('enc:secret-token');

    await client.invoke('auth-me', {});
    expect(calls[1]?.auth).toBe('Bearer secret-token');
  });

  it('reuses the stored token after a restart', async () => {
    const { store } = memoryStore();
    await store.save('kept');
    let auth: string | null = null;
    const client = new HeadOfficeClient(
      'http://ho',
      store,
      async (_url, init) => {
        auth = new Headers(init.headers).get('authorization');
        return json(200, { ok: true, value: { user, sessionId: user.id } });
      },
      () => {},
    );
    await client.invoke('auth-me', {});
    expect(auth).toBe('Bearer kept');
  });

  it('never writes the token in clear when the OS offers no encryption', async () => {
    const { files, store } = memoryStore(false);
    expect(await store.save('secret')).toBe(false);
    expect(files.size).toBe(0);
  });

  it('rejects input that breaks the contract without calling head office', async () => {
    const { store } = memoryStore();
    const fetchImpl = vi.fn<FetchLike>();
    const client = new HeadOfficeClient('http://ho', store, fetchImpl, () => {});
    const result = await client.invoke('auth-login', {
      email: 'not-an-email',
      password: 'x',
      deviceName: 'd',
      tokenDelivery: 'body',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', field: 'email' } });
    expect(await client.invoke('drop-tables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('reports network failures and 5xx as transport errors so the renderer retries', async () => {
    const { store } = memoryStore();
    const down = new HeadOfficeClient(
      'http://ho',
      store,
      async () => {
        throw new TypeError('fetch failed');
      },
      () => {},
    );
    expect(await down.invoke('auth-me', {})).toEqual({ transportError: 'fetch failed' });
    const faulty = new HeadOfficeClient(
      'http://ho',
      store,
      async () => json(503, { ok: false, error: { code: 'internal', message: 'x' } }),
      () => {},
    );
    expect(await faulty.invoke('auth-me', {})).toHaveProperty('transportError');
  });

  it('forgets a revoked token and tells the window, keeping the business error', async () => {
    const { files, store } = memoryStore();
    await store.save('old');
    const ended = vi.fn();
    const client = new HeadOfficeClient(
      'http://ho',
      store,
      async () => json(401, { ok: false, error: { code: 'session-revoked', message: 'revoked' } }),
      ended,
    );
    const result = await client.invoke('auth-me', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'session-revoked' } });
    expect(ended).toHaveBeenCalledOnce();
    expect(files.size).toBe(0);
  });
});
