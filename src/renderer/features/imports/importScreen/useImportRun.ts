/**
 * The import screen's state: the chosen kind and file, the admin's column mapping, the dry
 * run's check, the run's result and the last failure. The file goes to head office as base64
 * in one `import-run` call; the latest dry run wins.
 */
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ImportColumn, ImportRunKind, ImportRunOutput } from '../../../../shared/contract/imports.js';
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/contract/imports.js';
import { TransportError } from '../../../../shared/contract/transport.js';
import type { AppError, ErrorCode } from '../../../../shared/lib/result.js';
import { useApp } from '../../../app/context.js';
import { toBase64 } from '../base64.js';

interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

type Mapping = Record<string, string | null>;

export type ImportFailure =
  | { kind: 'code'; code: ErrorCode | 'unexpected' }
  | { kind: 'refused'; error: AppError }
  | { kind: 'tooBig'; size: number };

export function useImportRun() {
  const { platform } = useApp();
  const [kind, setKind] = useState<ImportRunKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [overrides, setOverrides] = useState<Mapping>({});
  const [check, setCheck] = useState<ImportRunOutput | null>(null);
  const [checking, setChecking] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportRunOutput | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const checkRequest = useRef(0);

  async function call(
    dryRun: boolean,
    chosen: ChosenFile,
    forKind: ImportRunKind,
    mapping: Mapping,
  ): Promise<ImportRunOutput | null> {
    try {
      const reply = await platform.transport.invoke('import-run', {
        kind: forKind,
        fileName: chosen.name,
        contentBase64: chosen.base64,
        dryRun,
        ...(Object.keys(mapping).length > 0 ? { mapping } : {}),
      });
      if (!reply.ok) {
        setFailure({ kind: 'refused', error: reply.error });
        return null;
      }
      return reply.value;
    } catch (error) {
      setFailure({ kind: 'code', code: error instanceof TransportError ? 'internal' : 'unexpected' });
      return null;
    }
  }

  /** Dry run: detected format, mapping, preview and every error; the latest request wins. */
  async function checkFile(chosen: ChosenFile, forKind: ImportRunKind, mapping: Mapping) {
    const request = ++checkRequest.current;
    setChecking(true);
    setFailure(null);
    setResult(null);
    const out = await call(true, chosen, forKind, mapping);
    if (request !== checkRequest.current) return;
    setChecking(false);
    setCheck(out);
  }

  useEffect(() => {
    if (result !== null) resultRef.current?.focus();
  }, [result]);

  /** Back to no file, no check, no result and no failure. */
  function clear() {
    setFile(null);
    setCheck(null);
    setResult(null);
    setOverrides({});
    setFailure(null);
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    clear();
    if (chosen === undefined) return;
    if (chosen.size > MAX_IMPORT_FILE_BYTES) {
      setFailure({ kind: 'tooBig', size: chosen.size });
      return;
    }
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const read = { name: chosen.name, size: chosen.size, base64: toBase64(bytes) };
      setFile(read);
      await checkFile(read, kind, {});
    } catch {
      setFailure({ kind: 'code', code: 'unexpected' });
    }
  }

  function onKind(next: ImportRunKind) {
    setKind(next);
    setOverrides({});
    if (file !== null) void checkFile(file, next, {});
  }

  async function onRun() {
    if (file === null) return;
    setRunning(true);
    setFailure(null);
    const out = await call(false, file, kind, overrides);
    setRunning(false);
    setResult(out);
  }

  function reset() {
    clear();
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  function setField(column: ImportColumn, field: string | null) {
    const columns = check?.report.columns ?? [];
    const next: Mapping = {};
    // Send the whole mapping: the admin's choice, and the other columns as they are now.
    for (const c of columns)
      next[c.header] = c.index === column.index ? field : c.field === field ? null : c.field;
    setOverrides(next);
    if (file !== null) void checkFile(file, kind, next);
  }

  return {
    kind,
    file,
    overrides,
    check,
    checking,
    running,
    result,
    failure,
    resultRef,
    fileInput,
    onFile,
    onKind,
    onRun,
    reset,
    setField,
  };
}
