/** Window hardening shared by every BrowserWindow: one place, unit-tested. */
import { pathToFileURL } from 'node:url';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const secureWebPreferences = (preload: string) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: true,
  }) as const;

/**
 * Where the app lives: the dev server's origin (`npm run dev`), or the built renderer's one file
 * (its routes are in the hash, so the file never changes).
 */
export function appLocation(rendererUrl: string | null, rendererFile: string): string {
  return rendererUrl === null ? pathToFileURL(rendererFile).href : new URL(rendererUrl).origin;
}

/**
 * Only the app's own page may be shown in the window or call the bridge: the built renderer's
 * own file (not any file:// page: a downloaded HTML file is one too), or the dev server's
 * origin (not any port on localhost: another local program may serve pages there).
 */
export function isAppUrl(url: string, app: string): boolean {
  try {
    const parsed = new URL(url);
    const own = new URL(app);
    if (own.protocol === 'file:') return parsed.protocol === 'file:' && parsed.pathname === own.pathname;
    return parsed.origin === own.origin;
  } catch {
    return false;
  }
}
