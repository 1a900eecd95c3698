/**
 * Head office's request log (decision 0026): a running server writes every request to its log
 * file and keeps the console to warnings, errors and events such as a sign-in.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, LOG_REDACT } from '../../src/server/app.js';
import { openDatabase } from '../../src/server/db/connect.js';
import { CappedLogFile, headOfficeLogStream, logFilePath } from '../../src/server/lib/logging.js';

describe('head office logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tournee-log-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps requests in the log file and the console quiet, but shows errors and sign-ins', async () => {
    const path = logFilePath(dataDir, {});
    const file = new CappedLogFile(path);
    const printed: string[] = [];
    const database = await openDatabase({});
    const app = await buildServer({
      db: database.db,
      kind: database.kind,
      version: '0.0.0',
      logger: {
        level: 'info',
        redact: LOG_REDACT,
        stream: headOfficeLogStream({ file, verbose: false, print: (l) => printed.push(l) }),
      },
    });
    try {
      for (let i = 0; i < 3; i += 1)
        expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      const refused = await app.inject({ method: 'GET', url: '/auth/link?code=nope' });
      expect(refused.statusCode).toBe(400);
      app.log.error({ err: new Error('disk full') }, 'could not write');
      app.log.info({ event: 'signed-in' }, 'Signed in from a browser with a sign-in link.');
    } finally {
      await app.close();
      await database.close();
      file.close();
    }
    expect(printed).toEqual([
      'error: could not write: disk full',
      'Signed in from a browser with a sign-in link.',
    ]);
    const lines = readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    expect(lines.filter((l) => l.msg === 'incoming request' && l.req?.url === '/health')).toHaveLength(3);
    expect(lines.some((l) => l.msg === 'could not write')).toBe(true);
  });
});
