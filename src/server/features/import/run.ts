/**
 * One import, end to end: bytes → (preview) → parse with the database's references → write
 * everything in ONE transaction, or nothing when any line is wrong. Used by the `import-run`
 * handler (HTTP, CLI, tests) and the import bench.
 */
import { eq, sql } from 'drizzle-orm';
import type {
  ImportCounts,
  ImportPreview,
  ImportRunKind,
  ImportRunOutput,
} from '../../../shared/contract/imports.js';
import { IMPORT_PREVIEW_ROWS } from '../../../shared/contract/imports.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { Uuid } from '../../../shared/lib/ids.js';
import { users } from '../../db/schema.js';
import type { Db, DbOrTx } from '../../db/types.js';
import { audit } from '../../lib/audit.js';
import { cdnowMapping, importCdnow } from './cdnow.js';
import { parseCsv } from './csv.js';
import { decodeBytes } from './decode.js';
import { dbLookups } from './dbLookups.js';
import type { ImportError } from './errors.js';
import type { ColumnMapping, ImportField, ImportKind } from './headers.js';
import { fieldSpecs, overrideColumn, suggestMapping } from './headers.js';
import type { ImportReport } from './importers.js';
import { importContacts, importCustomers, importOrders, importPrices, importProducts } from './importers.js';
import type { ImportRecords } from './write.js';
import { writeImport } from './write.js';
import { refreshStatistics } from '../../db/statistics.js';

export type ImportPhase = 'parse' | 'write';

export interface RunImportInput {
  kind: ImportRunKind;
  fileName: string;
  bytes: Uint8Array;
  /** Column header as written in the file → field (null = ignore the column). */
  mapping?: Readonly<Record<string, string | null>>;
  dryRun: boolean;
  ownerEmail?: string;
}

export interface RunImportOptions {
  /** The admin running the import (audit log). */
  userId: Uuid | null;
  now: Date;
  onProgress?: (phase: ImportPhase, done: number, total: number) => void;
}

const CDNOW_FIELDS = ['customerRef', 'date', 'quantity', 'amountCents'] as const;

/** The fields a column may map to, required first. */
export function fieldsOf(kind: ImportRunKind): { field: string; required: boolean }[] {
  if (kind === 'cdnow') return CDNOW_FIELDS.map((field) => ({ field, required: true }));
  const specs = Object.entries(fieldSpecs[kind]) as [string, { required: boolean }][];
  return specs
    .map(([field, spec]) => ({ field, required: spec.required }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

function suggestFor(kind: ImportRunKind, headers: readonly string[]): ColumnMapping {
  return kind === 'cdnow' ? cdnowMapping(headers) : suggestMapping(kind, headers);
}

/** A report of any kind (its mapping's fields as plain strings). */
type AnyReport = Omit<ImportReport, 'kind' | 'mapping'> & { mapping: ColumnMapping<string> | null };

type Parsed =
  | { ok: true; records: ImportRecords; report: AnyReport }
  | { ok: false; errors: ImportError[]; report: AnyReport };

async function parse(
  kind: ImportRunKind,
  bytes: Uint8Array,
  db: DbOrTx,
  mapping: ColumnMapping | undefined,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<Parsed> {
  const lookups = dbLookups(db);
  const with_ = <K extends ImportKind>(m: ColumnMapping | undefined) =>
    m === undefined ? {} : { mapping: m as ColumnMapping<ImportField<K>> };
  switch (kind) {
    case 'customers': {
      const r = await importCustomers(bytes, { lookups, onProgress, ...with_<'customers'>(mapping) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
    case 'contacts': {
      const r = await importContacts(bytes, { lookups, onProgress, ...with_<'contacts'>(mapping) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
    case 'products': {
      const r = await importProducts(bytes, { lookups, onProgress, ...with_<'products'>(mapping) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
    case 'prices': {
      const r = await importPrices(bytes, { lookups, onProgress, ...with_<'prices'>(mapping) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
    case 'orders': {
      const r = await importOrders(bytes, { lookups, onProgress, ...with_<'orders'>(mapping) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
    case 'cdnow': {
      const r = await importCdnow(bytes, { lookups, ...(onProgress ? { onProgress } : {}) });
      return r.ok ? { ok: true, records: { kind, records: r.records }, report: r.report } : r;
    }
  }
}

function reportOf(kind: ImportRunKind, report: AnyReport, started: number): ImportRunOutput['report'] {
  return {
    kind,
    rows: report.rows,
    encoding: report.encoding,
    bom: report.bom,
    delimiter: report.delimiter,
    columns: report.mapping?.columns ?? [],
    warnings: report.warnings,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Parses (and, unless a dry run, writes) one import file. Bad input of the request → `fail`. */
export async function runImport(
  db: Db,
  input: RunImportInput,
  options: RunImportOptions,
): Promise<Result<ImportRunOutput>> {
  const started = performance.now();
  const { kind, bytes } = input;

  // Headers and first rows: for the preview and to apply the admin's overrides.
  let preview: ImportPreview | undefined;
  let mapping: ColumnMapping | undefined;
  if (input.dryRun || input.mapping !== undefined) {
    const decoded = decodeBytes(bytes);
    if (decoded.ok) {
      const table = parseCsv(decoded.text);
      const suggested = suggestFor(kind, table.header);
      preview = {
        headers: table.header,
        rows: table.records.slice(0, IMPORT_PREVIEW_ROWS).map((r) => ({ line: r.line, cells: r.cells })),
        fields: fieldsOf(kind),
        suggested: suggested.columns,
      };
      if (input.mapping !== undefined && Object.keys(input.mapping).length > 0) {
        if (kind === 'cdnow') {
          return fail('bad-request', msg('import.fixedFormat'), {
            field: 'mapping',
          });
        }
        const allowed = new Set(fieldsOf(kind).map((f) => f.field));
        let edited: ColumnMapping = suggested;
        for (const [header, field] of Object.entries(input.mapping)) {
          const column: ColumnMapping['columns'][number] | undefined = edited.columns.find(
            (c) => c.header === header,
          );
          if (column === undefined) {
            return fail('bad-request', msg('import.noColumn', { header }), { field: 'mapping' });
          }
          if (field !== null && !allowed.has(field)) {
            return fail('bad-request', msg('import.notAField', { field, kind }), {
              field: 'mapping',
            });
          }
          edited = overrideColumn(edited, column.index, field);
        }
        mapping = edited;
      }
    }
  }

  let defaultOwnerId: Uuid | null = null;
  if (input.ownerEmail !== undefined) {
    const [owner] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.ownerEmail.toLowerCase()))
      .limit(1);
    if (owner === undefined) {
      return fail('not-found', msg('import.noUser', { email: input.ownerEmail }), { field: 'ownerEmail' });
    }
    defaultOwnerId = owner.id;
  }

  const parseProgress = options.onProgress
    ? (done: number, total: number) => options.onProgress?.('parse', done, total)
    : undefined;

  if (input.dryRun) {
    const parsed = await parse(kind, bytes, db, mapping, parseProgress);
    return ok({
      ok: parsed.ok,
      dryRun: true,
      report: reportOf(kind, parsed.report, started),
      errors: parsed.ok ? [] : parsed.errors,
      ...(preview ? { preview } : {}),
    });
  }

  const outcome = await db.transaction(
    async (
      tx,
    ): Promise<
      | { ok: true; report: AnyReport; written: ImportCounts[] }
      | { ok: false; report: AnyReport; errors: ImportError[] }
    > => {
      const parsed = await parse(kind, bytes, tx, mapping, parseProgress);
      if (!parsed.ok) return parsed;
      const written = await writeImport(tx, parsed.records, {
        now: options.now,
        defaultOwnerId,
        ...(options.onProgress
          ? { onProgress: (done: number, total: number) => options.onProgress?.('write', done, total) }
          : {}),
      });
      await audit(
        tx,
        {
          userId: options.userId,
          method: 'import-run',
          entity: 'import',
          entityId: kind,
          details: { kind, fileName: input.fileName, rows: parsed.report.rows, ok: true, written },
        },
        options.now,
      );
      return { ok: true, report: parsed.report, written };
    },
  );
  if (!outcome.ok) {
    await audit(
      db,
      {
        userId: options.userId,
        method: 'import-run',
        entity: 'import',
        entityId: kind,
        details: {
          kind,
          fileName: input.fileName,
          rows: outcome.report.rows,
          ok: false,
          errors: outcome.errors.length,
        },
      },
      options.now,
    );
    return ok({
      ok: false,
      dryRun: false,
      report: reportOf(kind, outcome.report, started),
      errors: outcome.errors,
    });
  }
  await refreshStatistics(db);
  return ok({
    ok: true,
    dryRun: false,
    report: reportOf(kind, outcome.report, started),
    errors: [],
    written: outcome.written,
  });
}
