/**
 * `npm start`: builds what is stale, starts head office on embedded PGlite (or DATABASE_URL)
 * with the demo company, then opens the Electron app signed in as the demo rep. Where the
 * Electron binary is missing it says so in one line and serves web mode instead.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildIfStale } from './build-if-stale.js';
import { startHeadOffice } from '../src/server/start.js';
import { seedProgressPrinter } from '../src/server/lib/logging.js';

const DEMO_REP = 'camille.martin@tournee.test';

function electronBinary(): string | null {
  try {
    const require = createRequire(import.meta.url);
    const path: unknown = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log(`Open ${url} in your browser.`));
  child.unref();
}

async function main(): Promise<void> {
  await buildIfStale();
  const seedProgress = seedProgressPrinter((line) => console.log(line));
  const headOffice = await startHeadOffice({
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    dataDir: process.env.TOURNEE_DATA_DIR,
    databaseUrl: process.env.DATABASE_URL,
    rendererDir: 'out/renderer',
    seed: true,
    // A smaller demo company (tests, slow machines); the full one by default.
    seedScale: process.env.TOURNEE_DEMO_SCALE ? Number(process.env.TOURNEE_DEMO_SCALE) : undefined,
    onSeedProgress: seedProgress.onProgress,
    onSeedRows: seedProgress.onRows,
  });
  console.log(`Head office: ${headOffice.url} (${headOffice.kind}, data in ${headOffice.dataLocation})`);
  if (headOffice.logFile !== null)
    console.log(`Request log: ${headOffice.logFile} (TOURNEE_LOG=debug to see it here as well)`);

  let child: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) child.kill('SIGTERM');
    await headOffice.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const code = await headOffice.createLoginLink(DEMO_REP);
  const electron = electronBinary();
  if (electron && process.env.TOURNEE_WEB !== '1') {
    console.log('Opening the Tournée app, signed in as the demo rep — Ctrl-C to stop.');
    child = spawn(electron, ['.'], {
      stdio: 'inherit',
      env: { ...process.env, TOURNEE_SERVER_URL: headOffice.url, TOURNEE_LOGIN_CODE: code },
    });
    child.on('exit', (status) => void stop(status ?? 0));
    return;
  }
  const url = `${headOffice.url}/auth/link?code=${encodeURIComponent(code)}`;
  console.log('Electron is not installed on this machine (binary missing): serving web mode instead.');
  console.log(`Tournée (web mode): ${url}  — Ctrl-C to stop.`);
  if (process.env.TOURNEE_NO_OPEN !== '1') openBrowser(url);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
