/**
 * Head office as a real process (`src/server/main.ts` under tsx), so that it can be killed with
 * SIGKILL mid-request and started again on the same port and the same data.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const READY = /head office on (http:\/\/\S+) /;

export class HeadOfficeProcess {
  private child: ChildProcess | null = null;
  private port = 0;
  url = '';
  /** The end of what it printed, for a failure's message. */
  readonly output: string[] = [];
  starts = 0;
  kills = 0;

  constructor(
    readonly label: string,
    private readonly env: Record<string, string>,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts it (on its first port again after a kill) and resolves once it listens. */
  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        TOURNEE_RENDERER_DIR: '/nonexistent-renderer',
        // Request logs out of the user's data folder (with PostgreSQL they would go there).
        TOURNEE_LOG_DIR: join(tmpdir(), 'tournee-fault-logs'),
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    const remember = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        this.output.push(line.slice(0, 500));
        if (this.output.length > 40) this.output.shift();
      }
    };
    child.stderr?.on('data', remember);
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(
          new Error(`${this.label} exited while starting (${code ?? signal}):\n${this.output.join('\n')}`),
        ),
      ),
    );
    const ready = new Promise<string>((resolve) => {
      let buffered = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        remember(chunk);
        buffered += chunk.toString('utf8');
        const match = READY.exec(buffered);
        if (match) {
          buffered = '';
          resolve(match[1]!);
        }
      });
    });
    const url = await Promise.race([ready, exited]);
    child.removeAllListeners('exit');
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });
    this.url = url;
    this.port = Number(new URL(url).port);
  }

  /** SIGKILL: no shutdown, no flush, whatever request it was handling dies with it. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.kills += 1;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  /** SIGTERM: a clean stop (closes its database). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await gone;
    this.child = null;
  }
}
