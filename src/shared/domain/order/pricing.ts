/**
 * Order pricing, shared by the laptop (preview, validation before writing) and head office
 * (the authoritative re-pricing at push).
 *
 * Amounts follow the one rounding rule of shared/lib/money.ts (decision 0009).
 */
import type { Price, PriceBreak, PriceList, Product } from '../catalog/catalog.js';
import type { OrderLine } from './order.js';
import type { Cents } from '../../lib/money.js';
import { lineTotalExclCents, orderTotals } from '../../lib/money.js';
import { MAX_LINE_QUANTITY } from './order.js';

/** The price group every product is priced in: used when the customer's own group has no list. */
export const BASE_PRICE_GROUP = 'CHR-STD';

/** No rep, whatever their limit, may give more than this (50 %): refused, not sent for approval. */
export const ABSOLUTE_MAX_DISCOUNT_BP = 5000;

/** A rep's default discount limit when head office set none (10 %). */
export const DEFAULT_MAX_DISCOUNT_BP = 1000;

/** Why a line cannot be priced; each code has a message in the order screen's catalogue. */
export type PricingProblemCode =
  | 'unknown-product'
  | 'product-withdrawn'
  | 'no-price'
  | 'price-list-expired'
  | 'quantity-invalid'
  | 'discount-invalid'
  | 'discount-too-high';

export interface PricingProblem {
  code: PricingProblemCode;
  /** English fallback (logs, head office's refusal). */
  message: string;
  productId?: string;
  lineId?: string;
}

export interface Catalogue {
  products: ReadonlyMap<string, Product>;
  priceLists: readonly PriceList[];
  /** Prices by `${priceListId}:${productId}`. */
  prices: ReadonlyMap<string, Price>;
}

export function priceKey(priceListId: string, productId: string): string {
  return `${priceListId}:${productId}`;
}

export function buildCatalogue(input: {
  products: readonly Product[];
  priceLists: readonly PriceList[];
  prices: readonly Price[];
}): Catalogue {
  return {
    products: new Map(input.products.map((p) => [p.id, p])),
    priceLists: input.priceLists,
    prices: new Map(input.prices.map((p) => [priceKey(p.priceListId, p.productId), p])),
  };
}

function validOn(list: Pick<PriceList, 'validFrom' | 'validTo'>, day: string): boolean {
  return list.validFrom <= day && (list.validTo === null || day <= list.validTo);
}

/**
 * The lists that apply to a customer's group on `day`, best first (latest start first).
 * `expired` is true when the group has lists but none is valid that day.
 */
export function listsFor(
  priceLists: readonly PriceList[],
  group: string,
  day: string,
): { lists: PriceList[]; expired: boolean } {
  const ofGroup = priceLists.filter((l) => l.customerGroup === group);
  const lists = ofGroup
    .filter((l) => validOn(l, day))
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return { lists, expired: ofGroup.length > 0 && lists.length === 0 };
}

/** The unit price for a quantity: the break with the largest minQuantity ≤ quantity. */
export function unitPriceForQuantity(breaks: readonly PriceBreak[], quantity: number): number | null {
  let best: PriceBreak | null = null;
  for (const b of breaks) {
    if (b.minQuantity <= quantity && (best === null || b.minQuantity > best.minQuantity)) best = b;
  }
  return best?.unitPriceCents ?? null;
}

export type Priced<T> = { ok: true; value: T } | { ok: false; problem: PricingProblem };

export interface UnitPrice {
  unitPriceCents: number;
  priceListId: string;
}

/**
 * The unit price of a product for a customer's price group, a quantity and a day: the
 * customer's list valid that day, else (when the group has no list at all, or the list does not
 * price the product) the base list. A group whose lists all ended is "expired": the rep must
 * sync before ordering, never a silent fallback to another tariff.
 */
export function resolveUnitPrice(
  catalogue: Catalogue,
  input: { priceGroup: string; productId: string; quantity: number; day: string },
): Priced<UnitPrice> {
  const { productId, quantity, day } = input;
  const product = catalogue.products.get(productId);
  if (product === undefined)
    return problem('unknown-product', 'This product is not in the catalogue.', productId);
  if (!product.active)
    return problem(
      'product-withdrawn',
      `${product.reference} ${product.name} has been withdrawn.`,
      productId,
    );
  if (!Number.isInteger(quantity) || quantity <= 0 || quantity > MAX_LINE_QUANTITY)
    return problem(
      'quantity-invalid',
      `The quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY.toLocaleString('en-US')}.`,
      productId,
    );
  const groups =
    input.priceGroup !== '' && input.priceGroup !== BASE_PRICE_GROUP
      ? [input.priceGroup, BASE_PRICE_GROUP]
      : [BASE_PRICE_GROUP];
  let sawExpired = false;
  for (const group of groups) {
    const { lists, expired } = listsFor(catalogue.priceLists, group, day);
    if (expired && group === groups[0]) {
      return problem(
        'price-list-expired',
        `The price list of this customer ended before ${day}; sync to get the current one.`,
        productId,
      );
    }
    sawExpired ||= expired;
    for (const list of lists) {
      const price = catalogue.prices.get(priceKey(list.id, productId));
      if (price === undefined) continue;
      const unit = unitPriceForQuantity(price.breaks, quantity);
      if (unit !== null) return { ok: true, value: { unitPriceCents: unit, priceListId: list.id } };
    }
  }
  if (sawExpired)
    return problem('price-list-expired', `The base price list ended before ${day}; sync first.`, productId);
  return problem('no-price', `${product.reference} has no price for this customer.`, productId);
}

/** A discount decision: refused above the absolute maximum, sent for approval above the rep's limit. */
export function checkDiscount(
  discountBp: number,
  repMaxDiscountBp: number,
): Priced<{ needsApproval: boolean }> {
  if (!Number.isInteger(discountBp) || discountBp < 0)
    return problem('discount-invalid', 'The discount must be a percentage between 0 and 50.');
  if (discountBp > ABSOLUTE_MAX_DISCOUNT_BP)
    return problem('discount-too-high', `No discount may exceed ${ABSOLUTE_MAX_DISCOUNT_BP / 100} %.`);
  return { ok: true, value: { needsApproval: discountBp > repMaxDiscountBp } };
}

export interface LineInput {
  id: string;
  productId: string;
  quantity: number;
  discountBp: number;
}

export interface PricedOrder {
  lines: OrderLine[];
  totalExclCents: Cents;
  totalVatCents: Cents;
  totalInclCents: Cents;
  needsApproval: boolean;
}

/**
 * Prices every line of an order; all problems at once (one per faulty line), so the screen can
 * show each next to its line and nothing is saved while one remains.
 */
export function priceOrder(
  catalogue: Catalogue,
  input: { priceGroup: string; day: string; repMaxDiscountBp: number; lines: readonly LineInput[] },
): { ok: true; value: PricedOrder } | { ok: false; problems: PricingProblem[] } {
  const problems: PricingProblem[] = [];
  const lines: OrderLine[] = [];
  let needsApproval = false;
  if (input.lines.length === 0)
    return {
      ok: false,
      problems: [{ code: 'quantity-invalid', message: 'An order needs at least one line.' }],
    };
  for (const line of input.lines) {
    const discount = checkDiscount(line.discountBp, input.repMaxDiscountBp);
    if (!discount.ok) {
      problems.push({ ...discount.problem, lineId: line.id, productId: line.productId });
      continue;
    }
    const unit = resolveUnitPrice(catalogue, {
      priceGroup: input.priceGroup,
      productId: line.productId,
      quantity: line.quantity,
      day: input.day,
    });
    if (!unit.ok) {
      problems.push({ ...unit.problem, lineId: line.id });
      continue;
    }
    needsApproval ||= discount.value.needsApproval;
    const product = catalogue.products.get(line.productId) as Product;
    const priced = {
      quantity: line.quantity,
      unitPriceCents: unit.value.unitPriceCents,
      discountBp: line.discountBp,
    };
    lines.push({
      id: line.id,
      productId: product.id,
      productReference: product.reference,
      productName: product.name,
      ...priced,
      vatRate: product.vatRate,
      totalExclCents: lineTotalExclCents(priced),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { lines, ...orderTotals(lines), needsApproval } };
}

function problem(
  code: PricingProblemCode,
  message: string,
  productId?: string,
): { ok: false; problem: PricingProblem } {
  return { ok: false, problem: productId === undefined ? { code, message } : { code, message, productId } };
}
