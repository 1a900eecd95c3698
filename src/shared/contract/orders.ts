/**
 * Head-office order methods. Reps take orders through sync mutations (order-create,
 * order-update, order-cancel); head office moves their status and approves discounts above a
 * rep's limit. Both bump the order's version, so the laptop pulls the change.
 */
import { z } from 'zod';
import { orderApprovalSchema, orderSchema, orderStatusSchema } from '../domain/order/order.js';
import { uuidSchema } from '../lib/ids.js';

/**
 * An order as `order-list` returns it: the order, plus (optional, for older callers) its
 * customer's and rep's names and the rep's discount limit, for head office's review screen.
 */
export const orderListItemSchema = orderSchema.extend({
  customerName: z.string().optional(),
  repName: z.string().nullable().optional(),
  /** The rep's discount limit in basis points: lines above it needed the approval. */
  repMaxDiscountBp: z.number().int().min(0).max(10_000).nullable().optional(),
});
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const ordersContract = {
  /** Orders a user may read (a rep their own, a manager their team's, an admin all), newest first. */
  'order-list': {
    input: z.object({
      customerId: uuidSchema.optional(),
      repId: uuidSchema.optional(),
      approval: orderApprovalSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ orders: z.array(orderListItemSchema) }),
  },
  /** received → confirmed → shipped → delivered, or cancelled (admin, or the rep's manager). */
  'order-set-status': {
    input: z.object({ id: uuidSchema, status: orderStatusSchema.exclude(['draft', 'received']) }),
    output: z.object({ order: orderSchema }),
  },
  /** The rep's manager approves or rejects a discount above the rep's limit. */
  'order-approve': {
    input: z.object({ id: uuidSchema, decision: z.enum(['approved', 'rejected']) }),
    output: z.object({ order: orderSchema }),
  },
} as const;
