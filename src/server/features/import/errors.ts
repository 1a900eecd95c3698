/**
 * Import problems are values, never exceptions. Every error names the physical line of the file
 * (header = line 1) and the column as written in the file, so the admin can fix it in a
 * spreadsheet. `code` is stable and localised by the UI (`import.error.<code>`); `reason` is an
 * English fallback for logs and the CLI.
 */
import { importErrorCodeList, importWarningCodeList } from '../../../shared/contract/imports.js';

/** One list for the library, the contract and the UI: the contract's. */
export const importErrorCodes = importErrorCodeList;
export type ImportErrorCode = (typeof importErrorCodes)[number];

export interface ImportError {
  /** 1-based physical line in the file (header = 1); null for file-level errors. */
  line: number | null;
  /** The column's header as written in the file; null for line- or file-level errors. */
  column: string | null;
  /** The record field the column maps to (e.g. `siret`); null when none. */
  field: string | null;
  /** The offending cell text; null when there is no single cell. */
  value: string | null;
  code: ImportErrorCode;
  /** English fallback message. */
  reason: string;
}

export const importWarningCodes = importWarningCodeList;
export type ImportWarningCode = (typeof importWarningCodes)[number];

export interface ImportWarning {
  code: ImportWarningCode;
  line: number | null;
  column: string | null;
  reason: string;
}

/** Result of a single cell parser in values.ts. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: ImportErrorCode; reason: string };

export function valueOk<T>(value: T): ValueResult<T> {
  return { ok: true, value };
}

export function valueFail<T = never>(code: ImportErrorCode, reason: string): ValueResult<T> {
  return { ok: false, code, reason };
}
