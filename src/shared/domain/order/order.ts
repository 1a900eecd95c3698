import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { vatRateSchema } from '../catalog/catalog.js';

/** received → confirmed → shipped → delivered, or cancelled; set by head office. */
export const orderStatuses = ['draft', 'received', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Statuses after which the laptop may no longer change an order (head office confirmed it). */
export const lockedOrderStatuses: readonly OrderStatus[] = ['confirmed', 'shipped', 'delivered', 'cancelled'];

/** Head office's allowed status moves (cancelled from any status before shipping). */
export const orderStatusTransitions: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  draft: ['received', 'cancelled'],
  received: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

/** A discount above the rep's limit waits for their manager. */
export const orderApprovals = ['not-needed', 'pending', 'approved', 'rejected'] as const;
export const orderApprovalSchema = z.enum(orderApprovals);
export type OrderApproval = z.infer<typeof orderApprovalSchema>;

/** A customer's signature: a PNG data URL of at most 200 KB. */
export const MAX_SIGNATURE_CHARS = 200_000;
export const signatureSchema = z
  .string()
  .max(MAX_SIGNATURE_CHARS, 'the signature image is too large')
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'the signature must be a PNG image');

/** The largest quantity a rep may enter on one line (head office stores 32-bit integers). */
export const MAX_LINE_QUANTITY = 1_000_000;

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
  /**
   * Manager approval of a discount above the rep's limit. The fields below are absent on
   * imported history and on rows stored before order taking (read absent as not needed / none).
   */
  approval: orderApprovalSchema.optional(),
  note: z.string().max(2000).optional(),
  signature: signatureSchema.nullable().optional(),
  /** When head office confirmed it (the laptop shows it when refusing an edit). */
  confirmedAt: isoDateTimeSchema.nullable().optional(),
  lines: z.array(orderLineSchema),
  totalExclCents: z.number().int().nonnegative(),
  totalVatCents: z.number().int().nonnegative(),
  totalInclCents: z.number().int().nonnegative(),
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Order = z.infer<typeof orderSchema>;

/** The rounding rule lives in shared/lib/money.ts (decision 0009); order code calls it from here. */
export { lineTotalExclCents, orderTotals } from '../../lib/money.js';

/** A line as the rep enters it: head office prices it again from its own prices. */
export const orderLineInputSchema = z.object({
  id: uuidSchema,
  productId: uuidSchema,
  quantity: z.number().int().positive().max(MAX_LINE_QUANTITY),
  discountBp: z.number().int().min(0).max(10_000),
  /** The unit price the laptop showed (head office records when its own differs). */
  previewUnitPriceCents: z.number().int().nonnegative().optional(),
});
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

/** An order taken on the laptop (ids made there); prices are a preview until head office's. */
export const newOrderSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  orderedAt: isoDateTimeSchema,
  deliveryDate: isoDateSchema.nullable(),
  lines: z.array(orderLineInputSchema).min(1).max(500),
  note: z.string().max(2000),
  signature: signatureSchema.nullable(),
});
export type NewOrder = z.infer<typeof newOrderSchema>;

/** New lines and delivery date of an order head office has not confirmed yet. */
export const orderUpdateSchema = z.object({
  id: uuidSchema,
  baseVersion: z.number().int().nonnegative(),
  deliveryDate: isoDateSchema.nullable(),
  lines: z.array(orderLineInputSchema).min(1).max(500),
  note: z.string().max(2000),
});
export type OrderUpdate = z.infer<typeof orderUpdateSchema>;

export function isOrderLocked(order: Pick<Order, 'status'>): boolean {
  return lockedOrderStatuses.includes(order.status);
}
