/** Runs `electron-vite build` when out/ is missing or older than any source file. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export async function buildIfStale(): Promise<void> {
  const marker = 'out/renderer/index.html';
  const sources = ['src/renderer', 'src/shared', 'src/main', 'src/preload'].filter((d) => existsSync(d));
  const newestSource = Math.max(...sources.map(newestMtime), statSync('electron.vite.config.ts').mtimeMs);
  if (existsSync(marker) && existsSync('out/main/index.js') && statSync(marker).mtimeMs >= newestSource)
    return;
  console.log('Building the app…');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error('The build failed: see the messages above.');
}
