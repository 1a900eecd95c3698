/** Head-office customer methods: every read and write is scoped to the caller. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { customerEditableDefaults } from '../../../shared/domain/customer/customer.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { ServerMessage } from '../../../shared/lib/messages.js';
import type { User } from '../../../shared/domain/user/user.js';
import { customers, notes, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import type { Handlers } from '../../dispatch.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { audit, auditedWrite } from '../../lib/audit.js';
import { handOverPlannedAppointments } from '../appointments/index.js';
import { customerScope, foldSql, foldText, isCustomerInScope, ownerName, updateCustomer } from './repo.js';
import { selectCustomers, selectNotes, toCustomerWire } from './wire.js';

/** A manager may give customers only to reps of their own team; an admin to any rep or manager. */
async function checkAssignableOwner(
  db: DbOrTx,
  assigner: User,
  ownerId: string | null,
): Promise<ServerMessage | null> {
  if (ownerId === null) return null;
  const [owner] = await db.select().from(users).where(eq(users.id, ownerId)).limit(1);
  if (owner === undefined) return msg('owner.noSuchUser');
  if (owner.role === 'admin') return msg('owner.admin');
  if (assigner.role === 'manager' && (assigner.teamId === null || owner.teamId !== assigner.teamId)) {
    return msg('owner.outsideTeam');
  }
  return null;
}

export const customerHandlers = {
  'customer-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const conditions: SQL[] = [isNull(customers.deletedAt), customerScope(ctx.principal.user)];
      if (input.ownerId !== undefined) conditions.push(eq(customers.ownerId, input.ownerId));
      const query = input.query?.trim() ?? '';
      if (query !== '') {
        const pattern = `%${foldText(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conditions.push(
          sql`(${foldSql(sql`${customers.name}`)} like ${pattern} or ${foldSql(sql`${customers.city}`)} like ${pattern} or ${customers.postcode} like ${pattern})`,
        );
      }
      return ok({ customers: await selectCustomers(ctx.db, and(...conditions), input.limit) });
    },
  },
  'customer-get': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const [customer] = await selectCustomers(
        ctx.db,
        and(eq(customers.id, input.id), isNull(customers.deletedAt), customerScope(ctx.principal.user)),
        1,
      );
      // Out of scope answers like unknown: reps do not learn which customers exist.
      if (customer === undefined)
        return fail('not-found', msg('customer.notInYourPortfolio'), { field: 'id' });
      const customerNotes = await selectNotes(
        ctx.db,
        and(eq(notes.customerId, input.id), isNull(notes.deletedAt)),
      );
      return ok({ customer, notes: customerNotes });
    },
  },
  'customer-create': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      const ownerId = input.ownerId ?? (me.role === 'manager' ? me.id : null);
      const ownerProblem = await checkAssignableOwner(ctx.db, me, ownerId);
      if (ownerProblem !== null) return fail('forbidden', ownerProblem, { field: 'ownerId' });
      const { id, ownerId: _ignored, ...values } = input;
      const [row] = await ctx.db
        .insert(customers)
        .values({
          id,
          ...customerEditableDefaults,
          ...values,
          ownerId,
          version: 1,
          fieldVersions: {},
          fieldAuthors: {},
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (row === undefined) return fail('conflict', msg('customer.idTaken'), { field: 'id' });
      await audit(
        ctx.db,
        { userId: me.id, method: 'customer-create', entity: 'customer', entityId: id },
        now,
      );
      return ok({ customer: toCustomerWire(row, await ownerName(ctx.db, row.ownerId)) });
    },
  },
  'customer-update': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const result = await auditedWrite(
        ctx,
        {
          method: 'customer-update',
          entity: 'customer',
          entityId: input.id,
          details: { fields: Object.keys(input.changes) },
        },
        (tx, now) =>
          updateCustomer(tx, {
            id: input.id,
            changes: input.changes,
            baseVersion: input.baseVersion,
            writer: ctx.principal.user,
            now,
          }),
      );
      if (!result.ok) return result;
      return ok({ customer: toCustomerWire(result.value, await ownerName(ctx.db, result.value.ownerId)) });
    },
  },
  'customer-assign': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      if (!(await isCustomerInScope(ctx.db, me, input.id))) {
        return fail('not-found', msg('customer.notInTeam'), { field: 'id' });
      }
      const ownerProblem = await checkAssignableOwner(ctx.db, me, input.ownerId);
      if (ownerProblem !== null) return fail('forbidden', ownerProblem, { field: 'ownerId' });
      const row = await ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(customers)
          .set({ ownerId: input.ownerId, version: sql`${customers.version} + 1`, updatedAt: now })
          .where(eq(customers.id, input.id))
          .returning();
        if (updated !== undefined) await handOverPlannedAppointments(tx, input.id, input.ownerId, now);
        return updated;
      });
      if (row === undefined) return fail('not-found', msg('customer.notFound'), { field: 'id' });
      await audit(
        ctx.db,
        {
          userId: me.id,
          method: 'customer-assign',
          entity: 'customer',
          entityId: input.id,
          details: { ownerId: input.ownerId },
        },
        now,
      );
      return ok({ customer: toCustomerWire(row, await ownerName(ctx.db, row.ownerId)) });
    },
  },
  'customer-delete': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      if (!(await isCustomerInScope(ctx.db, me, input.id))) {
        return fail('not-found', msg('customer.notInTeam'), { field: 'id' });
      }
      const [row] = await ctx.db
        .update(customers)
        .set({ deletedAt: now, version: sql`${customers.version} + 1`, updatedAt: now })
        .where(and(eq(customers.id, input.id), isNull(customers.deletedAt)))
        .returning({ id: customers.id });
      if (row !== undefined) {
        await audit(
          ctx.db,
          { userId: me.id, method: 'customer-delete', entity: 'customer', entityId: input.id },
          now,
        );
      }
      return ok({ deleted: row !== undefined });
    },
  },
} satisfies Pick<
  Handlers,
  | 'customer-list'
  | 'customer-get'
  | 'customer-create'
  | 'customer-update'
  | 'customer-assign'
  | 'customer-delete'
>;
