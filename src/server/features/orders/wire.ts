/** Orders as they go on the wire, lines embedded. */
import { asc } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Order, OrderLine } from '../../../shared/domain/order/order.js';
import { anyId, selectLive } from '../../db/sql.js';
import { orderLines, orders } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

/** Orders with their lines embedded: one query for the orders, one for all their lines. */
export async function selectOrders(db: DbOrTx, where: SQL): Promise<Order[]> {
  const rows = await selectLive(db, orders, where);
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(orderLines)
    .where(
      anyId(
        orderLines.orderId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  const byOrder = new Map<string, OrderLine[]>();
  for (const l of lines) {
    let list = byOrder.get(l.orderId);
    if (list === undefined) {
      list = [];
      byOrder.set(l.orderId, list);
    }
    list.push({
      id: l.id,
      productId: l.productId,
      productReference: l.productReference,
      productName: l.productName,
      quantity: l.quantity,
      unitPriceCents: l.unitPriceCents,
      discountBp: l.discountBp,
      vatRate: l.vatRate,
      totalExclCents: l.totalExclCents,
    });
  }
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    repId: r.repId,
    number: r.number,
    orderedAt: toIso(r.orderedAt),
    deliveryDate: r.deliveryDate,
    status: r.status,
    approval: r.approval,
    note: r.note,
    signature: r.signature,
    confirmedAt: r.confirmedAt === null ? null : toIso(r.confirmedAt),
    lines: byOrder.get(r.id) ?? [],
    totalExclCents: r.totalExclCents,
    totalVatCents: r.totalVatCents,
    totalInclCents: r.totalInclCents,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}
