/** Orders taken, changed and cancelled on this laptop. */
import { v7 as uuidv7 } from 'uuid';
import type { OrderApproval, OrderLine, OrderLineInput } from '../../../shared/domain/order/order.js';
import {
  isOrderLocked,
  lineTotalExclCents,
  newOrderSchema,
  orderTotals,
  orderUpdateSchema,
} from '../../../shared/domain/order/order.js';
import type { PricingProblem } from '../../../shared/domain/order/pricing.js';
import { buildCatalogue, DEFAULT_MAX_DISCOUNT_BP, priceOrder } from '../../../shared/domain/order/pricing.js';
import type { AppDB } from '../../db/AppDB.js';
import type { OrderRow } from '../../db/schema.js';
import type { ClientMutationsOf, MutatorContext } from '../../sync/mutation.js';
import { mutationTables, nowOf, writeMutation } from '../../sync/mutation.js';

export const orderMutations = {
  'order-create': {
    async applyLocal(db, entry, ctx) {
      const args = entry.args;
      const existing = await db.orders.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const priced = await localLines(db, args.lines, ctx);
      const order: OrderRow = {
        id: args.id,
        customerId: args.customerId,
        repId: ctx.userId,
        // Head office numbers the order at push ("draft number pending" until then).
        number: '',
        orderedAt: args.orderedAt,
        deliveryDate: args.deliveryDate,
        status: 'draft',
        approval: priced.approval,
        note: args.note,
        signature: args.signature,
        confirmedAt: null,
        lines: priced.lines,
        ...orderTotals(priced.lines),
        version: 0,
        updatedAt: entry.createdAt,
      };
      await db.orders.put(order);
    },
    creates: { orders: (args) => [args.id] },
  },
  'order-update': {
    async applyLocal(db, entry, ctx) {
      const args = entry.args;
      const order = await db.orders.get(args.id);
      // Gone from this rep's scope, or locked by head office: its copy stands (the refusal says why).
      if (!order || isOrderLocked(order)) return;
      const priced = await localLines(db, args.lines, ctx);
      await db.orders.put({
        ...order,
        deliveryDate: args.deliveryDate,
        note: args.note,
        approval: priced.approval,
        lines: priced.lines,
        ...orderTotals(priced.lines),
      });
    },
  },
  'order-cancel': {
    async applyLocal(db, entry) {
      const order = await db.orders.get(entry.args.id);
      if (!order || isOrderLocked(order)) return;
      await db.orders.put({ ...order, status: 'cancelled' });
    },
  },
} satisfies ClientMutationsOf<'order-create' | 'order-update' | 'order-cancel'>;

/** Lines as the laptop shows them before head office prices them (its preview prices). */
async function localLines(
  db: AppDB,
  lines: readonly OrderLineInput[],
  ctx: MutatorContext,
): Promise<{ lines: OrderLine[]; approval: OrderApproval }> {
  const productsById = await db.products.bulkGet(lines.map((l) => l.productId));
  const limit = ctx.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP;
  const priced = lines.map((l, i): OrderLine => {
    const product = productsById[i];
    const unitPriceCents = l.previewUnitPriceCents ?? 0;
    return {
      id: l.id,
      productId: l.productId,
      productReference: product?.reference ?? '',
      productName: product?.name ?? '',
      quantity: l.quantity,
      unitPriceCents,
      discountBp: l.discountBp,
      vatRate: product?.vatRate ?? 2000,
      totalExclCents: lineTotalExclCents({ quantity: l.quantity, unitPriceCents, discountBp: l.discountBp }),
    };
  });
  return { lines: priced, approval: lines.some((l) => l.discountBp > limit) ? 'pending' : 'not-needed' };
}

/** An order the shared pricing refused: nothing was written; one problem per faulty line. */
export class OrderCheckError extends Error {
  readonly problems: readonly PricingProblem[];
  constructor(problems: readonly PricingProblem[]) {
    super(`Order not saved: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'OrderCheckError';
    this.problems = problems;
  }
}

/** A line as the rep typed it (quantity and discount may be anything: the pricing checks them). */
export interface OrderLineDraft {
  id?: string;
  productId: string;
  quantity: number;
  discountBp: number;
}

/** Prices a draft from the local catalogue (inside the caller's transaction when there is one). */
export async function priceDraft(
  db: AppDB,
  input: { customerId: string; day: string; repMaxDiscountBp: number; lines: readonly OrderLineDraft[] },
): Promise<ReturnType<typeof priceOrder>> {
  const customer = await db.customers.get(input.customerId);
  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const [products, priceLists, prices] = await Promise.all([
    db.products.bulkGet(productIds),
    db.priceLists.toArray(),
    db.prices.where('productId').anyOf(productIds).toArray(),
  ]);
  const catalogue = buildCatalogue({
    products: products.filter((p) => p !== undefined),
    priceLists,
    prices,
  });
  return priceOrder(catalogue, {
    priceGroup: customer?.priceGroup ?? '',
    day: input.day,
    repMaxDiscountBp: input.repMaxDiscountBp,
    lines: input.lines.map((l, i) => ({ ...l, id: l.id ?? `line-${i + 1}` })),
  });
}

function orderTablesFor(db: AppDB) {
  return [...mutationTables(db), db.orders, db.products, db.priceLists, db.prices] as const;
}

async function checkedLines(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; day: string; lines: readonly OrderLineDraft[] },
): Promise<OrderLineInput[]> {
  const withIds = input.lines.map((l) => ({ ...l, id: l.id ?? uuidv7() }));
  const priced = await priceDraft(db, {
    ...input,
    lines: withIds,
    repMaxDiscountBp: ctx.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP,
  });
  if (!priced.ok) throw new OrderCheckError(priced.problems);
  return priced.value.lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    quantity: l.quantity,
    discountBp: l.discountBp,
    previewUnitPriceCents: l.unitPriceCents,
  }));
}

/**
 * Takes an order on this laptop. Every line is priced with the shared pricing against the local
 * catalogue before anything is written (a withdrawn product, a bad quantity, an expired price
 * list, a discount above 50 % refuse the whole order); the check and the writes share one
 * transaction with the outbox entry, so nothing is half-saved.
 */
export async function createOrder(
  db: AppDB,
  ctx: MutatorContext,
  input: {
    id?: string;
    customerId: string;
    lines: readonly OrderLineDraft[];
    deliveryDate: string | null;
    note: string;
    signature: string | null;
  },
): Promise<OrderRow> {
  const orderedAt = nowOf(ctx);
  const id = input.id ?? uuidv7();
  return db.transaction('rw', orderTablesFor(db), async () => {
    const lines = await checkedLines(db, ctx, {
      customerId: input.customerId,
      day: orderedAt.slice(0, 10),
      lines: input.lines,
    });
    const args = newOrderSchema.parse({
      id,
      customerId: input.customerId,
      orderedAt,
      deliveryDate: input.deliveryDate,
      lines,
      note: input.note,
      signature: input.signature,
    });
    await writeMutation(db, ctx, orderMutations, 'order-create', args);
    const row = await db.orders.get(id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}

/** An order head office confirmed (or that was cancelled): the laptop refuses to change it. */
export class OrderLockedError extends Error {
  readonly status: OrderRow['status'];
  readonly confirmedAt: string | null;
  constructor(order: OrderRow) {
    super(`Order ${order.number} is ${order.status} at head office`);
    this.name = 'OrderLockedError';
    this.status = order.status;
    this.confirmedAt = order.confirmedAt ?? null;
  }
}

/** New lines / delivery date for an order head office has not confirmed (checked like a creation). */
export async function updateOrder(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; lines: readonly OrderLineDraft[]; deliveryDate: string | null; note: string },
): Promise<OrderRow> {
  return db.transaction('rw', orderTablesFor(db), async () => {
    const current = await db.orders.get(input.id);
    if (!current) throw new Error(`No order ${input.id} on this laptop`);
    if (isOrderLocked(current)) throw new OrderLockedError(current);
    const lines = await checkedLines(db, ctx, {
      customerId: current.customerId,
      day: current.orderedAt.slice(0, 10),
      lines: input.lines,
    });
    const args = orderUpdateSchema.parse({
      id: input.id,
      baseVersion: current.version,
      deliveryDate: input.deliveryDate,
      note: input.note,
      lines,
    });
    await writeMutation(db, ctx, orderMutations, 'order-update', args);
    const row = await db.orders.get(input.id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}

/**
 * Cancels an order head office has not confirmed yet (it stays listed, as cancelled, and syncs).
 * A locked one (confirmed or already cancelled) refuses with `OrderLockedError`.
 */
export async function cancelOrder(db: AppDB, ctx: MutatorContext, input: { id: string }): Promise<OrderRow> {
  return db.transaction('rw', orderTablesFor(db), async () => {
    const current = await db.orders.get(input.id);
    if (!current) throw new Error(`No order ${input.id} on this laptop`);
    if (isOrderLocked(current)) throw new OrderLockedError(current);
    await writeMutation(db, ctx, orderMutations, 'order-cancel', {
      id: input.id,
      baseVersion: current.version,
    });
    const row = await db.orders.get(input.id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}
