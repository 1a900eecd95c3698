import { describe, expect, it } from 'vitest';
import { TransportError } from '../../shared/contract/transport.js';
import { createWebTransport, probeHealth } from './transport.web.js';

function fakeFetch(status: number, body: unknown, raw = false): typeof fetch {
  return async () => new Response(raw ? String(body) : JSON.stringify(body), { status });
}

describe('web transport', () => {
  it('returns business errors (4xx) as Results', async () => {
    const t = createWebTransport(
      '',
      fakeFetch(401, { ok: false, error: { code: 'invalid-credentials', message: 'no' } }),
    );
    const r = await t.invoke('auth-logout', {});
    expect(r).toEqual({ ok: false, error: { code: 'invalid-credentials', message: 'no' } });
  });
  it('validates ok values against the contract', async () => {
    const t = createWebTransport('', fakeFetch(200, { ok: true, value: { lastMid: 3 } }));
    expect(
      await t.invoke('sync-push', {
        clientId: '01900000-0000-7000-8000-000000000001',
        schemaVersion: 1,
        mutations: [],
      }),
    ).toEqual({ ok: true, value: { lastMid: 3 } });
    const bad = createWebTransport('', fakeFetch(200, { ok: true, value: { lastMid: 'x' } }));
    await expect(
      bad.invoke('sync-push', {
        clientId: '01900000-0000-7000-8000-000000000001',
        schemaVersion: 1,
        mutations: [],
      }),
    ).rejects.toBeInstanceOf(TransportError);
  });
  it('throws TransportError on 5xx, bad bodies and network failures', async () => {
    await expect(
      createWebTransport('', fakeFetch(503, { ok: false, error: { code: 'internal', message: 'x' } })).invoke(
        'auth-logout',
        {},
      ),
    ).rejects.toMatchObject({ status: 503 });
    await expect(
      createWebTransport('', fakeFetch(404, '<html>', true)).invoke('auth-logout', {}),
    ).rejects.toBeInstanceOf(TransportError);
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(createWebTransport('', down).invoke('auth-logout', {})).rejects.toMatchObject({
      status: null,
    });
  });
  it('probes /health', async () => {
    expect(await probeHealth('', fakeFetch(200, { status: 'ok', version: '1', database: 'pglite' }))).toBe(
      true,
    );
    expect(await probeHealth('', fakeFetch(502, {}))).toBe(false);
  });
});
