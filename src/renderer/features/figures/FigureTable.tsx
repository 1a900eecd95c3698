/**
 * A small figures table: a caption for screen readers, column headers (numeric ones aligned
 * right), and rows whose first cell is the row's header.
 */
import type { ReactNode } from 'react';
import { Msg } from '../../i18n/Msg.js';
import type { MessageKey } from '../../i18n/fr.js';

export function FigureTable({
  caption,
  head,
  rows,
  rowHeaderClassName,
}: {
  caption: MessageKey;
  head: readonly { label: MessageKey; numeric?: boolean }[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  /** Classes of each row's first cell (its header). */
  rowHeaderClassName?: string;
}) {
  return (
    <table className="table figures__matrix">
      <caption className="visually-hidden">
        <Msg id={caption} />
      </caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h.label} scope="col" className={h.numeric ? 'num' : undefined}>
              <Msg id={h.label} />
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className={rowHeaderClassName}>
                  {cell}
                </th>
              ) : (
                <td key={i} className={head[i]?.numeric ? 'num' : undefined}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
