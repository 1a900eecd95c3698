/** The import screen's tables: one frame (scrolling box, header row), then each table's rows. */
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { ImportCounts, ImportRunError } from '../../../../shared/contract/imports.js';
import { Msg } from '../../../i18n/Msg.js';
import type { MessageKey } from '../../../i18n/fr.js';

export interface HeadCell {
  key: string | number;
  label: ReactNode;
  className?: string;
}

/** A header cell whose label is a message. */
export function msgHead(id: MessageKey, className?: string): HeadCell {
  return { key: id, label: <Msg id={id} />, className };
}

export function ImportTable({
  variant,
  head,
  children,
}: {
  /** `imports__table--<variant>` beside `imports__table`. */
  variant?: 'wide' | 'errors';
  head: readonly HeadCell[];
  children: ReactNode;
}) {
  return (
    <div className={variant ? `imports__table imports__table--${variant}` : 'imports__table'}>
      <table className="table">
        <thead>
          <tr>
            {head.map((cell) => (
              <th scope="col" key={cell.key} className={cell.className}>
                {cell.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

const errorHead = [
  msgHead('imports.errors.line', 'imports__num'),
  msgHead('imports.errors.column'),
  msgHead('imports.errors.reason', 'imports__reason'),
  msgHead('imports.errors.value'),
];

export function ErrorTable({ errors }: { errors: readonly ImportRunError[] }) {
  const intl = useIntl();
  return (
    <ImportTable variant="errors" head={errorHead}>
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
    </ImportTable>
  );
}

const writtenHead = [
  msgHead('imports.written.entity'),
  msgHead('imports.written.created', 'imports__num'),
  msgHead('imports.written.updated', 'imports__num'),
  msgHead('imports.written.unchanged', 'imports__num'),
];

const counts = ['created', 'updated', 'unchanged'] as const;

export function WrittenTable({ written }: { written: readonly ImportCounts[] }) {
  const intl = useIntl();
  return (
    <ImportTable head={writtenHead}>
      {written.map((w) => (
        <tr key={w.entity}>
          <th scope="row">{intl.formatMessage({ id: `imports.entity.${w.entity}` })}</th>
          {counts.map((c) => (
            <td key={c} className="imports__num tabular">
              {intl.formatNumber(w[c])}
            </td>
          ))}
        </tr>
      ))}
    </ImportTable>
  );
}
