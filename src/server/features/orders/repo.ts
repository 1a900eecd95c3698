/**
 * Order writes shared by sync mutations (orders taken on the laptop) and head-office methods
 * (status changes, discount approvals). Head office prices every order again from its own
 * prices (the laptop's are a preview); every change bumps the order's version so the laptop
 * pulls it.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  NewOrder,
  OrderApproval,
  OrderLine,
  OrderStatus,
  OrderUpdate,
} from '../../../shared/domain/order/order.js';
import { isOrderLocked, orderStatusTransitions } from '../../../shared/domain/order/order.js';
import type { PricedOrder, PricingProblem } from '../../../shared/domain/order/pricing.js';
import { buildCatalogue, priceOrder } from '../../../shared/domain/order/pricing.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { ServerMessage } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import {
  customers,
  orderLines,
  orderNumberCounters,
  orders,
  priceLists,
  prices,
  products,
  users,
} from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { queryRows } from '../../db/types.js';
import { toIso } from '../../lib/time.js';
import { COMPANY_TIME_ZONE, dayOfInstant } from '../../../shared/lib/calendar.js';
import { isCustomerInScope } from '../../lib/scope.js';

type Writer = Pick<User, 'id' | 'role' | 'teamId'>;
export type OrderRecord = typeof orders.$inferSelect;

/** A price the laptop showed that head office's differs from (recorded in the audit log). */
export interface PriceDifference {
  lineId: string;
  laptopUnitPriceCents: number | null;
  headOfficeUnitPriceCents: number;
}

function refusal(problem: PricingProblem, lines: readonly { id: string }[]): Result<never> {
  const index = lines.findIndex((l) => l.id === problem.lineId);
  return fail(
    'bad-request',
    { ...msg(`pricing.${problem.code}`), message: problem.message },
    {
      field: 'lines',
      ...(index >= 0 ? { line: index + 1 } : {}),
    },
  );
}

/** Prices lines from head office's current catalogue, for the customer's price group on `day`. */
async function priceAtHeadOffice(
  tx: DbOrTx,
  input: { customerId: string; repId: string; day: string; lines: NewOrder['lines'] },
): Promise<Result<PricedOrder>> {
  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const [customer] = await tx
    .select({ priceGroup: customers.priceGroup })
    .from(customers)
    .where(eq(customers.id, input.customerId));
  const [rep] = await tx
    .select({ maxDiscountBp: users.maxDiscountBp })
    .from(users)
    .where(eq(users.id, input.repId));
  const productRows = await tx
    .select()
    .from(products)
    .where(and(inArray(products.id, productIds), isNull(products.deletedAt)));
  const listRows = await tx.select().from(priceLists).where(isNull(priceLists.deletedAt));
  const priceRows = await tx
    .select()
    .from(prices)
    .where(and(inArray(prices.productId, productIds), isNull(prices.deletedAt)));
  const catalogue = buildCatalogue({
    products: productRows.map((p) => ({ ...p, updatedAt: toIso(p.updatedAt) })),
    priceLists: listRows.map((l) => ({ ...l, updatedAt: toIso(l.updatedAt) })),
    prices: priceRows,
  });
  const priced = priceOrder(catalogue, {
    priceGroup: customer?.priceGroup ?? '',
    day: input.day,
    repMaxDiscountBp: rep?.maxDiscountBp ?? 0,
    lines: input.lines,
  });
  if (!priced.ok) return refusal(priced.problems[0] as PricingProblem, input.lines);
  return ok(priced.value);
}

export { COMPANY_TIME_ZONE };
/** How far ahead of head office's clock a laptop's `orderedAt` may be (clock drift). */
export const MAX_ORDERED_AT_AHEAD_MS = 5 * 60_000;

/** The calendar day (YYYY-MM-DD) of an instant in the company's time zone. */
export function companyDay(instant: Date): string {
  return dayOfInstant(instant, COMPANY_TIME_ZONE);
}

/**
 * The day head office prices an order on: the company day of the order's instant, never later
 * than head office's own "now" (a laptop's clock is not trusted to pick a future tariff).
 */
function pricingDay(orderedAt: Date, now: Date): string {
  return companyDay(orderedAt.getTime() > now.getTime() ? now : orderedAt);
}

/**
 * The next CMD-YYYY-NNNNNN: one update of the year's counter row, whose lock orders takers until
 * commit (numbers never collide). A year's first number starts after the highest of that exact
 * shape already there (imported), found once under a transaction-scoped lock; imported references
 * of other shapes (`CMD-2026-A17`, `CMD-2026-004512-B`) are neither compared as text nor parsed.
 * A number an import has taken since is skipped.
 */
async function nextOrderNumber(tx: Tx, now: Date): Promise<string> {
  const year = now.getUTCFullYear();
  const prefix = `CMD-${year}-`;
  for (;;) {
    let [counter] = await tx
      .update(orderNumberCounters)
      .set({ last: sql`${orderNumberCounters.last} + 1` })
      .where(eq(orderNumberCounters.year, year))
      .returning({ last: orderNumberCounters.last });
    if (counter === undefined) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tournee:order-number'))`);
      const pattern = `^CMD-${year}-[0-9]{6,}$`;
      const [row] = await queryRows<{ last: string | number | null }>(
        tx,
        sql`select max(substring(${orders.number} from ${prefix.length + 1}::int)::numeric) as last
            from ${orders} where ${orders.number} ~ ${pattern}`,
      );
      const highest = row?.last === null || row?.last === undefined ? 0 : Number(row.last);
      // Another taker may have started the year while this one waited for the lock.
      [counter] = await tx
        .insert(orderNumberCounters)
        .values({ year, last: highest + 1 })
        .onConflictDoUpdate({
          target: orderNumberCounters.year,
          set: { last: sql`${orderNumberCounters.last} + 1` },
        })
        .returning({ last: orderNumberCounters.last });
    }
    const number = `${prefix}${String(counter!.last).padStart(6, '0')}`;
    const [taken] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.number, number));
    if (taken === undefined) return number;
  }
}

async function writeLines(tx: Tx, orderId: string, lines: readonly OrderLine[]): Promise<void> {
  await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
  if (lines.length === 0) return;
  await tx.insert(orderLines).values(lines.map((l, i) => ({ ...l, orderId, position: i + 1 })));
}

/** An order taken by a rep: priced at head office, numbered, 'received', approval if needed. */
export async function createOrder(
  tx: Tx,
  request: { order: NewOrder; writer: Writer; now: Date },
): Promise<Result<{ number: string; differences: PriceDifference[]; approval: string }>> {
  const { order, writer, now } = request;
  const orderedAt = new Date(order.orderedAt);
  const [existing] = await tx
    .select({
      number: orders.number,
      approval: orders.approval,
      repId: orders.repId,
      customerId: orders.customerId,
    })
    .from(orders)
    .where(eq(orders.id, order.id));
  if (existing !== undefined) {
    // Sent again (a lost acknowledgement): already stored. Another order's id is refused, and
    // nothing of that order (its number) is told.
    return existing.repId === writer.id && existing.customerId === order.customerId
      ? ok({ number: existing.number, differences: [], approval: existing.approval })
      : fail('conflict', msg('order.idTaken'), { field: 'id' });
  }
  if (!(await isCustomerInScope(tx, writer, order.customerId))) {
    return fail('forbidden', msg('order.customerNotInPortfolio'), {
      field: 'customerId',
    });
  }
  if (orderedAt.getTime() > now.getTime() + MAX_ORDERED_AT_AHEAD_MS) {
    return fail('bad-request', msg('order.datedLater', { orderedAt: order.orderedAt, now: toIso(now) }), {
      field: 'orderedAt',
    });
  }
  const priced = await priceAtHeadOffice(tx, {
    customerId: order.customerId,
    repId: writer.id,
    day: pricingDay(orderedAt, now),
    lines: order.lines,
  });
  if (!priced.ok) return priced;
  const number = await nextOrderNumber(tx, now);
  const approval = priced.value.needsApproval ? 'pending' : 'not-needed';
  await tx.insert(orders).values({
    id: order.id,
    customerId: order.customerId,
    repId: writer.id,
    number,
    orderedAt,
    deliveryDate: order.deliveryDate,
    status: 'received',
    approval,
    note: order.note,
    signature: order.signature,
    totalExclCents: priced.value.totalExclCents,
    totalVatCents: priced.value.totalVatCents,
    totalInclCents: priced.value.totalInclCents,
    createdAt: now,
    updatedAt: now,
  });
  await writeLines(tx, order.id, priced.value.lines);
  return ok({ number, differences: differences(priced.value.lines, order.lines), approval });
}

function differences(lines: readonly OrderLine[], sent: NewOrder['lines']): PriceDifference[] {
  const laptop = new Map(sent.map((l) => [l.id, l.previewUnitPriceCents]));
  return lines.flatMap((l) => {
    const seen = laptop.get(l.id);
    return seen === undefined || seen === l.unitPriceCents
      ? []
      : [{ lineId: l.id, laptopUnitPriceCents: seen ?? null, headOfficeUnitPriceCents: l.unitPriceCents }];
  });
}

function lockedMessage(row: OrderRecord): ServerMessage {
  if (row.status === 'cancelled') return msg('order.cancelled');
  return msg('order.confirmed', { on: toIso(row.confirmedAt ?? row.updatedAt).slice(0, 10) });
}

async function lockOrderForRep(tx: Tx, id: string, writer: Writer): Promise<Result<OrderRecord>> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  if (row === undefined || row.deletedAt !== null) return fail('not-found', msg('order.notAtHeadOffice'));
  if (!(await isCustomerInScope(tx, writer, row.customerId))) {
    return fail('forbidden', msg('order.customerLeft'));
  }
  if (isOrderLocked(row)) return fail('conflict', lockedMessage(row), { field: 'status' });
  return ok(row);
}

/** New lines / delivery date from the rep, refused once head office confirmed the order. */
export async function updateOrder(
  tx: Tx,
  request: { update: OrderUpdate; writer: Writer; now: Date },
): Promise<Result<{ approval: string }>> {
  const { update, writer, now } = request;
  const locked = await lockOrderForRep(tx, update.id, writer);
  if (!locked.ok) return locked;
  const row = locked.value;
  const priced = await priceAtHeadOffice(tx, {
    customerId: row.customerId,
    repId: row.repId ?? writer.id,
    day: pricingDay(row.orderedAt, now),
    lines: update.lines,
  });
  if (!priced.ok) return priced;
  const approval = await approvalAfterEdit(tx, row, priced.value);
  await tx
    .update(orders)
    .set({
      deliveryDate: update.deliveryDate,
      note: update.note,
      approval,
      totalExclCents: priced.value.totalExclCents,
      totalVatCents: priced.value.totalVatCents,
      totalInclCents: priced.value.totalInclCents,
      version: sql`${orders.version} + 1`,
      updatedAt: now,
    })
    .where(eq(orders.id, row.id));
  await writeLines(tx, row.id, priced.value.lines);
  return ok({ approval });
}

/**
 * The approval an edited order needs. No discount above the rep's limit: 'not-needed' (also a
 * rejected order brought back within the limit). Above it: an 'approved' decision stands as long
 * as no line's discount is new or higher than what the manager approved (the stored lines, by
 * line or by product); otherwise, and for a 'rejected' or 'pending' order, 'pending' again.
 */
async function approvalAfterEdit(tx: Tx, row: OrderRecord, priced: PricedOrder): Promise<OrderApproval> {
  if (!priced.needsApproval) return 'not-needed';
  if (row.approval !== 'approved') return 'pending';
  const [rep] =
    row.repId === null
      ? []
      : await tx.select({ maxDiscountBp: users.maxDiscountBp }).from(users).where(eq(users.id, row.repId));
  const limit = rep?.maxDiscountBp ?? 0;
  const approvedLines = await tx
    .select({ id: orderLines.id, productId: orderLines.productId, discountBp: orderLines.discountBp })
    .from(orderLines)
    .where(eq(orderLines.orderId, row.id));
  const byLine = new Map(approvedLines.map((l) => [l.id, l.discountBp]));
  const byProduct = new Map<string, number>();
  for (const l of approvedLines)
    byProduct.set(l.productId, Math.max(byProduct.get(l.productId) ?? 0, l.discountBp));
  const covered = priced.lines.every(
    (l) =>
      l.discountBp <= limit ||
      l.discountBp <= (byLine.get(l.id) ?? -1) ||
      l.discountBp <= (byProduct.get(l.productId) ?? -1),
  );
  return covered ? 'approved' : 'pending';
}

/** The rep cancels an order head office has not confirmed. */
export async function cancelOrderByRep(
  tx: Tx,
  request: { id: string; writer: Writer; now: Date },
): Promise<Result<void>> {
  const locked = await lockOrderForRep(tx, request.id, request.writer);
  if (!locked.ok) return locked;
  await tx
    .update(orders)
    .set({ status: 'cancelled', version: sql`${orders.version} + 1`, updatedAt: request.now })
    .where(eq(orders.id, request.id));
  return ok(undefined);
}

/** Whether a manager/admin may act on an order of this rep (a manager: their own team). */
async function mayManage(tx: DbOrTx, writer: Writer, repId: string | null): Promise<boolean> {
  if (writer.role === 'admin') return true;
  if (writer.role !== 'manager' || writer.teamId === null || repId === null) return false;
  const [rep] = await tx.select({ teamId: users.teamId }).from(users).where(eq(users.id, repId));
  return rep?.teamId === writer.teamId;
}

async function lockOrderForStaff(tx: Tx, id: string, writer: Writer): Promise<Result<OrderRecord>> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  if (row === undefined || row.deletedAt !== null)
    return fail('not-found', msg('order.notFound'), { field: 'id' });
  if (!(await mayManage(tx, writer, row.repId)))
    return fail('forbidden', msg('order.outsideTeam'), { field: 'id' });
  return ok(row);
}

/** Head office moves an order along received → confirmed → shipped → delivered, or cancels it. */
export async function setOrderStatus(
  tx: Tx,
  request: { id: string; status: OrderStatus; writer: Writer; now: Date },
): Promise<Result<void>> {
  const locked = await lockOrderForStaff(tx, request.id, request.writer);
  if (!locked.ok) return locked;
  const row = locked.value;
  if (!orderStatusTransitions[row.status].includes(request.status)) {
    return fail('conflict', msg('order.transition', { from: row.status, to: request.status }), {
      field: 'status',
    });
  }
  const goesAhead = request.status === 'confirmed' || request.status === 'shipped';
  if (goesAhead && row.approval === 'pending') {
    return fail('conflict', msg('order.approvalPending'), {
      field: 'status',
    });
  }
  if (goesAhead && row.approval === 'rejected') {
    return fail('conflict', msg('order.approvalRejected'), { field: 'status' });
  }
  await tx
    .update(orders)
    .set({
      status: request.status,
      ...(request.status === 'confirmed' ? { confirmedAt: request.now } : {}),
      version: sql`${orders.version} + 1`,
      updatedAt: request.now,
    })
    .where(eq(orders.id, row.id));
  return ok(undefined);
}

/** A manager approves or rejects the discount of an order above the rep's limit. */
export async function decideApproval(
  tx: Tx,
  request: { id: string; decision: 'approved' | 'rejected'; writer: Writer; now: Date },
): Promise<Result<void>> {
  const locked = await lockOrderForStaff(tx, request.id, request.writer);
  if (!locked.ok) return locked;
  if (request.writer.role !== 'admin' && locked.value.repId === request.writer.id) {
    return fail('forbidden', msg('order.ownDiscount'), {
      field: 'id',
    });
  }
  if (locked.value.approval !== 'pending') {
    return fail('conflict', msg('order.noApprovalPending'), { field: 'id' });
  }
  await tx
    .update(orders)
    .set({ approval: request.decision, version: sql`${orders.version} + 1`, updatedAt: request.now })
    .where(eq(orders.id, request.id));
  return ok(undefined);
}

/**
 * After a refused edit, the laptop still shows the rep's optimistic lines: a version bump makes
 * the next pull send head office's copy back (the refusal keeps the rep's lines).
 */
export async function resendOrder(tx: Tx, id: string, now: Date): Promise<void> {
  await tx
    .update(orders)
    .set({ version: sql`${orders.version} + 1`, updatedAt: now })
    .where(eq(orders.id, id));
}
