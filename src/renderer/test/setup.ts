/**
 * Renderer tests run in jsdom on a busy 2-core machine: findBy/waitFor get 5 s instead of
 * Testing Library's 1 s default, so a slow render is waited for rather than reported missing.
 *
 * A message react-intl cannot find in the catalogue (`MissingTranslationError`, which it logs
 * through the provider's `onError` → `console.error`) fails the test that rendered it: a label
 * the app shows must exist in every language, not fall back to its id or its French default.
 */
import { configure } from '@testing-library/dom';
import type { MockInstance } from 'vitest';
import { afterEach, beforeEach, vi } from 'vitest';

configure({ asyncUtilTimeout: 5_000 });

let missing: string[] = [];
/** The real console.error, taken once: a spy must never call a spy (or itself). */
const realConsoleError = console.error.bind(console);
let trap: MockInstance<typeof console.error> | null = null;

function missingTranslation(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const error = value as { code?: unknown; message?: unknown; name?: unknown };
  if (error.code !== 'MISSING_TRANSLATION' && error.name !== 'MissingTranslationError') return null;
  return typeof error.message === 'string' ? error.message : 'missing translation';
}

beforeEach(() => {
  missing = [];
  trap = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const found = args.map(missingTranslation).find((m) => m !== null);
    if (found !== undefined && found !== null) missing.push(found);
    else realConsoleError(...args);
  });
});

afterEach(() => {
  trap?.mockRestore();
  trap = null;
  const found = missing;
  missing = [];
  if (found.length > 0) {
    throw new Error(`Missing translation(s):\n${[...new Set(found)].join('\n')}`);
  }
});

// jsdom has no CSS.escape; React Aria's overlays and list boxes call it (a meta lookup).
globalThis.CSS ??= {} as typeof CSS;
CSS.escape ??= (value: string) => value.replace(/[^\w-]/g, (c) => `\\${c}`);
