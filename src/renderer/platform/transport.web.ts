/** Web mode: same-origin fetch; the session is an HttpOnly cookie the script never sees. */
import type { Input, Method, Output } from '../../shared/contract/index.js';
import type { Transport } from '../../shared/contract/transport.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { Result } from '../../shared/lib/result.js';
import type { Platform } from './types.js';
import { parseResult } from './validate.js';

export function createWebTransport(baseUrl = '', fetchImpl: typeof fetch = (...a) => fetch(...a)): Transport {
  return {
    async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      let response: Response;
      try {
        response = await fetchImpl(`${baseUrl}/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          credentials: 'same-origin',
          cache: 'no-store',
          body: JSON.stringify(input),
        });
      } catch (error) {
        throw new TransportError(error instanceof Error ? error.message : 'network error', null);
      }
      if (response.status >= 500) {
        throw new TransportError(`${method}: head office answered ${response.status}`, response.status);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new TransportError(`${method}: no JSON body (${response.status})`, response.status);
      }
      return parseResult(method, body, response.status);
    },
  };
}

/** GET /health: a real answer from head office, not navigator.onLine. */
export async function probeHealth(
  baseUrl = '',
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): Promise<boolean> {
  try {
    const response = await fetchImpl(`${baseUrl}/health`, { cache: 'no-store', credentials: 'same-origin' });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'status' in body && body.status === 'ok';
  } catch {
    return false;
  }
}

export function createWebPlatform(): Platform {
  return {
    kind: 'web',
    tokenDelivery: 'cookie',
    transport: createWebTransport(),
    probe: () => probeHealth(),
    onSessionEnded: () => () => {},
    exportPdf: () => {
      // The browser's print dialog, with the print stylesheet; "Save as PDF" is one of its printers.
      window.print();
      return Promise.resolve({ kind: 'printDialog' });
    },
  };
}
