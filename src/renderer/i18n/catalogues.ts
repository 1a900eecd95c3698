import type { Locale } from '../../shared/domain/user/user.js';
import { locales } from '../../shared/domain/user/user.js';
import { en } from './en.js';
import type { MessageKey } from './fr.js';
import { fr } from './fr.js';

export const defaultLocale: Locale = 'fr';
export const defaultTimeZone = 'Europe/Paris';

export const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The browser's preferred supported language, else French. */
export function browserLocale(languages: readonly string[] = globalThis.navigator?.languages ?? []): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

const LAST_LOCALE_KEY = 'tournee.locale';

/** The language of the last user on this device (for the sign-in screen). */
export function lastUsedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LAST_LOCALE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage unavailable: fall back to the browser
  }
  return browserLocale();
}

export function rememberLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LAST_LOCALE_KEY, locale);
  } catch {
    // best effort
  }
}

export type { MessageKey };
