import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CappedLogFile, headOfficeLogStream, seedProgressPrinter } from './logging.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tournee-log-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('head office logs', () => {
  it('writes every JSON record to the console as well with TOURNEE_LOG=debug', () => {
    const printed: string[] = [];
    const stream = headOfficeLogStream({ file: null, verbose: true, print: (l) => printed.push(l) });
    stream.write('{"level":30,"msg":"incoming request"}\n');
    expect(printed).toEqual(['{"level":30,"msg":"incoming request"}']);
  });

  it('caps the log file: past the limit it moves to .1 and starts again', () => {
    const path = join(tempDir(), 'logs', 'head-office.log');
    const file = new CappedLogFile(path, 100);
    const line = `${'x'.repeat(39)}\n`;
    for (let i = 0; i < 7; i += 1) file.write(line);
    file.close();
    expect(readFileSync(path, 'utf8')).toBe(line);
    expect(readFileSync(`${path}.1`, 'utf8')).toBe(line.repeat(2));
    expect(existsSync(`${path}.2`)).toBe(false);
  });

  it('prints seeding progress every tenth of a long step', () => {
    const printed: string[] = [];
    const progress = seedProgressPrinter((l) => printed.push(l));
    for (let written = 5_000; written <= 100_000; written += 5_000)
      progress.onRows('orders', written, 100_000);
    progress.onProgress('orders', 100_000);
    expect(printed[0]).toMatch(/^First start/);
    expect(printed.slice(1, -1)).toHaveLength(9);
    expect(printed[1]).toBe('  orders: 10,000 / 100,000 (10 %)…');
    expect(printed.at(-1)).toBe('  orders: 100,000');
  });
});
