/**
 * Head-office imports of CSV files (admin only): the admin screen and the CLI send the file's
 * bytes as base64 in one JSON request. `dryRun: true` parses and checks everything (with the
 * database's references) and writes nothing; it answers the detected format, the suggested
 * column mapping and a preview. `dryRun: false` writes all or nothing, in one transaction.
 *
 * Size: head office accepts JSON bodies up to 8 MiB (src/server/app.ts), so an import file
 * may be at most `MAX_IMPORT_FILE_BYTES` (5 MiB, ~6.7 MiB once in base64). The CDNOW history
 * (1.6 MB) fits; split bigger files.
 */
import { z } from 'zod';

export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
/** Base64 length of a file of `MAX_IMPORT_FILE_BYTES` (4 characters per 3 bytes, padded). */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
/** Rows returned by a dry run for the preview. */
export const IMPORT_PREVIEW_ROWS = 20;

export const importRunKinds = ['customers', 'contacts', 'products', 'prices', 'orders', 'cdnow'] as const;
export const importRunKindSchema = z.enum(importRunKinds);
export type ImportRunKind = z.infer<typeof importRunKindSchema>;

/** Every reason an import line can be refused; the import library and the UI use this list. */
export const importErrorCodeList = [
  'wrong-encoding',
  'empty-file',
  'bad-csv',
  'extra-fields',
  'missing-column',
  'required',
  'bad-number',
  'bad-integer',
  'bad-money',
  'bad-date',
  'bad-boolean',
  'bad-vat-rate',
  'bad-percent',
  'bad-siret',
  'bad-value',
  'out-of-range',
  'duplicate-reference',
  'unknown-product',
  'unknown-customer',
  'unknown-rep',
  'unknown-price-list',
  'inconsistent-order',
  'amount-mismatch',
  'bad-price-breaks',
] as const;
export const importWarningCodeList = [
  'unknown-column',
  'duplicate-column',
  'windows-1252',
  'no-rows',
  'amount-rounded',
] as const;

export const importErrorSchema = z.object({
  /** 1-based physical line (header = 1); null for a file-level error. */
  line: z.number().int().nullable(),
  /** The column's header as written in the file. */
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  code: z.enum(importErrorCodeList),
  /** English fallback (logs, CLI); screens localise `code`. */
  reason: z.string(),
});
export type ImportRunError = z.infer<typeof importErrorSchema>;

export const importWarningSchema = z.object({
  code: z.enum(importWarningCodeList),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  reason: z.string(),
});

export const importColumnSchema = z.object({
  index: z.number().int().nonnegative(),
  header: z.string(),
  field: z.string().nullable(),
  /** 1 = exact synonym or the admin's choice, 0.6 = partial match, 0 = not recognised. */
  confidence: z.number().min(0).max(1),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

export const importReportSchema = z.object({
  kind: importRunKindSchema,
  /** Data rows read (empty lines excluded). */
  rows: z.number().int().nonnegative(),
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  bom: z.boolean(),
  delimiter: z.enum([';', ',', '\t']).nullable(),
  /** The mapping used (the suggestion with the admin's overrides). */
  columns: z.array(importColumnSchema),
  warnings: z.array(importWarningSchema),
  durationMs: z.number().nonnegative(),
});
export type ImportRunReport = z.infer<typeof importReportSchema>;

export const importEntities = ['customers', 'contacts', 'products', 'prices', 'orders'] as const;
export const importCountsSchema = z.object({
  entity: z.enum(importEntities),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importRunInputSchema = z.object({
  kind: importRunKindSchema,
  fileName: z.string().trim().min(1).max(260),
  contentBase64: z
    .string()
    .max(MAX_IMPORT_BASE64_CHARS, 'The file is larger than 5 MiB: split it into smaller files.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file content must be base64.'),
  /** Overrides of the suggested mapping: column header as written in the file → field (null = ignore). */
  mapping: z.record(z.string().max(200), z.string().max(60).nullable()).optional(),
  dryRun: z.boolean(),
  /** Owner of the customers an import creates when the file names none (CDNOW); default none. */
  ownerEmail: z.email().max(200).optional(),
});

export const importPreviewSchema = z.object({
  /** The header cells, in file order. */
  headers: z.array(z.string()),
  /** The first rows' cells as parsed (at most IMPORT_PREVIEW_ROWS), with their line numbers. */
  rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  /** The fields a column may map to for this kind, required ones first. */
  fields: z.array(z.object({ field: z.string(), required: z.boolean() })),
  /** The suggested mapping before the admin's overrides. */
  suggested: z.array(importColumnSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importRunOutputSchema = z.object({
  /** False when the file has errors: then nothing was written. */
  ok: z.boolean(),
  dryRun: z.boolean(),
  report: importReportSchema,
  /** Every error, by line. */
  errors: z.array(importErrorSchema),
  preview: importPreviewSchema.optional(),
  /** What was written (ok and not a dry run). */
  written: z.array(importCountsSchema).optional(),
});
export type ImportRunOutput = z.infer<typeof importRunOutputSchema>;

export const importsContract = {
  'import-run': {
    input: importRunInputSchema,
    output: importRunOutputSchema,
  },
} as const;
