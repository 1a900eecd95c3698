import { mkdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as electron from 'electron';
import { createMainWindow, redeemLoginCode, registerIpc, sendEvent } from './app.js';
import { HeadOfficeClient } from './headOffice.js';
import { TokenStore } from './tokenStore.js';

const { app, BrowserWindow, safeStorage } = electron;
const serverUrl = process.env.TOURNEE_SERVER_URL ?? 'http://127.0.0.1:4870';

let mainWindow: electron.BrowserWindow | null = null;

function start(): void {
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });
  const tokens = new TokenStore(join(userData, 'session.bin'), safeStorage, { readFile, writeFile, rm });
  const client = new HeadOfficeClient(
    serverUrl,
    tokens,
    (url, init) => fetch(url, init),
    () => {
      if (mainWindow) sendEvent(mainWindow, { type: 'session-ended' });
    },
  );
  const renderer = {
    rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null,
    rendererFile: join(import.meta.dirname, '../renderer/index.html'),
  };
  registerIpc({ electron, client, ...renderer });
  const open = () => {
    mainWindow = createMainWindow({
      electron,
      client,
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      ...renderer,
      loginCode: process.env.TOURNEE_LOGIN_CODE ?? null,
    });
  };
  void redeemLoginCode(client, process.env.TOURNEE_LOGIN_CODE ?? null).finally(open);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
}

app.enableSandbox();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(start);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
