/**
 * THE rounding rule for imported orders (one place, exported):
 *
 *   line total excl. VAT = round-half-up(quantity × unit price × (10 000 − discount bp) / 10 000)
 *   line VAT             = round-half-up(line total excl. VAT × VAT bp / 10 000)
 *   order totals         = sums of the line figures; incl. VAT = excl. + VAT
 *
 * All in integer cents with integer arithmetic (BigInt when the product would exceed 2^53),
 * so no float ever touches money. Half-up on non-negative values = round half away from zero.
 */
import type { VatRate } from '../../../shared/domain/catalog/catalog.js';

/** round-half-up(numerator / denominator) for non-negative integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (Number.isSafeInteger(numerator) && Number.isSafeInteger(numerator + denominator)) {
    return Math.floor((2 * numerator + denominator) / (2 * denominator));
  }
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

function multiplyRoundHalfUp(a: number, b: number, c: number, denominator: number): number {
  const product = a * b * c;
  if (Number.isSafeInteger(product)) return divideRoundHalfUp(product, denominator);
  const p = BigInt(a) * BigInt(b) * BigInt(c);
  const d = BigInt(denominator);
  return Number((2n * p + d) / (2n * d));
}

export function lineTotalExclCents(quantity: number, unitPriceCents: number, discountBp: number): number {
  return multiplyRoundHalfUp(quantity, unitPriceCents, 10_000 - discountBp, 10_000);
}

export function lineVatCents(totalExclCents: number, vatRate: VatRate): number {
  return multiplyRoundHalfUp(totalExclCents, vatRate, 1, 10_000);
}

export interface Totals {
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
}

export function orderTotals(lines: readonly { totalExclCents: number; vatRate: VatRate }[]): Totals {
  let totalExclCents = 0;
  let totalVatCents = 0;
  for (const l of lines) {
    totalExclCents += l.totalExclCents;
    totalVatCents += lineVatCents(l.totalExclCents, l.vatRate);
  }
  return { totalExclCents, totalVatCents, totalInclCents: totalExclCents + totalVatCents };
}

/** The unit price that an amount implies: round-half-up(amount / (quantity × (1 − discount))). */
export function unitPriceFromAmount(amountCents: number, quantity: number, discountBp: number): number {
  const denominator = quantity * (10_000 - discountBp);
  if (denominator === 0) return 0;
  return divideRoundHalfUp(amountCents * 10_000, denominator);
}
