import type * as Electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { daySheetFileName, IPC_INVOKE } from '../shared/contract/bridge.js';
import { registerIpc } from './app.js';
import type { HeadOfficeClient } from './headOffice.js';
import { PDF_OPTIONS, printToPdf } from './printToPdf.js';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

function mockElectron(
  options: { filePath?: string; canceled?: boolean; fail?: boolean; noWindow?: boolean } = {},
) {
  const printToPDF = vi.fn(async () => {
    if (options.fail) throw new Error('printing failed');
    return PDF;
  });
  const window = { webContents: { printToPDF } };
  const showSaveDialog = vi.fn(async () => ({
    canceled: options.canceled ?? false,
    filePath: options.filePath ?? '/home/camille/Documents/tournee-2026-11-26.pdf',
  }));
  const fromWebContents = vi.fn(() => (options.noWindow ? null : window));
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const electron = {
    BrowserWindow: { fromWebContents },
    dialog: { showSaveDialog },
    app: { getPath: vi.fn(() => '/home/camille/Documents') },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => handlers.set(channel, fn) },
  };
  return {
    electron: electron as unknown as typeof Electron,
    window,
    printToPDF,
    showSaveDialog,
    fromWebContents,
    handlers,
  };
}

const sender = {} as Electron.WebContents;

describe('print to PDF (main)', () => {
  it('prints the calling window on A4 with backgrounds, asks where to save, writes the file', async () => {
    const mock = mockElectron();
    const writeFile = vi.fn(async () => {});
    const result = await printToPdf({ electron: mock.electron, writeFile }, sender, {
      defaultFileName: daySheetFileName('2026-11-26'),
    });
    expect(result).toEqual({ ok: true, path: '/home/camille/Documents/tournee-2026-11-26.pdf' });
    expect(mock.fromWebContents).toHaveBeenCalledWith(sender);
    expect(mock.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'A4', printBackground: true }),
    );
    expect(PDF_OPTIONS.landscape).toBe(false);
    expect(mock.showSaveDialog).toHaveBeenCalledWith(
      mock.window,
      expect.objectContaining({
        defaultPath: '/home/camille/Documents/tournee-2026-11-26.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(writeFile).toHaveBeenCalledWith('/home/camille/Documents/tournee-2026-11-26.pdf', PDF);
  });

  it('adds the .pdf extension when the user typed a name without it', async () => {
    const mock = mockElectron({ filePath: '/tmp/ma tournée' });
    const writeFile = vi.fn(async () => {});
    await expect(
      printToPdf({ electron: mock.electron, writeFile }, sender, {
        defaultFileName: 'tournee-2026-11-26.pdf',
      }),
    ).resolves.toEqual({ ok: true, path: '/tmp/ma tournée.pdf' });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const mock = mockElectron({ canceled: true });
    const writeFile = vi.fn(async () => {});
    await expect(
      printToPdf({ electron: mock.electron, writeFile }, sender, {
        defaultFileName: 'tournee-2026-11-26.pdf',
      }),
    ).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('refuses an invalid request (path in the name, not a PDF) without printing', async () => {
    const mock = mockElectron();
    const writeFile = vi.fn(async () => {});
    for (const input of [
      { defaultFileName: '../../etc/passwd.pdf' },
      { defaultFileName: 'tournee.exe' },
      { defaultFileName: 42 },
      null,
    ]) {
      await expect(printToPdf({ electron: mock.electron, writeFile }, sender, input)).resolves.toMatchObject({
        ok: false,
        reason: 'failed',
      });
    }
    expect(mock.printToPDF).not.toHaveBeenCalled();
  });

  it('reports a printing or writing failure as a value', async () => {
    const failing = mockElectron({ fail: true });
    await expect(
      printToPdf({ electron: failing.electron, writeFile: vi.fn() }, sender, { defaultFileName: 'a.pdf' }),
    ).resolves.toEqual({ ok: false, reason: 'failed', message: 'printing failed' });
    const ok = mockElectron();
    const diskFull = vi.fn(async () => {
      throw new Error('ENOSPC');
    });
    await expect(
      printToPdf({ electron: ok.electron, writeFile: diskFull }, sender, { defaultFileName: 'a.pdf' }),
    ).resolves.toEqual({ ok: false, reason: 'failed', message: 'ENOSPC' });
    const orphan = mockElectron({ noWindow: true });
    await expect(
      printToPdf({ electron: orphan.electron, writeFile: vi.fn() }, sender, { defaultFileName: 'a.pdf' }),
    ).resolves.toMatchObject({ ok: false, reason: 'failed' });
  });

  it('is reachable through app:invoke from the app only', async () => {
    const mock = mockElectron();
    const writeFile = vi.fn(async () => {});
    registerIpc({
      electron: mock.electron,
      client: {} as HeadOfficeClient,
      writeFile,
      rendererUrl: null,
      rendererFile: '/app/index.html',
    });
    const handler = mock.handlers.get(IPC_INVOKE);
    await expect(
      handler?.({ senderFrame: { url: 'file:///app/index.html' }, sender }, 'print-to-pdf', {
        defaultFileName: 'tournee-2026-11-26.pdf',
      }),
    ).resolves.toMatchObject({ ok: true });
    await expect(
      handler?.({ senderFrame: { url: 'https://evil.example' }, sender }, 'print-to-pdf', {
        defaultFileName: 'tournee-2026-11-26.pdf',
      }),
    ).resolves.toEqual({ transportError: 'untrusted sender' });
    expect(writeFile).toHaveBeenCalledTimes(1);
  });
});
