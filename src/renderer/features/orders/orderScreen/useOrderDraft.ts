/**
 * The order screen's state: the draft (lines, delivery date, note, signature) loaded once from
 * the order, its live preview from the shared pricing, and the writes (save, cancel) with what
 * they tell the rep.
 */
import { useMemo, useState } from 'react';
import { v7 as uuidv7 } from 'uuid';
import { isOrderLocked } from '../../../../shared/domain/order/order.js';
import type { PricingProblemCode } from '../../../../shared/domain/order/pricing.js';
import { buildCatalogue, DEFAULT_MAX_DISCOUNT_BP } from '../../../../shared/domain/order/pricing.js';
import { previewOrder, type OrderPreview } from '../../../../shared/domain/order/preview.js';
import type { OrderLine } from '../../../../shared/domain/order/order.js';
import { useApp } from '../../../app/context.js';
import { hrefFor, navigate } from '../../../app/router.js';
import type { CustomerRow, OrderRow, ProductRow } from '../../../db/schema.js';
import { StorageFullError } from '../../../sync/storage.js';
import { cancelOrder, createOrder, OrderCheckError, OrderLockedError, updateOrder } from '../mutators.js';
import { recordVisitOrder } from '../../visit/index.js';
import { draftsOf, linesOf, type DraftLine } from './draft.js';
import { priceBreaksOf } from './priceBreaks.js';
import { renewalOf, type Renewal } from './renew.js';
import type { CatalogueRows } from './queries.js';

export interface PreviewRow {
  draft: DraftLine;
  product: ProductRow | undefined;
  line: OrderLine | null;
  problem: PricingProblemCode | null;
}

export type OrderFeedback =
  | { kind: 'saved' }
  | { kind: 'cancelled' }
  | { kind: 'problems' }
  | { kind: 'quota' }
  | { kind: 'error'; message: string };

const noTotals: Omit<OrderPreview, 'lines'> = {
  totalExclCents: 0,
  totalVatCents: 0,
  totalInclCents: 0,
  needsApproval: false,
};

export function useOrderDraft({
  order,
  customer,
  catalogueRows,
  visitId,
  onCreated,
}: {
  order: OrderRow | null | undefined;
  customer: CustomerRow | null | undefined;
  catalogueRows: CatalogueRows | undefined;
  visitId: string | null;
  /** A new order, once saved, stays on this screen under its id. */
  onCreated: (id: string) => void;
}) {
  const { db, user, engine } = useApp();
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [deliveryDate, setDeliveryDate] = useState('');
  const [note, setNote] = useState('');
  const [signature, setSignature] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [feedback, setFeedback] = useState<OrderFeedback | null>(null);
  const [renewal, setRenewal] = useState<Renewal | null>(null);

  // The order's own values when it is first read (later pulls do not overwrite typing)…
  // A locked order always shows head office's copy (a refused edit is kept in the sync panel).
  // Adjusted while rendering, as React does for state derived from a prop.
  if (order && (loadedFrom !== order.id || (isOrderLocked(order) && loadedVersion !== order.version))) {
    setLoadedFrom(order.id);
    setLoadedVersion(order.version);
    setLines(draftsOf(order));
    setDeliveryDate(order.deliveryDate ?? '');
    setNote(order.note ?? '');
    setSignature(order.signature ?? null);
  }

  const limit = user.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP;
  const day = (order?.orderedAt ?? new Date().toISOString()).slice(0, 10);
  const locked = order ? isOrderLocked(order) : false;
  const catalogue = useMemo(() => (catalogueRows ? buildCatalogue(catalogueRows) : null), [catalogueRows]);

  const preview = useMemo(() => {
    const priced =
      catalogue && customer
        ? previewOrder(catalogue, {
            priceGroup: customer.priceGroup,
            day,
            repMaxDiscountBp: limit,
            lines: linesOf(lines),
          })
        : null;
    const rows: PreviewRow[] = lines.map((draft, i) => ({
      draft,
      product: catalogue?.products.get(draft.productId),
      line: priced?.lines[i]?.line ?? null,
      problem: priced?.lines[i]?.problem ?? null,
    }));
    return { rows, totals: priced ?? noTotals, needsApproval: priced?.needsApproval ?? false };
  }, [lines, catalogue, customer, day, limit]);

  const editLine = (id: string, change: Partial<Pick<DraftLine, 'quantityText' | 'discountText'>>) =>
    setLines((all) => all.map((l) => (l.id === id ? { ...l, ...change } : l)));
  const removeLine = (id: string) => setLines((all) => all.filter((l) => l.id !== id));
  const addProduct = (product: ProductRow) =>
    setLines((all) => [...all, { id: uuidv7(), productId: product.id, quantityText: '1', discountText: '' }]);
  const breaksOf = (productId: string) =>
    catalogue && customer
      ? priceBreaksOf(catalogue, { priceGroup: customer.priceGroup, productId, day })
      : null;
  /** Copies the lines of `last` at today's prices (a new order only), and keeps what changed to say. */
  const renew = (last: OrderRow) => {
    if (!catalogue || !customer || order) return;
    const made = renewalOf(last, catalogue, { priceGroup: customer.priceGroup, day });
    setLines((all) => [...all, ...made.lines]);
    setRenewal(made);
  };

  // The writes: the mutator calls and their quota / notification handling, together.

  const save = async () => {
    if (!customer) return;
    setSaving(true);
    setFeedback(null);
    const drafts = linesOf(lines);
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
        onCreated(created.id);
        window.history.replaceState(null, '', hrefFor({ name: 'order', id: created.id }));
      }
      setRenewal(null);
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

  return {
    lines,
    preview,
    locked,
    limit,
    deliveryDate,
    setDeliveryDate,
    note,
    setNote,
    signature,
    setSignature,
    saving,
    feedback,
    confirmingCancel,
    setConfirmingCancel,
    editLine,
    removeLine,
    addProduct,
    breaksOf,
    renewal,
    renew,
    save,
    cancel,
  };
}

export type OrderDraft = ReturnType<typeof useOrderDraft>;
