import type * as Electron from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE } from '../shared/contract/bridge.js';
import { createMainWindow, registerIpc } from './app.js';
import type { HeadOfficeClient } from './headOffice.js';
import { appLocation, CONTENT_SECURITY_POLICY, isAppUrl } from './security.js';

type Handler = (event: { senderFrame: { url: string } | null }, ...args: unknown[]) => unknown;

function mockElectron() {
  const handlers = new Map<string, Handler>();
  const webContentsHandlers = new Map<string, (...args: unknown[]) => void>();
  let windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  let headersHook:
    ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | null =
    null;
  const constructed: unknown[] = [];
  class BrowserWindow {
    webContents = {
      setWindowOpenHandler: (fn: typeof windowOpenHandler) => {
        windowOpenHandler = fn;
      },
      on: (name: string, fn: (...args: unknown[]) => void) => webContentsHandlers.set(name, fn),
      send: vi.fn(),
    };
    constructor(options: unknown) {
      constructed.push(options);
    }
    once = vi.fn();
    loadURL = vi.fn(async () => {});
    loadFile = vi.fn(async () => {});
    isDestroyed = () => false;
  }
  const electron = {
    ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) },
    BrowserWindow,
    shell: { openExternal: vi.fn(async () => {}) },
    session: {
      defaultSession: {
        webRequest: {
          onHeadersReceived: (fn: typeof headersHook) => {
            headersHook = fn;
          },
        },
        setPermissionRequestHandler: vi.fn(),
      },
    },
  };
  return {
    electron: electron as unknown as typeof Electron,
    handlers,
    webContentsHandlers,
    constructed,
    openWindow: (url: string) => windowOpenHandler?.({ url }),
    headers: () => {
      let out: unknown;
      headersHook?.({ responseHeaders: {} }, (r) => {
        out = r;
      });
      return out;
    },
    shell: electron.shell,
  };
}

describe('Electron main', () => {
  it('opens the window with context isolation, sandbox, no node integration and a strict CSP', () => {
    const mock = mockElectron();
    createMainWindow({
      electron: mock.electron,
      client: {} as HeadOfficeClient,
      preloadPath: '/app/preload.cjs',
      rendererUrl: null,
      rendererFile: '/app/index.html',
      loginCode: null,
    });
    expect(mock.constructed[0]).toMatchObject({
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/app/preload.cjs',
      },
    });
    expect(mock.headers()).toEqual({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('denies new windows and navigation away from the app', () => {
    const mock = mockElectron();
    createMainWindow({
      electron: mock.electron,
      client: {} as HeadOfficeClient,
      preloadPath: '/p',
      rendererUrl: null,
      rendererFile: '/app/index.html',
      loginCode: null,
    });
    expect(mock.openWindow('https://example.org')).toEqual({ action: 'deny' });
    expect(mock.shell.openExternal).toHaveBeenCalledWith('https://example.org');
    expect(mock.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    const refused = (event: string, url: string) => {
      const preventDefault = vi.fn();
      mock.webContentsHandlers.get(event)?.({ preventDefault }, url);
      return preventDefault.mock.calls.length > 0;
    };
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(refused(event, 'https://evil.example')).toBe(true);
      // Another local file (a downloaded page) or a page of another program on localhost.
      expect(refused(event, 'file:///home/rep/Downloads/facture.html')).toBe(true);
      expect(refused(event, 'http://127.0.0.1:8080/')).toBe(true);
      // The app's own page, at any of its routes.
      expect(refused(event, 'file:///app/index.html#/customers')).toBe(false);
    }
    expect(refused('will-attach-webview', 'file:///app/index.html')).toBe(true);
    const app = appLocation(null, '/app/index.html');
    expect(isAppUrl('file:///app/index.html', app)).toBe(true);
    expect(isAppUrl('file:///etc/other.html', app)).toBe(false);
    const dev = appLocation('http://localhost:5173/', '/app/index.html');
    expect(isAppUrl('http://localhost:5173/x', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', dev)).toBe(false);
  });

  it('forwards app:invoke calls from the app only', async () => {
    const mock = mockElectron();
    const client = {
      invoke: vi.fn(async () => ({ ok: true, value: {} })),
      probe: vi.fn(async () => true),
    } as unknown as HeadOfficeClient;
    registerIpc({ electron: mock.electron, client, rendererUrl: null, rendererFile: '/app/index.html' });
    const handler = mock.handlers.get(IPC_INVOKE);
    expect(handler).toBeDefined();
    await expect(
      handler?.({ senderFrame: { url: 'file:///app/index.html' } }, 'call', 'auth-me', {}),
    ).resolves.toEqual({ ok: true, value: {} });
    await expect(handler?.({ senderFrame: { url: 'file:///app/index.html' } }, 'probe')).resolves.toBe(true);
    await expect(
      handler?.({ senderFrame: { url: 'https://evil.example' } }, 'call', 'auth-me', {}),
    ).resolves.toEqual({ transportError: 'untrusted sender' });
    // Any other local page, or another program's page on localhost, is not the app either.
    for (const url of ['file:///tmp/evil.html', 'http://localhost:3000/', 'http://127.0.0.1:4870/']) {
      await expect(handler?.({ senderFrame: { url } }, 'call', 'auth-me', {})).resolves.toEqual({
        transportError: 'untrusted sender',
      });
    }
    await expect(handler?.({ senderFrame: null }, 'call', 'auth-me', {})).resolves.toHaveProperty(
      'transportError',
    );
  });
});
