/**
 * Head-office imports (admin only): choose the kind and a CSV file, check it (dry run: detected
 * format, column mapping, preview, every error), then import it all or nothing and read the
 * report. The file goes to head office as base64 in one `import-run` call.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type {
  ImportColumn,
  ImportCounts,
  ImportRunError,
  ImportRunKind,
  ImportRunOutput,
} from '../../../shared/contract/imports.js';
import { MAX_IMPORT_FILE_BYTES, importRunKinds } from '../../../shared/contract/imports.js';
import { TransportError } from '../../../shared/contract/transport.js';
import type { AppError, ErrorCode } from '../../../shared/lib/result.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { ErrorText } from '../../i18n/errorText.js';
import { Banner } from '../../ui/Banner.js';
import { toBase64 } from './base64.js';
import './imports.css';

interface ChosenFile {
  name: string;
  size: number;
  base64: string;
}

type Failure =
  | { kind: 'code'; code: ErrorCode | 'unexpected' }
  | { kind: 'refused'; error: AppError }
  | { kind: 'tooBig'; size: number };

export function ImportScreen() {
  const { platform } = useApp();
  const intl = useIntl();
  const id = useId();
  const [kind, setKind] = useState<ImportRunKind>('customers');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [overrides, setOverrides] = useState<Record<string, string | null>>({});
  const [check, setCheck] = useState<ImportRunOutput | null>(null);
  const [checking, setChecking] = useState(false);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ImportRunOutput | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const mib = (bytes: number) =>
    intl.formatNumber(bytes / 2 ** 20, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

  const checkRequest = useRef(0);

  async function call(
    dryRun: boolean,
    chosen: ChosenFile,
    forKind: ImportRunKind,
    mapping: Record<string, string | null>,
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
  async function checkFile(
    chosen: ChosenFile,
    forKind: ImportRunKind,
    mapping: Record<string, string | null>,
  ) {
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

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    setCheck(null);
    setResult(null);
    setOverrides({});
    setFailure(null);
    setFile(null);
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

  async function onRun() {
    if (file === null) return;
    setRunning(true);
    setFailure(null);
    const out = await call(false, file, kind, overrides);
    setRunning(false);
    setResult(out);
  }

  function reset() {
    setFile(null);
    setCheck(null);
    setResult(null);
    setOverrides({});
    setFailure(null);
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  function setField(column: ImportColumn, field: string | null) {
    const columns = check?.report.columns ?? [];
    const next: Record<string, string | null> = {};
    // Send the whole mapping: the admin's choice, and the other columns as they are now.
    for (const c of columns)
      next[c.header] = c.index === column.index ? field : c.field === field ? null : c.field;
    setOverrides(next);
    if (file !== null) void checkFile(file, kind, next);
  }

  const report = check?.report;
  const preview = check?.preview;

  return (
    <section className="page page--imports" aria-labelledby={`${id}-title`}>
      <header className="page__header">
        <h1 id={`${id}-title`} className="page__title">
          <Msg id="imports.title" />
        </h1>
      </header>
      <div className="imports">
        <p className="hint muted">
          <Msg id="imports.intro" />
        </p>

        <section className="card imports__choose">
          <div className="imports__pickers">
            <div className="field">
              <label htmlFor={`${id}-kind`} className="field__label">
                <Msg id="imports.kind" />
              </label>
              <select
                id={`${id}-kind`}
                className="input input--inline"
                value={kind}
                disabled={running}
                onChange={(e) => {
                  const next = e.target.value as ImportRunKind;
                  setKind(next);
                  setOverrides({});
                  if (file !== null) void checkFile(file, next, {});
                }}
              >
                {importRunKinds.map((k) => (
                  <option key={k} value={k}>
                    {intl.formatMessage({ id: `imports.kind.${k}` })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-file`} className="field__label">
                <Msg id="imports.file" />
              </label>
              <input
                ref={fileInput}
                id={`${id}-file`}
                className="input"
                type="file"
                accept=".csv,.txt,text/csv"
                disabled={running}
                aria-describedby={`${id}-file-help`}
                onChange={(e) => void onFile(e)}
              />
              <p id={`${id}-file-help`} className="hint muted">
                <Msg id="imports.fileHelp" values={{ max: mib(MAX_IMPORT_FILE_BYTES) }} />
              </p>
            </div>
          </div>
          {checking ? (
            <p role="status" className="hint">
              <Msg id="imports.checking" />
            </p>
          ) : null}
        </section>

        {failure ? (
          <Banner tone="danger" urgent>
            {failure.kind === 'tooBig' ? (
              <Msg
                id="imports.tooBig"
                values={{ size: mib(failure.size), max: mib(MAX_IMPORT_FILE_BYTES) }}
              />
            ) : failure.kind === 'refused' ? (
              <ErrorText error={failure.error} />
            ) : (
              <Msg id={`error.${failure.code}`} />
            )}
          </Banner>
        ) : null}

        {report && preview && result === null ? (
          <>
            <section className="card" aria-labelledby={`${id}-detected`}>
              <h2 id={`${id}-detected`} className="section-title">
                <Msg id="imports.detected" />
              </h2>
              <dl className="props">
                <dt>
                  <Msg id="imports.encoding" />
                </dt>
                <dd>
                  {report.encoding === null ? (
                    <Msg id="imports.unknown" />
                  ) : report.bom ? (
                    <Msg id="imports.bom" values={{ encoding: report.encoding.toUpperCase() }} />
                  ) : (
                    report.encoding.toUpperCase()
                  )}
                </dd>
                <dt>
                  <Msg id="imports.delimiter" />
                </dt>
                <dd>
                  <Delimiter value={report.delimiter} />
                </dd>
                <dt>
                  <Msg id="imports.rows" />
                </dt>
                <dd className="tabular">
                  <Msg id="imports.rowsCount" values={{ count: report.rows }} />
                </dd>
              </dl>
              <Warnings warnings={report.warnings} />
            </section>

            <section className="card" aria-labelledby={`${id}-mapping`}>
              <h2 id={`${id}-mapping`} className="section-title">
                <Msg id="imports.mapping" />
              </h2>
              <p className="hint muted">
                <Msg id={kind === 'cdnow' ? 'imports.mapping.fixed' : 'imports.mappingHelp'} />
              </p>
              <div className="imports__table">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">
                        <Msg id="imports.mapping.column" />
                      </th>
                      <th scope="col">
                        <Msg id="imports.mapping.field" />
                      </th>
                      <th scope="col" className="imports__num">
                        <Msg id="imports.mapping.confidence" />
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.columns.map((column) => (
                      <tr key={column.index}>
                        <th scope="row">{column.header}</th>
                        <td>
                          <select
                            className="input input--inline"
                            aria-label={intl.formatMessage(
                              { id: 'imports.mapping.fieldFor' },
                              { column: column.header },
                            )}
                            value={column.field ?? ''}
                            disabled={kind === 'cdnow' || running}
                            onChange={(e) => setField(column, e.target.value === '' ? null : e.target.value)}
                          >
                            <option value="">{intl.formatMessage({ id: 'imports.mapping.ignore' })}</option>
                            {preview.fields.map((f) => {
                              const label = intl.formatMessage({
                                id: `import.field.${f.field}`,
                                defaultMessage: f.field,
                              });
                              return (
                                <option key={f.field} value={f.field}>
                                  {f.required
                                    ? intl.formatMessage({ id: 'imports.mapping.required' }, { field: label })
                                    : label}
                                </option>
                              );
                            })}
                          </select>
                        </td>
                        <td className="imports__num tabular">
                          {column.header in overrides ? (
                            <Msg id="imports.mapping.manual" />
                          ) : column.field === null ? (
                            <span className="muted">
                              <Msg id="imports.mapping.none" />
                            </span>
                          ) : (
                            intl.formatNumber(column.confidence, { style: 'percent' })
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            <section className="card" aria-labelledby={`${id}-preview`}>
              <h2 id={`${id}-preview`} className="section-title">
                <Msg id="imports.preview" />
              </h2>
              <div className="imports__table imports__table--wide">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col" className="imports__num">
                        <Msg id="imports.preview.line" />
                      </th>
                      {preview.headers.map((h, i) => (
                        <th scope="col" key={i}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rows.map((row) => (
                      <tr key={row.line}>
                        <td className="imports__num tabular">{row.line}</td>
                        {preview.headers.map((_, i) => (
                          <td key={i}>{row.cells[i] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>

            {check.errors.length > 0 ? (
              <section className="card" aria-labelledby={`${id}-check-errors`}>
                <h2 id={`${id}-check-errors`} className="section-title">
                  <Msg id="imports.errors" />
                </h2>
                <Banner tone="warning">
                  <Msg id="imports.checkErrors" values={{ count: check.errors.length }} />
                </Banner>
                <ErrorTable errors={check.errors} />
              </section>
            ) : null}

            <div className="form-actions">
              <button
                type="button"
                className="btn btn--primary"
                disabled={running || checking || file === null || check.errors.length > 0}
                onClick={() => void onRun()}
              >
                <Msg id="imports.run" />
              </button>
            </div>
            {running ? (
              <div className="imports__progress" role="status">
                <progress
                  aria-label={intl.formatMessage({ id: 'imports.running' }, { count: report.rows })}
                />
                <span>
                  <Msg id="imports.running" values={{ count: report.rows }} />
                </span>
              </div>
            ) : null}
          </>
        ) : null}

        {result ? (
          <section className="card" aria-labelledby={`${id}-result`}>
            <h2 id={`${id}-result`} ref={resultRef} tabIndex={-1} className="section-title">
              <Msg id={result.ok ? 'imports.written' : 'imports.errors'} />
            </h2>
            {result.ok ? (
              <>
                <Banner tone="success">
                  <Msg
                    id="imports.done"
                    values={{
                      seconds: intl.formatNumber(result.report.durationMs / 1000, {
                        maximumFractionDigits: 1,
                      }),
                    }}
                  />
                </Banner>
                <WrittenTable written={result.written ?? []} />
              </>
            ) : (
              <>
                <Banner tone="danger">
                  <Msg id="imports.failed" values={{ count: result.errors.length }} />
                </Banner>
                <ErrorTable errors={result.errors} />
              </>
            )}
            <Warnings warnings={result.report.warnings} />
            <button type="button" className="btn" onClick={reset}>
              <Msg id="imports.another" />
            </button>
          </section>
        ) : null}
      </div>
    </section>
  );
}

function Delimiter({ value }: { value: ';' | ',' | '\t' | null }) {
  switch (value) {
    case ';':
      return <Msg id="imports.delimiter.semicolon" />;
    case ',':
      return <Msg id="imports.delimiter.comma" />;
    case '\t':
      return <Msg id="imports.delimiter.tab" />;
    case null:
      return <Msg id="imports.unknown" />;
  }
}

function Warnings({ warnings }: { warnings: ImportRunOutput['report']['warnings'] }) {
  const intl = useIntl();
  if (warnings.length === 0) return null;
  return (
    <div className="imports__warnings">
      <h3 className="field__label">
        <Msg id="imports.warnings" />
      </h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            {intl.formatMessage({ id: `import.warning.${w.code}` }, { column: w.column ?? '' })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ErrorTable({ errors }: { errors: readonly ImportRunError[] }) {
  const intl = useIntl();
  return (
    <div className="imports__table imports__table--errors">
      <table className="table">
        <thead>
          <tr>
            <th scope="col" className="imports__num">
              <Msg id="imports.errors.line" />
            </th>
            <th scope="col">
              <Msg id="imports.errors.column" />
            </th>
            <th scope="col" className="imports__reason">
              <Msg id="imports.errors.reason" />
            </th>
            <th scope="col">
              <Msg id="imports.errors.value" />
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className="imports__num tabular">
                {e.line === null ? <Msg id="imports.errors.file" /> : e.line}
              </td>
              <td>{e.column ?? ''}</td>
              <td className="imports__reason">{intl.formatMessage({ id: `import.error.${e.code}` })}</td>
              <td>{e.value ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WrittenTable({ written }: { written: readonly ImportCounts[] }) {
  const intl = useIntl();
  return (
    <div className="imports__table">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <Msg id="imports.written.entity" />
            </th>
            <th scope="col" className="imports__num">
              <Msg id="imports.written.created" />
            </th>
            <th scope="col" className="imports__num">
              <Msg id="imports.written.updated" />
            </th>
            <th scope="col" className="imports__num">
              <Msg id="imports.written.unchanged" />
            </th>
          </tr>
        </thead>
        <tbody>
          {written.map((w) => (
            <tr key={w.entity}>
              <th scope="row">{intl.formatMessage({ id: `imports.entity.${w.entity}` })}</th>
              <td className="imports__num tabular">{intl.formatNumber(w.created)}</td>
              <td className="imports__num tabular">{intl.formatNumber(w.updated)}</td>
              <td className="imports__num tabular">{intl.formatNumber(w.unchanged)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
