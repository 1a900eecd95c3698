/** Small helpers shared by the benchmarks: percentiles, machine description, HTTP calls. */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContextOptions, type Page } from '@playwright/test';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export async function call<T>(baseUrl: string, method: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    ok: boolean;
    value?: T;
    error?: { code: string; message: string };
  };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

export async function loginToken(baseUrl: string, email: string): Promise<string> {
  const session = await call<{ token?: string }>(baseUrl, 'auth-login', {
    email,
    password: 'tournee',
    deviceName: 'bench',
    tokenDelivery: 'body',
  });
  if (!session.token) throw new Error('no token');
  return session.token;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Flags for Debian's Chromium in a container (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** A browser to close, with the profile it used. */
export interface BenchBrowser {
  close(): Promise<void>;
}

/**
 * Debian's Chromium with an on-disk profile in a fresh temporary folder, as the app's own
 * (Electron keeps its IndexedDB on disk). Not `browser.newPage()`: Playwright's contexts are
 * off the record, and since Chromium 144 their IndexedDB is an in-memory store whose writes slow
 * down with its size (40,000 puts: ~20-35 s in memory against ~3 s on disk, Chromium 150 here),
 * which is not what a rep's laptop runs.
 */
export async function launchBenchBrowser(
  options: BrowserContextOptions = {},
): Promise<{ browser: BenchBrowser; page: Page }> {
  const profile = mkdtempSync(join(tmpdir(), 'tournee-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...options,
  });
  const browser: BenchBrowser = {
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  try {
    return { browser, page: context.pages()[0] ?? (await context.newPage()) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * The real app in Debian's Chromium, signed in as `email` (the demo rep by default), after its first download
 * ("À jour"): the page, the browser to close, and how long sign-in + download took.
 */
export async function openSignedInApp(
  url: string,
  email = 'camille.martin@tournee.test',
): Promise<{ browser: BenchBrowser; page: Page; appDownloadS: number }> {
  const { browser, page } = await launchBenchBrowser({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport: { width: 1366, height: 800 },
  });
  try {
    await page.goto(url);
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe').fill('tournee');
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /À jour/ })
      .first()
      .waitFor({ timeout: 300_000 });
    return { browser, page, appDownloadS: (Date.now() - t0) / 1000 };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
