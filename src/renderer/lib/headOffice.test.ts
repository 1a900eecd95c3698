import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract/transport.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { Platform } from '../platform/types.js';
import { callHeadOffice } from './headOffice.js';

function platformAnswering(invoke: () => Promise<unknown>): Platform {
  const transport = { invoke } as unknown as Transport;
  return {
    kind: 'web',
    tokenDelivery: 'cookie',
    transport,
    probe: () => Promise.resolve(true),
    onSessionEnded: () => () => undefined,
    exportPdf: () => Promise.resolve({ kind: 'cancelled' }),
  };
}

const input = { status: 'open' } as never;

describe('callHeadOffice', () => {
  it('gives the value of a successful call', async () => {
    const called = await callHeadOffice(
      platformAnswering(() => Promise.resolve({ ok: true, value: { items: [] } })),
      'complaint-list',
      input,
    );
    expect(called).toEqual({ ok: true, value: { items: [] } });
  });

  it('keeps head office\u2019s refusal whole: code, message and field', async () => {
    const error = { code: 'bad-request', message: 'The title is too long.', field: 'title' };
    const called = await callHeadOffice(
      platformAnswering(() => Promise.resolve({ ok: false, error })),
      'complaint-list',
      input,
    );
    expect(called).toEqual({ ok: false, failure: { kind: 'refused', error } });
  });

  it('tells no answer (network) from a bug (unexpected)', async () => {
    const network = await callHeadOffice(
      platformAnswering(() => Promise.reject(new TransportError('offline', null))),
      'complaint-list',
      input,
    );
    expect(network).toEqual({ ok: false, failure: { kind: 'network' } });
    const unexpected = await callHeadOffice(
      platformAnswering(() => Promise.reject(new Error('boom'))),
      'complaint-list',
      input,
    );
    expect(unexpected).toEqual({ ok: false, failure: { kind: 'unexpected' } });
  });
});
