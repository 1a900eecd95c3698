/**
 * Order taking: a new order for a customer (#/orders/new/<customerId>) or an order on this
 * laptop (#/orders/<id>). Prices come from the local price list with the quantity breaks (a
 * preview: head office prices again on receipt); each bad line says why; nothing is written
 * unless the whole order passes the shared pricing (the mutator checks again in its
 * transaction). An order head office confirmed is read-only, and says why. Taken during a visit
 * (#/orders/new/<customerId>?visit=<draftId>), saving records it in the visit and goes back there.
 */
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { v7 as uuidv7 } from 'uuid';
import type { OrderLine } from '../../../shared/domain/order/order.js';
import { isOrderLocked, orderTotals } from '../../../shared/domain/order/order.js';
import type { PricingProblemCode } from '../../../shared/domain/order/pricing.js';
import { buildCatalogue, DEFAULT_MAX_DISCOUNT_BP, priceOrder } from '../../../shared/domain/order/pricing.js';
import { useApp } from '../../app/context.js';
import { hrefFor, navigate } from '../../app/router.js';
import type { OrderRow, ProductRow } from '../../db/schema.js';
import type { PdfExportResult } from '../../platform/types.js';
import { Msg } from '../../i18n/Msg.js';
import { StorageFullError } from '../../sync/storage.js';
import { Badge } from '../../ui/Badge.js';
import { Banner } from '../../ui/Banner.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { normalizeForSearch } from '../../ui/normalize.js';
import { recordVisitOrder } from '../visit/index.js';
import { SignaturePad } from './SignaturePad.js';
import { approvalTone, statusTone, useMoney } from './format.js';
import { cancelOrder, createOrder, OrderCheckError, OrderLockedError, updateOrder } from './mutators.js';

interface DraftLine {
  id: string;
  productId: string;
  quantityText: string;
  discountText: string;
}

interface PreviewRow {
  draft: DraftLine;
  product: ProductRow | undefined;
  line: OrderLine | null;
  problem: PricingProblemCode | null;
}

/** "12,5" → 1250 bp; empty → 0; anything else unparsable → NaN (the pricing refuses it). */
function discountBpOf(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? 0 : Math.round(Number(trimmed) * 100);
}

function quantityOf(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

function draftsOf(order: OrderRow): DraftLine[] {
  return order.lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    quantityText: String(l.quantity),
    discountText: l.discountBp === 0 ? '' : String(l.discountBp / 100),
  }));
}

const columnHelper = createColumnHelper<PreviewRow>();

export function OrderScreen({
  customerId,
  orderId,
  visitId,
}: {
  customerId: string | null;
  orderId: string | null;
  /** The visit in progress the order is taken from (new orders only). */
  visitId: string | null;
}) {
  const { db, user, engine, platform } = useApp();
  const [pdf, setPdf] = useState<PdfExportResult | 'exporting' | null>(null);
  const intl = useIntl();
  const money = useMoney();
  const ids = { search: useId(), delivery: useId(), note: useId(), signature: useId() };
  // A new order, once saved, stays on this screen (the address changes, the screen does not).
  const [createdId, setCreatedId] = useState<string | null>(null);
  const shownId = orderId ?? createdId;
  const order = useLiveQuery(
    async () => (shownId ? ((await db.orders.get(shownId)) ?? null) : null),
    [db, shownId],
  );
  const theCustomerId = customerId ?? order?.customerId ?? null;
  const customer = useLiveQuery(
    async () => (theCustomerId ? ((await db.customers.get(theCustomerId)) ?? null) : null),
    [db, theCustomerId],
  );
  const catalogueRows = useLiveQuery(
    async () => ({
      products: await db.products.toArray(),
      priceLists: await db.priceLists.toArray(),
      prices: await db.prices.toArray(),
    }),
    [db],
  );
  const catalogue = useMemo(() => (catalogueRows ? buildCatalogue(catalogueRows) : null), [catalogueRows]);

  const [lines, setLines] = useState<DraftLine[]>([]);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [deliveryDate, setDeliveryDate] = useState('');
  const [note, setNote] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [feedback, setFeedback] = useState<
    | { kind: 'saved' }
    | { kind: 'cancelled' }
    | { kind: 'problems' }
    | { kind: 'quota' }
    | { kind: 'error'; message: string }
    | null
  >(null);

  // The order's own values when it is first read (later pulls do not overwrite typing)…
  // A locked order always shows head office's copy (a refused edit is kept in the sync panel).
  useEffect(() => {
    if (!order) return;
    const relock = isOrderLocked(order) && loadedVersion !== order.version;
    if (loadedFrom === order.id && !relock) return;
    setLoadedFrom(order.id);
    setLoadedVersion(order.version);
    setLines(draftsOf(order));
    setDeliveryDate(order.deliveryDate ?? '');
    setNote(order.note ?? '');
    setSignature(order.signature ?? null);
  }, [order, loadedFrom, loadedVersion]);

  const limit = user.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP;
  const day = (order?.orderedAt ?? new Date().toISOString()).slice(0, 10);
  const locked = order ? isOrderLocked(order) : false;

  const preview = useMemo(() => {
    const rows: PreviewRow[] = lines.map((draft) => {
      const product = catalogue?.products.get(draft.productId);
      if (!catalogue || !customer) return { draft, product, line: null, problem: null };
      const priced = priceOrder(catalogue, {
        priceGroup: customer.priceGroup,
        day,
        repMaxDiscountBp: limit,
        lines: [
          {
            id: draft.id,
            productId: draft.productId,
            quantity: quantityOf(draft.quantityText),
            discountBp: discountBpOf(draft.discountText),
          },
        ],
      });
      return priced.ok
        ? { draft, product, line: priced.value.lines[0] ?? null, problem: null }
        : { draft, product, line: null, problem: priced.problems[0]?.code ?? null };
    });
    const okLines = rows.flatMap((r) => (r.line ? [r.line] : []));
    return {
      rows,
      totals: orderTotals(okLines),
      needsApproval: okLines.some((l) => l.discountBp > limit),
    };
  }, [lines, catalogue, customer, day, limit]);

  const matches = useMemo(() => {
    const q = normalizeForSearch(search);
    if (q === '' || !catalogueRows) return [];
    return catalogueRows.products
      .filter((p) => normalizeForSearch(`${p.reference} ${p.name}`).includes(q))
      .sort((a, b) => Number(b.active) - Number(a.active) || a.reference.localeCompare(b.reference))
      .slice(0, 8);
  }, [search, catalogueRows]);

  const columns = useMemo(
    () => [
      columnHelper.display({
        id: 'product',
        header: () => <Msg id="orders.col.product" />,
        cell: ({ row }) => {
          const { product, problem, draft } = row.original;
          return (
            <>
              <span className="order-line__ref">{product?.reference ?? ''}</span>{' '}
              {product?.name ?? draft.productId}
              {problem ? (
                <p className="field__error" id={`problem-${draft.id}`}>
                  <Msg id={`orders.problem.${problem}`} />
                </p>
              ) : null}
            </>
          );
        },
      }),
      columnHelper.display({
        id: 'quantity',
        header: () => <Msg id="orders.col.quantity" />,
        cell: ({ row }) => {
          const { draft, product, problem } = row.original;
          return (
            <input
              className="input input--inline order-line__qty"
              inputMode="numeric"
              value={draft.quantityText}
              disabled={locked}
              aria-invalid={problem === 'quantity-invalid' ? true : undefined}
              aria-describedby={problem ? `problem-${draft.id}` : undefined}
              aria-label={intl.formatMessage(
                { id: 'orders.line.quantityOf' },
                { product: product?.name ?? draft.productId },
              )}
              onChange={(e) => {
                const value = e.target.value;
                setLines((all) => all.map((l) => (l.id === draft.id ? { ...l, quantityText: value } : l)));
              }}
            />
          );
        },
      }),
      columnHelper.display({
        id: 'unitPrice',
        header: () => <Msg id="orders.col.unitPrice" />,
        cell: ({ row }) => (row.original.line ? money(row.original.line.unitPriceCents) : '—'),
      }),
      columnHelper.display({
        id: 'discount',
        header: () => <Msg id="orders.col.discount" />,
        cell: ({ row }) => {
          const { draft, product, problem } = row.original;
          const bad = problem === 'discount-too-high' || problem === 'discount-invalid';
          return (
            <input
              className="input input--inline order-line__discount"
              inputMode="decimal"
              value={draft.discountText}
              disabled={locked}
              aria-invalid={bad ? true : undefined}
              aria-describedby={problem ? `problem-${draft.id}` : undefined}
              aria-label={intl.formatMessage(
                { id: 'orders.line.discountOf' },
                { product: product?.name ?? draft.productId },
              )}
              onChange={(e) => {
                const value = e.target.value;
                setLines((all) => all.map((l) => (l.id === draft.id ? { ...l, discountText: value } : l)));
              }}
            />
          );
        },
      }),
      columnHelper.display({
        id: 'vat',
        header: () => <Msg id="orders.col.vat" />,
        cell: ({ row }) =>
          row.original.product
            ? intl.formatNumber(row.original.product.vatRate / 10_000, {
                style: 'percent',
                maximumFractionDigits: 1,
              })
            : '—',
      }),
      columnHelper.display({
        id: 'total',
        header: () => <Msg id="orders.col.total" />,
        cell: ({ row }) => (row.original.line ? money(row.original.line.totalExclCents) : '—'),
      }),
      columnHelper.display({
        id: 'actions',
        header: () => (
          <span className="visually-hidden">
            <Msg id="orders.col.actions" />
          </span>
        ),
        cell: ({ row }) => {
          const { draft, product } = row.original;
          return locked ? null : (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              aria-label={intl.formatMessage(
                { id: 'orders.line.remove' },
                { product: product?.name ?? draft.productId },
              )}
              onClick={() => setLines((all) => all.filter((l) => l.id !== draft.id))}
            >
              ×
            </button>
          );
        },
      }),
    ],
    [intl, locked, money],
  );

  // TanStack Table's instance is not memoizable; it is read in this render only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: preview.rows,
    columns,
    getRowId: (r) => r.draft.id,
    getCoreRowModel: getCoreRowModel(),
  });

  if (order === undefined || customer === undefined || catalogueRows === undefined) {
    return <section className="page" aria-busy="true" />;
  }
  if (orderId !== null && order === null) {
    return (
      <section className="page">
        <EmptyState title={<Msg id="orders.notFound" />}>
          <a className="btn" href={hrefFor({ name: 'orders' })}>
            <Msg id="orders.title" />
          </a>
        </EmptyState>
      </section>
    );
  }
  if (customer === null) {
    return (
      <section className="page">
        <EmptyState title={<Msg id="orders.customerNotFound" />}>
          <a className="btn" href={hrefFor({ name: 'customers' })}>
            <Msg id="nav.customers" />
          </a>
        </EmptyState>
      </section>
    );
  }

  const addProduct = (product: ProductRow) => {
    setLines((all) => [...all, { id: uuidv7(), productId: product.id, quantityText: '1', discountText: '' }]);
    setSearch('');
  };

  const save = async () => {
    setSaving(true);
    setFeedback(null);
    const drafts = lines.map((l) => ({
      id: l.id,
      productId: l.productId,
      quantity: quantityOf(l.quantityText),
      discountBp: discountBpOf(l.discountText),
    }));
    try {
      if (order) {
        await engine.write(updateOrder, {
          id: order.id,
          lines: drafts,
          deliveryDate: deliveryDate === '' ? null : deliveryDate,
          note,
        });
      } else {
        const created = await engine.write(createOrder, {
          customerId: customer.id,
          lines: drafts,
          deliveryDate: deliveryDate === '' ? null : deliveryDate,
          note,
          signature,
        });
        if (visitId !== null && (await recordVisitOrder(db, visitId, created.id))) {
          navigate({ name: 'visit', draftId: visitId });
          return;
        }
        setLoadedFrom(created.id);
        setCreatedId(created.id);
        window.history.replaceState(null, '', hrefFor({ name: 'order', id: created.id }));
      }
      setFeedback({ kind: 'saved' });
    } catch (error) {
      if (error instanceof OrderCheckError) setFeedback({ kind: 'problems' });
      else if (error instanceof OrderLockedError) setFeedback(null);
      else if (error instanceof StorageFullError) setFeedback({ kind: 'quota' });
      else setFeedback({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const cancel = async () => {
    if (!order) return;
    setSaving(true);
    setFeedback(null);
    try {
      await engine.write(cancelOrder, { id: order.id });
      setConfirmingCancel(false);
      setFeedback({ kind: 'cancelled' });
    } catch (error) {
      if (error instanceof OrderLockedError) setFeedback(null);
      else if (error instanceof StorageFullError) setFeedback({ kind: 'quota' });
      else setFeedback({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setSaving(false);
    }
  };

  const hasProblems = preview.rows.some((r) => r.problem !== null);
  const title = order
    ? intl.formatMessage(
        { id: 'orders.orderFor' },
        {
          number: order.number === '' ? intl.formatMessage({ id: 'orders.draftNumber' }) : order.number,
          customer: customer.name,
        },
      )
    : intl.formatMessage({ id: 'orders.newFor' }, { customer: customer.name });

  return (
    <article className="page page--record order-page" aria-labelledby="order-title">
      <nav className="breadcrumb" aria-label={intl.formatMessage({ id: 'orders.customer' })}>
        {visitId !== null ? (
          <a href={hrefFor({ name: 'visit', draftId: visitId })}>
            <span aria-hidden="true">← </span>
            <Msg id="orders.backToVisit" values={{ customer: customer.name }} />
          </a>
        ) : (
          <a href={hrefFor({ name: 'customer', id: customer.id })}>
            <span aria-hidden="true">← </span>
            {customer.name}
          </a>
        )}
      </nav>
      <header className="record__header">
        <h1 id="order-title" className="page__title">
          {title}
        </h1>
        {order ? (
          <Badge tone={statusTone(order.status)}>
            <Msg id={`orders.status.${order.status}`} />
          </Badge>
        ) : null}
        {order?.approval && order.approval !== 'not-needed' ? (
          <Badge tone={approvalTone(order.approval)}>
            <Msg id={`orders.approval.${order.approval}`} />
          </Badge>
        ) : null}
        {order && order.version > 0 ? (
          <Badge tone="success">
            <Msg id="orders.savedAtHeadOffice" />
          </Badge>
        ) : null}
        {order ? (
          <div className="record__actions no-print">
            <button
              type="button"
              className="btn"
              disabled={pdf === 'exporting'}
              onClick={() => {
                setPdf('exporting');
                void platform
                  .exportPdf(`commande-${order.number === '' ? order.id : order.number}.pdf`)
                  .then(setPdf, (error: unknown) =>
                    setPdf({
                      kind: 'failed',
                      message: error instanceof Error ? error.message : String(error),
                    }),
                  );
              }}
            >
              <Msg id="orders.pdf" />
            </button>
          </div>
        ) : null}
        {order ? (
          <p className="record__subtitle muted">
            <Msg
              id="orders.orderedOn"
              values={{ date: intl.formatDate(order.orderedAt, { dateStyle: 'medium', timeStyle: 'short' }) }}
            />
          </p>
        ) : null}
        <p className="no-print" role="status">
          {pdf === null || pdf === 'exporting' ? null : pdf.kind === 'saved' ? (
            <Msg id="orders.pdf.saved" values={{ path: pdf.path }} />
          ) : pdf.kind === 'failed' ? (
            <Msg id="orders.pdf.failed" values={{ message: pdf.message }} />
          ) : pdf.kind === 'printDialog' ? (
            <Msg id="orders.pdf.printDialog" />
          ) : null}
        </p>
      </header>

      {locked && order ? (
        <Banner tone="info">
          {order.status === 'cancelled' || order.confirmedAt === undefined || order.confirmedAt === null ? (
            <Msg
              id="orders.locked.other"
              values={{ status: intl.formatMessage({ id: `orders.status.${order.status}` }) }}
            />
          ) : (
            <Msg
              id="orders.locked.confirmed"
              values={{ date: intl.formatDate(order.confirmedAt, { dateStyle: 'medium' }) }}
            />
          )}
        </Banner>
      ) : null}
      {!locked && preview.needsApproval ? (
        <Banner tone="warning">
          <Msg
            id="orders.approvalNeeded"
            values={{ limit: intl.formatNumber(limit / 100, { maximumFractionDigits: 2 }) }}
          />
        </Banner>
      ) : null}
      {feedback?.kind === 'saved' ? (
        <Banner tone="success">
          <Msg id="orders.saved" />
        </Banner>
      ) : null}
      {feedback?.kind === 'cancelled' ? (
        <Banner tone="info">
          <Msg id="orders.cancelled" />
        </Banner>
      ) : null}
      {feedback?.kind === 'problems' ? (
        <Banner tone="danger" urgent>
          <Msg id="orders.notSaved" />
        </Banner>
      ) : null}
      {feedback?.kind === 'quota' ? (
        <Banner tone="danger" urgent>
          <Msg id="orders.quota" />
        </Banner>
      ) : null}
      {feedback?.kind === 'error' ? (
        <Banner tone="danger" urgent>
          <Msg id="orders.error" values={{ message: feedback.message }} />
        </Banner>
      ) : null}

      {!locked ? (
        <div className="field order-search no-print">
          <label htmlFor={ids.search} className="field__label">
            <Msg id="orders.search.label" />
          </label>
          <input
            id={ids.search}
            type="search"
            className="input input--search"
            placeholder={intl.formatMessage({ id: 'orders.search.placeholder' })}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            autoComplete="off"
          />
          {search.trim() !== '' ? (
            matches.length === 0 ? (
              <p className="muted">
                <Msg id="orders.search.none" />
              </p>
            ) : (
              <ul className="order-search__results plain-list">
                {matches.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      className="order-search__result"
                      disabled={!p.active}
                      onClick={() => addProduct(p)}
                    >
                      <span className="order-line__ref">{p.reference}</span> {p.name}{' '}
                      <span className="muted">{p.unit}</span>
                      {!p.active ? (
                        <>
                          {' '}
                          <Badge tone="danger">
                            <Msg id="orders.search.withdrawn" />
                          </Badge>
                        </>
                      ) : null}
                    </button>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="order-lines">
        <h2 id="order-lines" className="section-title">
          <Msg id="orders.lines" />
        </h2>
        {lines.length === 0 ? (
          <p className="muted">
            <Msg id="orders.lines.empty" />
          </p>
        ) : (
          <div className="table-scroll order-lines-scroll">
            <table className="table order-lines">
              <thead>
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => (
                      <th key={header.id} scope="col" className={`order-lines__${header.column.id}`}>
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {table.getRowModel().rows.map((row) => (
                  <tr key={row.id} className={row.original.problem ? 'order-line--problem' : undefined}>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={`order-lines__${cell.column.id}`}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="hint">
          <Msg id="orders.preview" />
        </p>
      </section>

      <section aria-labelledby="order-totals" className="order-totals">
        <h2 id="order-totals" className="visually-hidden">
          <Msg id="orders.totals" />
        </h2>
        <dl>
          <dt>
            <Msg id="orders.totalExcl" />
          </dt>
          <dd className="num">{money(preview.totals.totalExclCents)}</dd>
          <dt>
            <Msg id="orders.totalVat" />
          </dt>
          <dd className="num">{money(preview.totals.totalVatCents)}</dd>
          <dt>
            <Msg id="orders.totalIncl" />
          </dt>
          <dd className="num order-totals__incl">{money(preview.totals.totalInclCents)}</dd>
        </dl>
        <p className="hint">
          <Msg id="orders.rounding" />
        </p>
      </section>

      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.delivery} className="field__label">
            <Msg id="orders.deliveryDate" />
          </label>
          <input
            id={ids.delivery}
            type="date"
            className="input"
            value={deliveryDate}
            disabled={locked}
            onChange={(e) => setDeliveryDate(e.target.value)}
          />
        </div>
        <div className="field field--wide">
          <label htmlFor={ids.note} className="field__label">
            <Msg id="orders.note" />
          </label>
          <textarea
            id={ids.note}
            className="input"
            rows={2}
            maxLength={2000}
            value={note}
            disabled={locked}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>

      <section aria-labelledby={ids.signature}>
        <h2 id={ids.signature} className="section-title">
          <Msg id="orders.signature" />
        </h2>
        <SignaturePad
          value={signature}
          onChange={setSignature}
          disabled={locked || order !== null}
          labelId={ids.signature}
        />
      </section>

      {!locked ? (
        <div className="form-actions no-print">
          <button
            type="button"
            className="btn btn--primary"
            disabled={saving || lines.length === 0}
            aria-describedby={hasProblems ? 'order-lines' : undefined}
            onClick={() => void save()}
          >
            {saving ? <Msg id="orders.saving" /> : <Msg id="orders.save" />}
          </button>
          {order ? (
            confirmingCancel ? (
              <span className="order__cancel-confirm" role="group" aria-labelledby="order-cancel-question">
                <span id="order-cancel-question">
                  <Msg id="orders.cancel.question" />
                </span>{' '}
                <button
                  type="button"
                  className="btn btn--danger"
                  disabled={saving}
                  onClick={() => void cancel()}
                >
                  <Msg id="orders.cancel.confirm" />
                </button>{' '}
                <button type="button" className="btn" onClick={() => setConfirmingCancel(false)}>
                  <Msg id="orders.cancel.keep" />
                </button>
              </span>
            ) : (
              <button type="button" className="btn btn--ghost" onClick={() => setConfirmingCancel(true)}>
                <Msg id="orders.cancel" />
              </button>
            )
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
