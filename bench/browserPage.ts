/**
 * Runs a benchmark page of bench/browser in Chromium: builds `<name>.html` with Vite, serves it
 * with Vite's preview server, opens it and calls `window[fn](arg)` once the page defines it.
 */
import { resolve } from 'node:path';
import { build, preview } from 'vite';
import { launchBenchBrowser } from './lib.js';

export async function runBenchPage<T>(name: string, fn: string, arg: unknown = null): Promise<T> {
  const root = resolve('bench/browser');
  const outDir = resolve(`node_modules/.bench-${name}`);
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rollupOptions: { input: resolve(root, `${name}.html`) } },
  });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const { browser, page } = await launchBenchBrowser();
  try {
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the preview server has no address');
    await page.goto(`${url}${name}.html`);
    await page.waitForFunction(
      (f) => typeof (window as unknown as Record<string, unknown>)[f] === 'function',
      fn,
    );
    return (await page.evaluate(
      ([f, a]) => (window as unknown as Record<string, (x: unknown) => Promise<unknown>>)[f as string]!(a),
      [fn, arg] as const,
    )) as T;
  } finally {
    await browser.close();
    await server.close();
  }
}
