import { eq } from 'drizzle-orm';
import { msg } from '../../../shared/lib/messages.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { customers, notes } from '../../db/schema.js';
import type { ServerMutationsOf } from '../../lib/mutations.js';
import { isCustomerInScope, updateCustomer } from './repo.js';

export const customerMutations = {
  'note-add': {
    async apply(tx, args, { user, now }) {
      const [customer] = await tx
        .select({ id: customers.id, deletedAt: customers.deletedAt })
        .from(customers)
        .where(eq(customers.id, args.customerId))
        .limit(1);
      if (customer === undefined || customer.deletedAt !== null) {
        return fail('not-found', msg('note.customerGone'), { field: 'customerId' });
      }
      if (!(await isCustomerInScope(tx, user, args.customerId))) {
        return fail('forbidden', msg('note.customerLeft'), { field: 'customerId' });
      }
      await tx
        .insert(notes)
        .values({
          id: args.id,
          customerId: args.customerId,
          authorId: user.id,
          body: args.body,
          createdAt: new Date(args.createdAt),
          receivedAt: now,
        })
        .onConflictDoNothing();
      return ok({ entity: 'note', entityId: args.id });
    },
  },
  'customer-update': {
    async apply(tx, args, { user, clientId, now }) {
      const updated = await updateCustomer(tx, {
        id: args.id,
        changes: args.changes,
        baseVersion: args.baseVersion,
        writer: user,
        clientId,
        now,
      });
      if (!updated.ok) return updated;
      return ok({ entity: 'customer', entityId: args.id, details: { fields: Object.keys(args.changes) } });
    },
  },
} satisfies ServerMutationsOf<'note-add' | 'customer-update'>;
