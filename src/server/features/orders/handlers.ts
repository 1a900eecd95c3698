/** Head-office order methods: status changes and discount approvals (admin, or the team's manager). */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Order } from '../../../shared/domain/order/order.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import { customers, orders, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import type { Handlers } from '../../dispatch.js';
import { auditedWrite } from '../../lib/audit.js';
import { ofCustomerInScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { anyId } from '../../db/sql.js';
import { selectOrders } from './wire.js';
import { decideApproval, setOrderStatus } from './repo.js';

async function orderById(db: DbOrTx, id: string): Promise<Result<{ order: Order }>> {
  const [order] = await selectOrders(db, eq(orders.id, id));
  return order === undefined ? fail('not-found', msg('order.notFound'), { field: 'id' }) : ok({ order });
}

/** The orders a user may read: those of the customers they may see now, whoever took them. */
function orderScope(user: Reader): SQL {
  return ofCustomerInScope(orders.customerId, user);
}

/** The customers' names and the reps' names and discount limits of some orders (two queries). */
async function namesOf(
  db: DbOrTx,
  list: readonly Order[],
): Promise<{
  customers: Map<string, string>;
  reps: Map<string, { name: string; maxDiscountBp: number }>;
}> {
  const customerIds = [...new Set(list.map((o) => o.customerId))];
  const repIds = [...new Set(list.flatMap((o) => (o.repId === null ? [] : [o.repId])))];
  const customerRows =
    customerIds.length === 0
      ? []
      : await db
          .select({ id: customers.id, name: customers.name })
          .from(customers)
          .where(anyId(customers.id, customerIds));
  const repRows =
    repIds.length === 0
      ? []
      : await db
          .select({ id: users.id, name: users.name, maxDiscountBp: users.maxDiscountBp })
          .from(users)
          .where(anyId(users.id, repIds));
  return {
    customers: new Map(customerRows.map((c) => [c.id, c.name])),
    reps: new Map(repRows.map((r) => [r.id, { name: r.name, maxDiscountBp: r.maxDiscountBp }])),
  };
}

export const orderHandlers = {
  'order-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const conditions: SQL[] = [isNull(orders.deletedAt), orderScope(ctx.principal.user)];
      if (input.customerId !== undefined) conditions.push(eq(orders.customerId, input.customerId));
      if (input.repId !== undefined) conditions.push(eq(orders.repId, input.repId));
      if (input.approval !== undefined) conditions.push(eq(orders.approval, input.approval));
      const newest = await ctx.db
        .select({ id: orders.id })
        .from(orders)
        .where(and(...conditions))
        .orderBy(desc(orders.orderedAt), desc(orders.id))
        .limit(input.limit);
      if (newest.length === 0) return ok({ orders: [] });
      const rows = await selectOrders(
        ctx.db,
        anyId(
          orders.id,
          newest.map((r) => r.id),
        ),
      );
      const rank = new Map(newest.map((r, i) => [r.id, i]));
      const names = await namesOf(ctx.db, rows);
      return ok({
        orders: rows
          .sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0))
          .map((o) => {
            const rep = o.repId === null ? undefined : names.reps.get(o.repId);
            return {
              ...o,
              customerName: names.customers.get(o.customerId) ?? '',
              repName: rep?.name ?? null,
              repMaxDiscountBp: rep?.maxDiscountBp ?? null,
            };
          }),
      });
    },
  },
  'order-set-status': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const result = await auditedWrite(
        ctx,
        {
          method: 'order-set-status',
          entity: 'order',
          entityId: input.id,
          details: { status: input.status },
        },
        (tx, now) =>
          setOrderStatus(tx, { id: input.id, status: input.status, writer: ctx.principal.user, now }),
      );
      if (!result.ok) return result;
      return orderById(ctx.db, input.id);
    },
  },
  'order-approve': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const result = await auditedWrite(
        ctx,
        {
          method: 'order-approve',
          entity: 'order',
          entityId: input.id,
          details: { decision: input.decision },
        },
        (tx, now) =>
          decideApproval(tx, { id: input.id, decision: input.decision, writer: ctx.principal.user, now }),
      );
      if (!result.ok) return result;
      return orderById(ctx.db, input.id);
    },
  },
} satisfies Pick<Handlers, 'order-list' | 'order-set-status' | 'order-approve'>;
