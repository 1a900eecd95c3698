/**
 * CSV text → records with their physical line numbers.
 *
 * Parsing is delegated to papaparse (the project's CSV parser, RFC 4180 quoting), driven in
 * `step` mode so that each record's end offset (`meta.cursor`) is known: counting the line
 * breaks between two cursors gives every record's 1-based physical line, multi-line quoted
 * fields included. Line endings are normalised to LF first, because real files mix them
 * (cdnow_master.csv has an LF header and CRLF rows, which makes papaparse's own guess leave a
 * stray `\r` in the last field); a CRLF inside a quoted field therefore becomes LF.
 * The delimiter is detected from the header line only (`;`, `,` or tab, outside quotes).
 */
import Papa from 'papaparse';
import type { ImportError } from './errors.js';

export type Delimiter = ';' | ',' | '\t';
export const delimiters: readonly Delimiter[] = [';', ',', '\t'];

export interface CsvRecord {
  /** 1-based physical line where the record starts (header = 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  /** Data records, empty lines skipped. */
  records: CsvRecord[];
  /** Quoting problems, one per record. */
  errors: ImportError[];
}

/** Counts `;`, `,` and tabs outside quotes in the first line; the most frequent wins (`,` if none). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c] += 1;
  }
  let best: Delimiter = ',';
  for (const d of delimiters) if (counts[d] > counts[best]) best = d;
  return best;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < to) {
    n += 1;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}

export interface ParseCsvOptions {
  /** Force a delimiter instead of detecting it. */
  delimiter?: Delimiter;
}

export function parseCsv(rawText: string, options: ParseCsvOptions = {}): CsvTable {
  const text = rawText.replace(/\r\n?/g, '\n');
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const records: CsvRecord[] = [];
  const errors: ImportError[] = [];
  let header: string[] | null = null;
  let cursor = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    step: (result) => {
      const start = cursor;
      const startLine = line;
      cursor = result.meta.cursor;
      line += countLineBreaks(text, start, cursor);
      const cells = result.data;
      for (const e of result.errors) {
        errors.push({
          line: startLine,
          column: null,
          field: null,
          value: null,
          code: 'bad-csv',
          reason: `CSV quoting problem: ${e.message}`,
        });
      }
      if (cells.length === 1 && cells[0]!.trim() === '') return; // empty line
      if (header === null) header = cells;
      else records.push({ line: startLine, cells });
    },
  });
  return { delimiter, header: header ?? [], records, errors };
}
