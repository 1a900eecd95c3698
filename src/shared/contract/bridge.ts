/**
 * The preload bridge, exposed as `window.tournee` in Electron. One prefixed channel
 * (`app:invoke`) for calls, `app:event` for events. Web mode implements the same
 * `Transport` with fetch.
 */
import { z } from 'zod';
import type { Result } from '../lib/result.js';
import type { Input, Method, Output } from './index.js';

export const IPC_INVOKE = 'app:invoke';
export const IPC_EVENT = 'app:event';

/**
 * Print the current page to a PDF file (main: `webContents.printToPDF`, then a save dialog).
 * The file name is only a suggestion for the dialog: letters, digits, dots, dashes, `.pdf`.
 */
export const printToPdfInputSchema = z.object({
  defaultFileName: z
    .string()
    .max(120)
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}._ -]*\.pdf$/u),
});
export type PrintToPdfInput = z.infer<typeof printToPdfInputSchema>;
export type PrintToPdfResult =
  | { ok: true; path: string }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'failed'; message: string };

/** `tournee-2026-11-26.pdf`: the day sheet's default file name. */
export function daySheetFileName(day: string): string {
  return `tournee-${day}.pdf`;
}

export type BridgeEvent = { type: 'session-ended' } | { type: 'server-url'; url: string };

export interface TourneeBridge {
  readonly platform: 'electron';
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Head office reachability probe made by main (no CORS, no cookies). */
  probe(): Promise<boolean>;
  on(listener: (event: BridgeEvent) => void): () => void;
  /** Prints the calling window to PDF and saves it where the user chooses. */
  printToPdf(input: PrintToPdfInput): Promise<PrintToPdfResult>;
}
