/**
 * The formatting locale: which regional conventions dates, times and numbers follow. French is
 * fr-FR; English is en-GB (24-hour clock, « 3 Dec 2026 ») unless the rep chose en-US in
 * Settings. The choice is stored on this laptop (like the sign-in language), not per account.
 */
import { useSyncExternalStore } from 'react';
import type { Locale } from '../../shared/domain/user/user.js';

export const englishFormats = ['en-GB', 'en-US'] as const;
export type EnglishFormat = (typeof englishFormats)[number];
export const defaultEnglishFormat: EnglishFormat = 'en-GB';

/** The BCP 47 tag every Intl formatter and React Aria field below the app's provider uses. */
export function formatLocaleOf(locale: Locale, english: EnglishFormat): string {
  return locale === 'fr' ? 'fr-FR' : english;
}

export function isEnglishFormat(value: unknown): value is EnglishFormat {
  return typeof value === 'string' && (englishFormats as readonly string[]).includes(value);
}

const ENGLISH_FORMAT_KEY = 'tournee.englishFormat';
const listeners = new Set<() => void>();

export function storedEnglishFormat(): EnglishFormat {
  try {
    const stored = globalThis.localStorage?.getItem(ENGLISH_FORMAT_KEY);
    if (isEnglishFormat(stored)) return stored;
  } catch {
    // storage unavailable: the default
  }
  return defaultEnglishFormat;
}

export function rememberEnglishFormat(format: EnglishFormat): void {
  try {
    globalThis.localStorage?.setItem(ENGLISH_FORMAT_KEY, format);
  } catch {
    // best effort: the choice still applies until the app is closed
  }
  current = format;
  for (const listener of listeners) listener();
}

let current: EnglishFormat | null = null;

function snapshot(): EnglishFormat {
  current ??= storedEnglishFormat();
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The English format chosen on this laptop; every user of it re-renders when it changes. */
export function useEnglishFormat(): EnglishFormat {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
