/** Electron: calls go through the preload bridge; main holds the token in safeStorage. */
import type { TourneeBridge } from '../../shared/contract/bridge.js';
import type { Input, Method, Output } from '../../shared/contract/index.js';
import type { Transport } from '../../shared/contract/transport.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { Result } from '../../shared/lib/result.js';
import type { PdfExportResult, Platform } from './types.js';
import { parseResult } from './validate.js';

export function createElectronTransport(bridge: TourneeBridge): Transport {
  return {
    async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
      let result: unknown;
      try {
        result = await bridge.invoke(method, input);
      } catch (error) {
        // IPC rejects when main could not reach head office.
        throw new TransportError(error instanceof Error ? error.message : 'head office unreachable', null);
      }
      const parsed = parseResult(method, result, null);
      // Main forwards 5xx answers as `internal`: treat them like web mode's 5xx (retried).
      if (!parsed.ok && parsed.error.code === 'internal') {
        throw new TransportError(`${method}: ${parsed.error.message}`, 500);
      }
      return parsed;
    },
  };
}

export function createElectronPlatform(bridge: TourneeBridge): Platform {
  return {
    kind: 'electron',
    tokenDelivery: 'body',
    transport: createElectronTransport(bridge),
    probe: () => bridge.probe().catch(() => false),
    onSessionEnded: (listener) =>
      bridge.on((event) => {
        if (event.type === 'session-ended') listener();
      }),
    exportPdf: (defaultFileName) => exportPdfWithBridge(bridge, defaultFileName),
  };
}

export async function exportPdfWithBridge(
  bridge: TourneeBridge,
  defaultFileName: string,
): Promise<PdfExportResult> {
  try {
    const result = await bridge.printToPdf({ defaultFileName });
    if (result.ok) return { kind: 'saved', path: result.path };
    return result.reason === 'cancelled'
      ? { kind: 'cancelled' }
      : { kind: 'failed', message: result.message };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
