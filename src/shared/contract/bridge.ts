/**
 * The preload bridge, exposed as `window.tournee` in Electron. One prefixed channel
 * (`app:invoke`) for calls, `app:event` for events. Web mode implements the same
 * `Transport` with fetch.
 */
import type { Result } from '../lib/result.js';
import type { Input, Method, Output } from './index.js';

export const IPC_INVOKE = 'app:invoke';
export const IPC_EVENT = 'app:event';

export type BridgeEvent = { type: 'session-ended' } | { type: 'server-url'; url: string };

export interface TourneeBridge {
  readonly platform: 'electron';
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Head office reachability probe made by main (no CORS, no cookies). */
  probe(): Promise<boolean>;
  on(listener: (event: BridgeEvent) => void): () => void;
}
