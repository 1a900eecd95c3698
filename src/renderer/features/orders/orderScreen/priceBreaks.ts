/** The quantity breaks ("prix dégressifs") a customer buys a product at, as the pricing picks them. */
import type { PriceBreak } from '../../../../shared/domain/catalog/catalog.js';
import { priceKey, resolveUnitPrice, type Catalogue } from '../../../../shared/domain/order/pricing.js';

/** The breaks of the list the pricing uses for this customer and day; null when it cannot price it. */
export function priceBreaksOf(
  catalogue: Catalogue,
  input: { priceGroup: string; productId: string; day: string },
): readonly PriceBreak[] | null {
  const unit = resolveUnitPrice(catalogue, { ...input, quantity: 1 });
  if (!unit.ok) return null;
  return catalogue.prices.get(priceKey(unit.value.priceListId, input.productId))?.breaks ?? null;
}
