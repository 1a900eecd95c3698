/**
 * `npm run dev`: head office on PGlite with the demo company, plus the electron-vite dev server
 * (hot reload). Without the Electron binary only the renderer dev server runs (web mode).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startHeadOffice } from '../src/server/start.js';

function hasElectron(): boolean {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

const headOffice = await startHeadOffice({
  port: process.env.PORT ? Number(process.env.PORT) : undefined,
  dataDir: process.env.TOURNEE_DATA_DIR,
  databaseUrl: process.env.DATABASE_URL,
  seed: true,
});
const code = await headOffice.createLoginLink('camille.martin@tournee.test');
const electron = hasElectron();
const args = ['electron-vite', 'dev', ...(electron ? [] : ['--rendererOnly'])];
if (!electron) {
  console.log(
    'Electron is not installed on this machine (binary missing): renderer dev server only (web mode).',
  );
  console.log(`Sign in as the demo rep: open the dev server URL below followed by /auth/link?code=${code}`);
}
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, TOURNEE_SERVER_URL: headOffice.url, TOURNEE_LOGIN_CODE: code },
});
const stop = async () => {
  if (child.exitCode === null) child.kill('SIGTERM');
  await headOffice.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
child.on('exit', () => void stop());
