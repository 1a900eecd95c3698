/** Minimal cookie parsing and serialising (RFC 6265 subset) for the session cookie. */

export const SESSION_COOKIE = 'tournee_session';

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (header === undefined || header === '') return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (name === '' || Object.prototype.hasOwnProperty.call(cookies, name)) continue;
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

export interface CookieOptions {
  maxAgeSeconds: number;
  path?: string;
  httpOnly?: boolean;
  sameSite?: 'Strict' | 'Lax';
  secure?: boolean;
}

const cookieNamePattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export class InvalidCookieError extends Error {
  constructor(what: string) {
    super(`Invalid cookie ${what}`);
    this.name = 'InvalidCookieError';
  }
}

export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  if (!cookieNamePattern.test(name)) throw new InvalidCookieError('name');
  const parts = [`${name}=${encodeURIComponent(value)}`];
  parts.push(`Max-Age=${Math.max(0, Math.floor(options.maxAgeSeconds))}`);
  parts.push(`Path=${options.path ?? '/'}`);
  if (options.httpOnly ?? true) parts.push('HttpOnly');
  parts.push(`SameSite=${options.sameSite ?? 'Strict'}`);
  if (options.secure === true) parts.push('Secure');
  return parts.join('; ');
}
