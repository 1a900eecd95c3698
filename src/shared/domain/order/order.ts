import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { vatRateSchema } from '../catalog/catalog.js';

/** received → confirmed → shipped → delivered, or cancelled; set by head office. */
export const orderStatuses = ['draft', 'received', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const orderLineSchema = z.object({
  id: uuidSchema,
  productId: uuidSchema,
  /** Copied at order time: the order stays readable if the product changes. */
  productReference: z.string(),
  productName: z.string(),
  quantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
  /** Discount in basis points (500 = 5 %). */
  discountBp: z.number().int().min(0).max(10_000),
  vatRate: vatRateSchema,
  /** Line total excluding tax, after discount, rounded half-up to the cent. */
  totalExclCents: z.number().int().nonnegative(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

/**
 * An order with its lines embedded: on the wire and on the laptop an order is one record
 * (lines never move between orders), so a 100,000-line history syncs as ~20,000 records.
 * Head office stores lines in their own table.
 */
export const orderSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  repId: uuidSchema.nullable(),
  /** Human number, e.g. CMD-2026-004512, or the import's reference. */
  number: z.string(),
  orderedAt: isoDateTimeSchema,
  deliveryDate: isoDateSchema.nullable(),
  status: orderStatusSchema,
  lines: z.array(orderLineSchema),
  totalExclCents: z.number().int().nonnegative(),
  totalVatCents: z.number().int().nonnegative(),
  totalInclCents: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Order = z.infer<typeof orderSchema>;

/** Half-up rounding of a non-negative rational to an integer (cents). */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** A line's total excluding tax: quantity × unit price, minus the discount, rounded half-up. */
export function lineTotalExclCents(
  line: Pick<OrderLine, 'quantity' | 'unitPriceCents' | 'discountBp'>,
): number {
  return roundHalfUp(line.quantity * line.unitPriceCents * (10_000 - line.discountBp), 10_000);
}

/** Order totals: VAT computed per rate on the summed line totals (as on a French invoice). */
export function orderTotals(lines: readonly Pick<OrderLine, 'totalExclCents' | 'vatRate'>[]): {
  totalExclCents: number;
  totalVatCents: number;
  totalInclCents: number;
} {
  const byRate = new Map<number, number>();
  for (const l of lines) byRate.set(l.vatRate, (byRate.get(l.vatRate) ?? 0) + l.totalExclCents);
  let totalExclCents = 0;
  let totalVatCents = 0;
  for (const [rate, excl] of byRate) {
    totalExclCents += excl;
    totalVatCents += roundHalfUp(excl * rate, 10_000);
  }
  return { totalExclCents, totalVatCents, totalInclCents: totalExclCents + totalVatCents };
}
