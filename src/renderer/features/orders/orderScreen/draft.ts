/** The order as the rep types it: lines as text, read into numbers for the pricing. */
import type { OrderRow } from '../../../db/schema.js';
import type { OrderLineDraft } from '../mutators.js';

export interface DraftLine {
  id: string;
  productId: string;
  quantityText: string;
  discountText: string;
}

/** "12,5" → 1250 bp; empty → 0; anything else unparsable → NaN (the pricing refuses it). */
export function discountBpOf(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? 0 : Math.round(Number(trimmed) * 100);
}

export function quantityOf(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export function draftsOf(order: OrderRow): DraftLine[] {
  return order.lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    quantityText: String(l.quantity),
    discountText: l.discountBp === 0 ? '' : String(l.discountBp / 100),
  }));
}

export function linesOf(drafts: readonly DraftLine[]): (OrderLineDraft & { id: string })[] {
  return drafts.map((l) => ({
    id: l.id,
    productId: l.productId,
    quantity: quantityOf(l.quantityText),
    discountBp: discountBpOf(l.discountText),
  }));
}
