/**
 * `npm start` as a user runs it (web mode, since the Electron binary is not installed here or
 * is skipped): head office answers, the printed link signs the demo rep in, and Ctrl-C stops
 * everything, leaving no process listening and no local admin key behind.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ADMIN_FILE } from '../../src/server/cli/localAdmin.js';

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves web mode signed in as the demo rep and stops cleanly on Ctrl-C', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TOURNEE_DATA_DIR: dataDir,
      TOURNEE_NO_OPEN: '1',
      TOURNEE_WEB: '1',
      TOURNEE_DEMO_SCALE: '0.02',
      PORT: '0',
    };
    delete env.DATABASE_URL;
    // What `npm start` runs: one Node process (tsx as a loader, no relaying parent), so Ctrl-C
    // reaches the app's own handler directly.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const link = await new Promise<string>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const match = /Tournée \(web mode\): (\S+)/.exec(output);
          if (match?.[1]) {
            clearInterval(poll);
            resolve(match[1]);
          } else if (Date.now() - started > 150_000) {
            clearInterval(poll);
            reject(new Error(`npm start printed no URL:\n${output}`));
          }
        }, 200);
      });
      expect(output).toMatch(/Electron is not installed|serving web mode/);
      const base = new URL(link).origin;
      const health = (await (await fetch(`${base}/health`)).json()) as { status: string; database: string };
      expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
      expect(existsSync(join(dataDir, LOCAL_ADMIN_FILE))).toBe(true);

      const signIn = await fetch(link, { redirect: 'manual' });
      expect(signIn.status).toBe(302);
      const cookie = signIn.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/tournee_session=.*HttpOnly/);
      const me = await fetch(`${base}/api/auth-me`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie.split(';')[0] ?? '' },
        body: '{}',
      });
      expect(((await me.json()) as { value: { user: { email: string } } }).value.user.email).toBe(
        'camille.martin@tournee.test',
      );
      // The app itself is served.
      expect(await (await fetch(base)).text()).toContain('<div id="root">');

      process.kill(-child.pid!, 'SIGINT'); // Ctrl-C reaches the whole process group.
      expect(await exited).toBe(0);
      await expect(fetch(`${base}/health`)).rejects.toThrow();
      expect(existsSync(join(dataDir, LOCAL_ADMIN_FILE))).toBe(false);

      // The console tells what happened in a few lines; the requests went to the log file.
      expect(output).not.toContain('"msg":"incoming request"');
      expect(output).toContain('Signed in from a browser with a sign-in link.');
      expect(output).toContain(`Request log: ${join(dataDir, 'logs', 'head-office.log')}`);
      expect(output).toMatch(/orders: [\d,]+\n/);
      const logged = readFileSync(join(dataDir, 'logs', 'head-office.log'), 'utf8');
      expect(logged).toContain('"url":"/api/auth-me"');
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }
  }, 240_000);
});
