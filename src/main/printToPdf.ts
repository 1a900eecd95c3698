/**
 * "Export as PDF" for the day sheet: prints the calling window with Chromium's PDF printer
 * (A4, backgrounds, the page's print stylesheet), asks where to save it, writes the file.
 * Electron is injected so that this is unit-tested with a mocked `electron`.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import { printToPdfInputSchema } from '../shared/contract/bridge.js';
import type { PrintToPdfResult } from '../shared/contract/bridge.js';

export type WriteFile = (path: string, data: Uint8Array) => Promise<void>;

export interface PrintToPdfDeps {
  electron: Pick<typeof Electron, 'BrowserWindow' | 'dialog' | 'app'>;
  writeFile: WriteFile;
}

/** Options of `webContents.printToPDF`: A4 portrait, the page's own margins (@page). */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  printBackground: true,
  landscape: false,
  preferCSSPageSize: true,
  generateDocumentOutline: true,
} as const satisfies Electron.PrintToPDFOptions;

export async function printToPdf(
  deps: PrintToPdfDeps,
  sender: Electron.WebContents,
  rawInput: unknown,
): Promise<PrintToPdfResult> {
  const parsed = printToPdfInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, reason: 'failed', message: 'invalid print request' };
  const window = deps.electron.BrowserWindow.fromWebContents(sender);
  if (!window) return { ok: false, reason: 'failed', message: 'no window to print' };
  try {
    const data = await window.webContents.printToPDF(PDF_OPTIONS);
    const choice = await deps.electron.dialog.showSaveDialog(window, {
      defaultPath: join(deps.electron.app.getPath('documents'), parsed.data.defaultFileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' };
    const path = choice.filePath.toLowerCase().endsWith('.pdf') ? choice.filePath : `${choice.filePath}.pdf`;
    await deps.writeFile(path, data);
    return { ok: true, path };
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}
