/**
 * Head-office imports (admin only): choose the kind and a CSV file, check it (dry run: detected
 * format, column mapping, preview, every error), then import it all or nothing and read the
 * report.
 */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import type { ImportRunKind } from '../../../../shared/contract/imports.js';
import { MAX_IMPORT_FILE_BYTES, importRunKinds } from '../../../../shared/contract/imports.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ErrorText } from '../../../i18n/errorText.js';
import { Banner } from '../../../ui/Banner.js';
import { Page } from '../../../ui/PageHeader.js';
import { Field, FormActions } from '../../../ui/form/index.js';
import '../imports.css';
import { Card, DetectedCard, MappingCard, PreviewCard, Warnings } from './parts.js';
import { ErrorTable, WrittenTable } from './tables.js';
import { useImportRun } from './useImportRun.js';

export function ImportScreen() {
  const intl = useIntl();
  const id = useId();
  const s = useImportRun();
  const { check, result, running, failure } = s;

  const mib = (bytes: number) =>
    intl.formatNumber(bytes / 2 ** 20, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

  const report = check?.report;
  const preview = check?.preview;

  return (
    <Page titleId={`${id}-title`} title={<Msg id="imports.title" />} className="page--imports">
      <div className="imports">
        <Text as="p" className="hint muted" msg="imports.intro" />

        <section className="card imports__choose">
          <div className="imports__pickers">
            <Field id={`${id}-kind`} label={<Msg id="imports.kind" />}>
              {(control) => (
                <select
                  {...control}
                  className="input input--inline"
                  value={s.kind}
                  disabled={running}
                  onChange={(e) => s.onKind(e.target.value as ImportRunKind)}
                >
                  {importRunKinds.map((k) => (
                    <option key={k} value={k}>
                      {intl.formatMessage({ id: `imports.kind.${k}` })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-file`} label={<Msg id="imports.file" />}>
              {(control) => (
                <>
                  <input
                    {...control}
                    ref={s.fileInput}
                    className="input"
                    type="file"
                    accept=".csv,.txt,text/csv"
                    disabled={running}
                    aria-describedby={`${id}-file-help`}
                    onChange={(e) => void s.onFile(e)}
                  />
                  {/* Below the input, as the browser's file picker reads best. */}
                  <p id={`${id}-file-help`} className="hint muted">
                    <Msg id="imports.fileHelp" values={{ max: mib(MAX_IMPORT_FILE_BYTES) }} />
                  </p>
                </>
              )}
            </Field>
          </div>
          {s.checking ? <Text as="p" role="status" className="hint" msg="imports.checking" /> : null}
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

        {check && report && preview && result === null ? (
          <>
            <DetectedCard id={id} report={report} />
            <MappingCard
              id={id}
              kind={s.kind}
              columns={report.columns}
              fields={preview.fields}
              overrides={s.overrides}
              running={running}
              onField={s.setField}
            />
            <PreviewCard id={id} preview={preview} />

            {check.errors.length > 0 ? (
              <Card titleId={`${id}-check-errors`} title={<Msg id="imports.errors" />}>
                <Banner tone="warning">
                  <Msg id="imports.checkErrors" values={{ count: check.errors.length }} />
                </Banner>
                <ErrorTable errors={check.errors} />
              </Card>
            ) : null}

            <FormActions>
              <button
                type="button"
                className="btn btn--primary"
                disabled={running || s.checking || s.file === null || check.errors.length > 0}
                onClick={() => void s.onRun()}
              >
                <Msg id="imports.run" />
              </button>
            </FormActions>
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
          <Card
            titleId={`${id}-result`}
            titleRef={s.resultRef}
            title={<Msg id={result.ok ? 'imports.written' : 'imports.errors'} />}
          >
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
            <button type="button" className="btn" onClick={s.reset}>
              <Msg id="imports.another" />
            </button>
          </Card>
        ) : null}
      </div>
    </Page>
  );
}
