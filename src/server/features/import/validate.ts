/**
 * Row-level plumbing shared by the importers: read a mapped cell, parse it, and record every
 * problem as an `ImportError` with its line and column, without ever stopping at the first.
 */
import type { z } from 'zod';
import type { ImportError, ImportErrorCode, ValueResult } from './errors.js';
import type { ColumnMapping } from './headers.js';

export interface FieldColumn {
  index: number;
  header: string;
}

/** Field → column, computed once per file. */
export function columnsByField<F extends string>(mapping: ColumnMapping<F>): Map<F, FieldColumn> {
  const columns = new Map<F, FieldColumn>();
  for (const c of mapping.columns)
    if (c.field !== null) columns.set(c.field, { index: c.index, header: c.header });
  return columns;
}

export class RowReader<F extends string> {
  line = 0;
  private cells: readonly string[] = [];
  private failedInRow = 0;
  private readonly failedFields = new Set<string>();

  constructor(
    private readonly columns: Map<F, FieldColumn>,
    readonly errors: ImportError[],
  ) {}

  /** Moves to the next record (reused across rows: no allocation per row). */
  reset(line: number, cells: readonly string[]): this {
    this.line = line;
    this.cells = cells;
    this.failedInRow = 0;
    this.failedFields.clear();
    return this;
  }

  /** True when some error was recorded for the current row. */
  get failed(): boolean {
    return this.failedInRow > 0;
  }

  /** Whether the file has a column for the field. */
  has(field: F): boolean {
    return this.columns.has(field);
  }

  /** The trimmed cell text, '' when empty or when the file has no such column. */
  text(field: F): string {
    const c = this.columns.get(field);
    return c === undefined ? '' : (this.cells[c.index] ?? '').trim();
  }

  error(field: F | null, code: ImportErrorCode, reason: string, value?: string): void {
    const c = field === null ? undefined : this.columns.get(field);
    this.failedInRow += 1;
    if (field !== null) this.failedFields.add(field);
    this.errors.push({
      line: this.line,
      column: c?.header ?? null,
      field,
      value: value ?? (field === null ? null : this.text(field)),
      code,
      reason,
    });
  }

  /** The text, or an error `required` when empty. */
  required(field: F): string | null {
    const s = this.text(field);
    if (s !== '') return s;
    this.error(field, 'required', `${field} is required`);
    return null;
  }

  /** `undefined` when the cell is empty, `null` when it does not parse (the error is recorded). */
  parse<T>(field: F, parser: (raw: string) => ValueResult<T>): T | null | undefined {
    const s = this.text(field);
    if (s === '') return undefined;
    const r = parser(s);
    if (r.ok) return r.value;
    this.error(field, r.code, r.reason, s);
    return null;
  }

  /** Like `parse`, with an error `required` for an empty cell. */
  parseRequired<T>(field: F, parser: (raw: string) => ValueResult<T>): T | null {
    const s = this.required(field);
    if (s === null) return null;
    const r = parser(s);
    if (r.ok) return r.value;
    this.error(field, r.code, r.reason, s);
    return null;
  }

  /**
   * Records zod issues of a record built from this row, each on the column of its field;
   * fields that already have an error in this row are skipped (one error per cell).
   */
  zodIssues(error: z.ZodError, fields: ReadonlySet<string>): void {
    for (const issue of error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string' && this.failedFields.has(key)) continue;
      const field = typeof key === 'string' && fields.has(key) ? (key as F) : null;
      this.error(field, 'bad-value', field ? `${field}: ${issue.message}` : issue.message);
    }
  }

  /** Extra non-empty cells beyond the header are an error of the line. */
  checkWidth(width: number): void {
    for (let i = width; i < this.cells.length; i += 1) {
      if ((this.cells[i] ?? '').trim() !== '') {
        this.error(
          null,
          'extra-fields',
          `the line has ${this.cells.length} fields but the header has ${width}`,
          this.cells[i],
        );
        return;
      }
    }
  }
}

/** Reports progress at most ~100 times per run and lets the event loop breathe meanwhile. */
export class Progress {
  private readonly every: number;
  private next: number;

  constructor(
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {
    this.every = Math.max(1_000, Math.ceil(total / 100));
    this.next = this.every;
  }

  /** Call once per row; awaits only at report points (so a server keeps answering). */
  tick(done: number): Promise<void> | undefined {
    if (done < this.next) return undefined;
    this.next += this.every;
    this.onProgress?.(done, this.total);
    return new Promise((resolve) => setImmediate(resolve));
  }

  finish(): void {
    this.onProgress?.(this.total, this.total);
  }
}
