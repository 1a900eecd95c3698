/**
 * « Renouveler la dernière commande »: the lines of the customer's last order that was not
 * cancelled, at today's prices, and what the rep must be told: the prices that changed and the
 * products no longer sold (left out).
 */
import { v7 as uuidv7 } from 'uuid';
import { resolveUnitPrice, type Catalogue } from '../../../../shared/domain/order/pricing.js';
import type { OrderRow } from '../../../db/schema.js';
import type { DraftLine } from './draft.js';

export interface Renewal {
  from: Pick<OrderRow, 'id' | 'number' | 'orderedAt'>;
  lines: DraftLine[];
  /** Same quantity, another unit price today. */
  changed: { productId: string; name: string; beforeCents: number; afterCents: number }[];
  /** Withdrawn, gone from the catalogue or without a price for this customer: not copied. */
  gone: { productId: string; name: string }[];
}

export function renewalOf(
  last: OrderRow,
  catalogue: Catalogue,
  input: { priceGroup: string; day: string },
): Renewal {
  const renewal: Renewal = {
    from: { id: last.id, number: last.number, orderedAt: last.orderedAt },
    lines: [],
    changed: [],
    gone: [],
  };
  for (const line of last.lines) {
    const name = catalogue.products.get(line.productId)?.name ?? line.productName;
    const unit = resolveUnitPrice(catalogue, {
      priceGroup: input.priceGroup,
      productId: line.productId,
      quantity: line.quantity,
      day: input.day,
    });
    if (!unit.ok) {
      const code = unit.problem.code;
      if (code === 'unknown-product' || code === 'product-withdrawn' || code === 'no-price') {
        renewal.gone.push({ productId: line.productId, name });
        continue;
      }
    } else if (unit.value.unitPriceCents !== line.unitPriceCents) {
      renewal.changed.push({
        productId: line.productId,
        name,
        beforeCents: line.unitPriceCents,
        afterCents: unit.value.unitPriceCents,
      });
    }
    renewal.lines.push({
      id: uuidv7(),
      productId: line.productId,
      quantityText: String(line.quantity),
      discountText: line.discountBp === 0 ? '' : String(line.discountBp / 100),
    });
  }
  return renewal;
}
