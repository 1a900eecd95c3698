/** The import screen's cards: what was detected, the column mapping, the preview, warnings. */
import type { ReactNode, Ref } from 'react';
import { useIntl } from 'react-intl';
import type { ImportColumn, ImportRunKind, ImportRunOutput } from '../../../../shared/contract/imports.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { ImportTable, msgHead } from './tables.js';

type Preview = NonNullable<ImportRunOutput['preview']>;

/** A card named by its h2. */
export function Card({
  titleId,
  title,
  titleRef,
  children,
}: {
  titleId: string;
  title: ReactNode;
  /** The result's heading takes the focus when it appears. */
  titleRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2
        id={titleId}
        ref={titleRef}
        tabIndex={titleRef === undefined ? undefined : -1}
        className="section-title"
      >
        {title}
      </h2>
      {children}
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

export function Warnings({ warnings }: { warnings: ImportRunOutput['report']['warnings'] }) {
  const intl = useIntl();
  if (warnings.length === 0) return null;
  return (
    <div className="imports__warnings">
      <Text as="h3" className="field__label" msg="imports.warnings" />
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

export function DetectedCard({ id, report }: { id: string; report: ImportRunOutput['report'] }) {
  return (
    <Card titleId={`${id}-detected`} title={<Msg id="imports.detected" />}>
      <dl className="props">
        <Text as="dt" msg="imports.encoding" />
        <dd>
          {report.encoding === null ? (
            <Msg id="imports.unknown" />
          ) : report.bom ? (
            <Msg id="imports.bom" values={{ encoding: report.encoding.toUpperCase() }} />
          ) : (
            report.encoding.toUpperCase()
          )}
        </dd>
        <Text as="dt" msg="imports.delimiter" />
        <dd>
          <Delimiter value={report.delimiter} />
        </dd>
        <Text as="dt" msg="imports.rows" />
        <dd className="tabular">
          <Msg id="imports.rowsCount" values={{ count: report.rows }} />
        </dd>
      </dl>
      <Warnings warnings={report.warnings} />
    </Card>
  );
}

const mappingHead = [
  msgHead('imports.mapping.column'),
  msgHead('imports.mapping.field'),
  msgHead('imports.mapping.confidence', 'imports__num'),
];

export function MappingCard({
  id,
  kind,
  columns,
  fields,
  overrides,
  running,
  onField,
}: {
  id: string;
  kind: ImportRunKind;
  columns: readonly ImportColumn[];
  fields: Preview['fields'];
  overrides: Record<string, string | null>;
  running: boolean;
  onField: (column: ImportColumn, field: string | null) => void;
}) {
  const intl = useIntl();
  const fieldLabel = (field: string, required: boolean) => {
    const label = intl.formatMessage({ id: `import.field.${field}`, defaultMessage: field });
    return required ? intl.formatMessage({ id: 'imports.mapping.required' }, { field: label }) : label;
  };
  return (
    <Card titleId={`${id}-mapping`} title={<Msg id="imports.mapping" />}>
      <p className="hint muted">
        <Msg id={kind === 'cdnow' ? 'imports.mapping.fixed' : 'imports.mappingHelp'} />
      </p>
      <ImportTable head={mappingHead}>
        {columns.map((column) => (
          <tr key={column.index}>
            <th scope="row">{column.header}</th>
            <td>
              <select
                className="input input--inline"
                aria-label={intl.formatMessage({ id: 'imports.mapping.fieldFor' }, { column: column.header })}
                value={column.field ?? ''}
                disabled={kind === 'cdnow' || running}
                onChange={(e) => onField(column, e.target.value === '' ? null : e.target.value)}
              >
                <option value="">{intl.formatMessage({ id: 'imports.mapping.ignore' })}</option>
                {fields.map((f) => (
                  <option key={f.field} value={f.field}>
                    {fieldLabel(f.field, f.required)}
                  </option>
                ))}
              </select>
            </td>
            <td className="imports__num tabular">
              {column.header in overrides ? (
                <Msg id="imports.mapping.manual" />
              ) : column.field === null ? (
                <Text as="span" className="muted" msg="imports.mapping.none" />
              ) : (
                intl.formatNumber(column.confidence, { style: 'percent' })
              )}
            </td>
          </tr>
        ))}
      </ImportTable>
    </Card>
  );
}

export function PreviewCard({ id, preview }: { id: string; preview: Preview }) {
  const head = [
    msgHead('imports.preview.line', 'imports__num'),
    ...preview.headers.map((h, i) => ({ key: i, label: h })),
  ];
  return (
    <Card titleId={`${id}-preview`} title={<Msg id="imports.preview" />}>
      <ImportTable variant="wide" head={head}>
        {preview.rows.map((row) => (
          <tr key={row.line}>
            <td className="imports__num tabular">{row.line}</td>
            {preview.headers.map((_, i) => (
              <td key={i}>{row.cells[i] ?? ''}</td>
            ))}
          </tr>
        ))}
      </ImportTable>
    </Card>
  );
}
