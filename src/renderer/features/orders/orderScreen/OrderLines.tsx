/** The order's lines: product, quantity and discount typed in place, the preview's prices. */
import { createColumnHelper } from '@tanstack/react-table';
import { useIntl } from 'react-intl';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatPercentBp } from '../../../i18n/format.js';
import { DataTable } from '../../../ui/DataTable.js';
import { useMoney } from '../format.js';
import type { OrderDraft, PreviewRow } from './useOrderDraft.js';

const column = createColumnHelper<PreviewRow>();
const cellOf = (id: string) => ({ className: `order-lines__${id}`, headerClassName: `order-lines__${id}` });

export function OrderLines({ draft }: { draft: OrderDraft }) {
  const intl = useIntl();
  const money = useMoney();
  const { locked, editLine, removeLine } = draft;
  const nameOf = (row: PreviewRow) => row.product?.name ?? row.draft.productId;

  const columns = [
    column.display({
      id: 'product',
      header: () => <Msg id="orders.col.product" />,
      cell: ({ row }) => {
        const { product, problem, draft: line } = row.original;
        return (
          <>
            <span className="order-line__ref">{product?.reference ?? ''}</span>{' '}
            {product?.name ?? line.productId}
            {problem ? (
              <p className="field__error" id={`problem-${line.id}`}>
                <Msg id={`orders.problem.${problem}`} />
              </p>
            ) : null}
          </>
        );
      },
      meta: cellOf('product'),
    }),
    column.display({
      id: 'quantity',
      header: () => <Msg id="orders.col.quantity" />,
      cell: ({ row }) => {
        const { draft: line, problem } = row.original;
        return (
          <input
            className="input input--inline order-line__qty"
            inputMode="numeric"
            value={line.quantityText}
            disabled={locked}
            aria-invalid={problem === 'quantity-invalid' ? true : undefined}
            aria-describedby={problem ? `problem-${line.id}` : undefined}
            aria-label={intl.formatMessage(
              { id: 'orders.line.quantityOf' },
              { product: nameOf(row.original) },
            )}
            onChange={(e) => editLine(line.id, { quantityText: e.target.value })}
          />
        );
      },
      meta: cellOf('quantity'),
    }),
    column.display({
      id: 'unitPrice',
      header: () => <Msg id="orders.col.unitPrice" />,
      cell: ({ row }) => {
        const { line, draft: typed } = row.original;
        if (!line) return '—';
        // The next quantity break, so the rep can offer it (« dès 12 : 29,58 € »).
        const next = locked
          ? undefined
          : draft.breaksOf(typed.productId)?.find((b) => b.minQuantity > line.quantity);
        return (
          <>
            {money(line.unitPriceCents)}
            {next ? (
              <span className="order-line__next-break">
                <Msg
                  id="orders.search.break"
                  values={{ quantity: next.minQuantity, price: money(next.unitPriceCents) }}
                />
              </span>
            ) : null}
          </>
        );
      },
      meta: cellOf('unitPrice'),
    }),
    column.display({
      id: 'discount',
      header: () => <Msg id="orders.col.discount" />,
      cell: ({ row }) => {
        const { draft: line, problem } = row.original;
        const bad = problem === 'discount-too-high' || problem === 'discount-invalid';
        return (
          <input
            className="input input--inline order-line__discount"
            inputMode="decimal"
            value={line.discountText}
            disabled={locked}
            aria-invalid={bad ? true : undefined}
            aria-describedby={problem ? `problem-${line.id}` : undefined}
            aria-label={intl.formatMessage(
              { id: 'orders.line.discountOf' },
              { product: nameOf(row.original) },
            )}
            onChange={(e) => editLine(line.id, { discountText: e.target.value })}
          />
        );
      },
      meta: cellOf('discount'),
    }),
    column.display({
      id: 'vat',
      header: () => <Msg id="orders.col.vat" />,
      cell: ({ row }) =>
        row.original.product ? formatPercentBp(intl, row.original.product.vatRate, 1) : '—',
      meta: cellOf('vat'),
    }),
    column.display({
      id: 'total',
      header: () => <Msg id="orders.col.total" />,
      cell: ({ row }) => (row.original.line ? money(row.original.line.totalExclCents) : '—'),
      meta: cellOf('total'),
    }),
    column.display({
      id: 'actions',
      header: () => <Text as="span" className="visually-hidden" msg="orders.col.actions" />,
      cell: ({ row }) =>
        locked ? null : (
          <button
            type="button"
            className="btn btn--small btn--ghost"
            aria-label={intl.formatMessage({ id: 'orders.line.remove' }, { product: nameOf(row.original) })}
            onClick={() => removeLine(row.original.draft.id)}
          >
            ×
          </button>
        ),
      meta: cellOf('actions'),
    }),
  ];

  return (
    <section aria-labelledby="order-lines">
      <Text as="h2" id="order-lines" className="section-title" msg="orders.lines" />
      <DataTable
        data={draft.preview.rows}
        columns={columns}
        getRowId={(r) => r.draft.id}
        label={intl.formatMessage({ id: 'orders.lines' })}
        className="order-lines"
        scrollClassName="order-lines-scroll"
        rowClassName={(r) => (r.problem ? 'order-line--problem' : undefined)}
        empty={<Text as="p" className="muted" msg="orders.lines.empty" />}
      />
      <Text as="p" className="hint" msg="orders.preview" />
    </section>
  );
}
