/**
 * The main process, kept thin: one window, IPC forwarding to head office, token in safeStorage.
 * Everything Electron is injected so that it is unit-tested with a mocked `electron`.
 */
import type * as Electron from 'electron';
import { writeFile as fsWriteFile } from 'node:fs/promises';
import { IPC_EVENT, IPC_INVOKE } from '../shared/contract/bridge.js';
import type { BridgeEvent } from '../shared/contract/bridge.js';
import type { HeadOfficeClient } from './headOffice.js';
import { printToPdf, type WriteFile } from './printToPdf.js';
import { appLocation, CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences } from './security.js';

export interface MainDeps {
  electron: typeof Electron;
  client: HeadOfficeClient;
  preloadPath: string;
  /** Dev server URL (`npm run dev`) or null to load the built renderer file. */
  rendererUrl: string | null;
  rendererFile: string;
  loginCode: string | null;
}

export function registerIpc(
  deps: Pick<MainDeps, 'electron' | 'client' | 'rendererUrl' | 'rendererFile'> & { writeFile?: WriteFile },
): void {
  const { ipcMain } = deps.electron;
  const app = appLocation(deps.rendererUrl, deps.rendererFile);
  const writeFile: WriteFile = deps.writeFile ?? ((path, data) => fsWriteFile(path, data));
  ipcMain.handle(IPC_INVOKE, async (event, kind: unknown, method: unknown, input: unknown) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url, app)) {
      return { transportError: 'untrusted sender' };
    }
    if (kind === 'probe') return deps.client.probe();
    if (kind === 'print-to-pdf')
      return printToPdf({ electron: deps.electron, writeFile }, event.sender, method);
    if (kind !== 'call' || typeof method !== 'string') return { transportError: 'bad call' };
    return deps.client.invoke(method, input);
  });
}

export function createMainWindow(deps: MainDeps): Electron.BrowserWindow {
  const { BrowserWindow, session, shell } = deps.electron;
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Tournée',
    webPreferences: secureWebPreferences(deps.preloadPath),
  });
  const app = appLocation(deps.rendererUrl, deps.rendererFile);
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Leaving the app, by a link or by a server's redirect, is refused; no embedded web views.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, app)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  if (deps.rendererUrl) void window.loadURL(deps.rendererUrl);
  else void window.loadFile(deps.rendererFile);
  return window;
}

export function sendEvent(window: Electron.BrowserWindow, event: BridgeEvent): void {
  if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, event);
}

/** Signs in with the one-time code `npm start` passes, so the demo opens signed in. */
export async function redeemLoginCode(client: HeadOfficeClient, code: string | null): Promise<boolean> {
  if (!code) return false;
  const result = await client.invoke('auth-redeem-link', {
    code,
    deviceName: 'Tournée desktop',
    tokenDelivery: 'body',
  });
  return 'ok' in result && result.ok;
}
