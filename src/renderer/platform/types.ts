import type { Transport } from '../../shared/contract/transport.js';

/** Everything that differs between Electron and a browser, behind one interface. */
export interface Platform {
  kind: 'web' | 'electron';
  /** How auth-login delivers the token: a cookie in the browser, to main in Electron. */
  tokenDelivery: 'cookie' | 'body';
  transport: Transport;
  /** True when head office really answers. */
  probe(): Promise<boolean>;
  /** Main tells us the session ended (revoked, expired). Returns the unsubscribe. */
  onSessionEnded(listener: () => void): () => void;
  /**
   * Exports the current page as a PDF through its print stylesheet: Electron prints to a file
   * the user picks (main's `printToPDF`); a browser opens its print dialog ("Save as PDF").
   */
  exportPdf(defaultFileName: string): Promise<PdfExportResult>;
}

export type PdfExportResult =
  | { kind: 'saved'; path: string }
  | { kind: 'printDialog' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };
