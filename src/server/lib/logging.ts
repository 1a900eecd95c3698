/**
 * Head office's logs as a person starting it expects (decision 0026): every request, as JSON,
 * goes to a size-capped log file; the console gets one short line per meaningful event (a
 * warning or error, a record marked with an `event`), never a JSON line per request.
 * `TOURNEE_LOG=debug` writes the JSON lines to the console as well (developers).
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A log file grows to this size, then becomes `<name>.1` (the previous `.1` is dropped). */
export const LOG_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const LOG_FILE_NAME = 'head-office.log';

/** Where head office writes its log: `$TOURNEE_LOG_DIR`, else `logs/` in its data folder. */
export function logFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir =
    env.TOURNEE_LOG_DIR !== undefined && env.TOURNEE_LOG_DIR !== ''
      ? env.TOURNEE_LOG_DIR
      : join(dataDir, 'logs');
  return join(dir, LOG_FILE_NAME);
}

/** Appends lines to a file, moving it to `<path>.1` when it would pass `maxBytes`. */
export class CappedLogFile {
  private fd: number;
  private size: number;

  constructor(
    readonly path: string,
    private readonly maxBytes = LOG_FILE_MAX_BYTES,
  ) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    this.fd = openSync(path, 'a', 0o600);
    this.size = statSync(path).size;
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    writeSync(this.fd, line);
    this.size += bytes;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.1`, { force: true });
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a', 0o600);
    this.size = 0;
  }
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 40: 'warning', 50: 'error', 60: 'fatal' };

/**
 * The console line for one JSON log record, or null when it stays in the file: warnings and
 * errors (with the error's message), and records that carry an `event` (a sign-in).
 */
export function consoleLineFor(json: string): string | null {
  let record: unknown;
  try {
    record = JSON.parse(json);
  } catch {
    return json.trimEnd();
  }
  if (typeof record !== 'object' || record === null) return null;
  const fields = record as Record<string, unknown>;
  const level = typeof fields.level === 'number' ? fields.level : 30;
  const text = typeof fields.msg === 'string' ? fields.msg : '';
  if (level >= 40) {
    const err = fields.err;
    const detail =
      typeof err === 'object' && err !== null && 'message' in err && typeof err.message === 'string'
        ? `: ${err.message}`
        : '';
    return `${LEVEL_NAMES[level] ?? 'error'}: ${text}${detail}`;
  }
  return typeof fields.event === 'string' ? text : null;
}

export interface HeadOfficeLogOptions {
  /** The file every record goes to (null: none, as in tests). */
  file: CappedLogFile | null;
  /** `debug`: the console gets every JSON record too, as before. */
  verbose: boolean;
  /** Where console lines go (default stdout). */
  print?: (line: string) => void;
}

/** A pino destination (what Fastify's `logger.stream` takes) splitting file and console. */
export function headOfficeLogStream(options: HeadOfficeLogOptions): { write(line: string): void } {
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  return {
    write(line: string) {
      options.file?.write(line);
      if (options.verbose) {
        print(line.trimEnd());
        return;
      }
      const short = consoleLineFor(line);
      if (short !== null) print(short);
    },
  };
}

/** `TOURNEE_LOG=debug` (or `verbose`): JSON request logs on the console as well. */
export function verboseFromEnv(value: string | undefined): boolean {
  return value === 'debug' || value === 'verbose';
}

/** Seeding progress for the console: each step's total, and every tenth of a long step. */
export function seedProgressPrinter(print: (line: string) => void): {
  onProgress: (entity: string, rows: number) => void;
  onRows: (entity: string, written: number, total: number) => void;
} {
  let announced = false;
  let lastTenth = new Map<string, number>();
  const number = (n: number) => n.toLocaleString('en-US');
  const announce = () => {
    if (!announced) print('First start: writing the demo company (about a minute)…');
    announced = true;
  };
  return {
    onRows(entity, written, total) {
      announce();
      if (written >= total) return;
      const tenth = Math.floor((written / total) * 10);
      if (tenth === 0 || tenth === lastTenth.get(entity)) return;
      lastTenth.set(entity, tenth);
      print(`  ${entity}: ${number(written)} / ${number(total)} (${Math.floor((written / total) * 100)} %)…`);
    },
    onProgress(entity, rows) {
      announce();
      lastTenth = new Map();
      print(`  ${entity}: ${number(rows)}`);
    },
  };
}
