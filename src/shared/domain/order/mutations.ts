import { z } from 'zod';
import { uuidSchema } from '../../lib/ids.js';
import { mutation } from '../../sync/mutation.js';
import type { OrderLineInput } from './order.js';
import { newOrderSchema, orderUpdateSchema } from './order.js';

/** The rep's lines, kept with a refusal (no signature: it is an image). */
function linesDetail(args: { lines: readonly OrderLineInput[]; deliveryDate: string | null; note: string }) {
  const { lines, deliveryDate, note } = args;
  return JSON.stringify({ deliveryDate, note, lines });
}

export const orderMutations = {
  /** An order taken on the laptop; head office numbers it and prices it from its own prices. */
  'order-create': mutation({
    args: newOrderSchema,
    label: 'orders.sync.order-create',
    refusedDetail: linesDetail,
  }),
  /** New lines / delivery date; refused once head office confirmed the order. */
  'order-update': mutation({
    args: orderUpdateSchema,
    label: 'orders.sync.order-update',
    refusedDetail: linesDetail,
  }),
  /** The rep cancels an order head office has not confirmed yet. */
  'order-cancel': mutation({
    args: z.object({ id: uuidSchema, baseVersion: z.number().int().nonnegative() }),
    label: 'orders.sync.order-cancel',
    refusedDetail: () => JSON.stringify({ status: 'cancelled' }),
  }),
};
