import type { Result } from '../lib/result.js';
import type { Input, Method, Output } from './index.js';

/** How the renderer reaches head office: fetch in web mode, IPC to main in Electron. */
export interface Transport {
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
}

/** Network-level failure (no answer, 5xx): retried with backoff. Business errors are Results. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
