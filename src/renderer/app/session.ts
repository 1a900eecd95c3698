/**
 * The non-secret profile of the signed-in user, kept so a reload without network opens the
 * app on that user's local database. The token itself never reaches script (HttpOnly cookie
 * in the browser, safeStorage in Electron main).
 */
import { z } from 'zod';
import type { User } from '../../shared/domain/user/user.js';
import { userSchema } from '../../shared/domain/user/user.js';

export const SESSION_KEY = 'tournee.session';

const storedSessionSchema = z.object({ user: userSchema });

export function loadSession(): { user: User } | null {
  try {
    const raw = globalThis.localStorage?.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveSession(user: User): void {
  globalThis.localStorage?.setItem(SESSION_KEY, JSON.stringify({ user }));
}

export function clearSession(): void {
  globalThis.localStorage?.removeItem(SESSION_KEY);
}

/** A short, human name for this device, e.g. "Chrome · Windows" (shown in the session list). */
export function deviceNameFrom(userAgent: string): string {
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : 'OS';
  const app = /Electron\//.test(userAgent)
    ? 'Tournée'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : 'Navigateur';
  return `${app} · ${os}`.slice(0, 100);
}
