/**
 * Money: integer cents, discounts and VAT rates in basis points (500 = 5 %).
 *
 * THE rounding rule (decision 0009), for orders taken on the laptop, priced again by head
 * office, imported or seeded alike:
 * - line total excl. VAT = quantity × unit price × (1 − discount), rounded half-up to the
 *   cent, once per line;
 * - VAT is computed per rate on the sum of that rate's line totals, rounded half-up;
 * - total incl. VAT = total excl. + VAT, no further rounding.
 * Products of quantities, prices and basis points may pass 2^53: those divisions run on
 * bigints, so no float ever touches money. Half-up on non-negative amounts rounds half away
 * from zero.
 */

/** An amount in integer cents. */
export type Cents = number & { readonly __brand: 'Cents' };

/** Basis points: 10 000 = 100 %. */
export const BP_PER_UNIT = 10_000;

export function isCents(value: number): value is Cents {
  return Number.isSafeInteger(value);
}

/** Brands a whole number of cents; a fractional or unsafe number is a bug. */
export function cents(value: number): Cents {
  if (!isCents(value)) throw new RangeError(`Not a whole number of cents: ${value}`);
  return value;
}

export const ZERO_CENTS: Cents = cents(0);

export function sumCents(amounts: Iterable<number>): Cents {
  let total = 0;
  for (const a of amounts) total += a;
  return cents(total);
}

/** round-half-up(numerator / denominator) for a non-negative numerator and positive denominator. */
export function divideRoundHalfUp(numerator: number | bigint, denominator: number | bigint): Cents {
  if (
    typeof numerator === 'number' &&
    typeof denominator === 'number' &&
    Number.isSafeInteger(2 * numerator + denominator)
  ) {
    return cents(Math.floor((2 * numerator + denominator) / (2 * denominator)));
  }
  const d = BigInt(denominator);
  const rounded = (2n * BigInt(numerator) + d) / (2n * d);
  if (rounded > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount too large to hold in cents');
  return cents(Number(rounded));
}

/** round-half-up(a × b × c / denominator), exact whatever the size of the product. */
function multiplyRoundHalfUp(a: number, b: number, c: number, denominator: number): Cents {
  const product = a * b * c;
  if (Number.isSafeInteger(product)) return divideRoundHalfUp(product, denominator);
  return divideRoundHalfUp(BigInt(a) * BigInt(b) * BigInt(c), BigInt(denominator));
}

export interface LineAmounts {
  quantity: number;
  unitPriceCents: number;
  discountBp: number;
}

/** A line's total excluding tax: quantity × unit price × (1 − discount), rounded half-up. */
export function lineTotalExclCents(line: LineAmounts): Cents {
  return multiplyRoundHalfUp(line.quantity, line.unitPriceCents, BP_PER_UNIT - line.discountBp, BP_PER_UNIT);
}

/** VAT on an amount excluding tax, rounded half-up (applied to a rate's summed lines). */
export function vatCents(totalExclCents: number, vatRateBp: number): Cents {
  return multiplyRoundHalfUp(totalExclCents, vatRateBp, 1, BP_PER_UNIT);
}

export interface OrderTotals {
  totalExclCents: Cents;
  totalVatCents: Cents;
  totalInclCents: Cents;
}

/** Order totals: VAT per rate on the summed line totals (as on a French invoice). */
export function orderTotals(lines: readonly { totalExclCents: number; vatRate: number }[]): OrderTotals {
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + l.totalExclCents);
  let totalExcl = 0;
  let totalVat = 0;
  for (const [rate, excl] of byRate) {
    totalExcl += excl;
    totalVat += vatCents(excl, rate);
  }
  const totalExclCents = cents(totalExcl);
  const totalVatCents = cents(totalVat);
  return { totalExclCents, totalVatCents, totalInclCents: cents(totalExclCents + totalVatCents) };
}

/** The unit price an amount implies: round-half-up(amount / (quantity × (1 − discount))). */
export function unitPriceFromAmount(amountCents: number, quantity: number, discountBp: number): Cents {
  const denominator = quantity * (BP_PER_UNIT - discountBp);
  if (denominator === 0) return ZERO_CENTS;
  return multiplyRoundHalfUp(amountCents, BP_PER_UNIT, 1, denominator);
}
