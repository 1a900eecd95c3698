import { ok } from '../../../shared/lib/result.js';
import type { Result } from '../../../shared/lib/result.js';
import type { Tx } from '../../db/types.js';
import type { MutationAudit, ServerMutationsOf } from '../../lib/mutations.js';
import { cancelOrderByRep, createOrder, resendOrder, updateOrder } from './repo.js';

/**
 * A refused change of an order: unless the rep may not touch it, head office's copy is sent
 * again so the laptop shows it instead of its own.
 */
async function changed(
  tx: Tx,
  id: string,
  result: Result<unknown>,
  now: Date,
): Promise<Result<MutationAudit>> {
  if (!result.ok) {
    if (result.error.code !== 'forbidden') await resendOrder(tx, id, now);
    return result;
  }
  return ok({ entity: 'order', entityId: id });
}

export const orderMutations = {
  'order-create': {
    async apply(tx, args, { user, now }) {
      const created = await createOrder(tx, { order: args, writer: user, now });
      if (!created.ok) return created;
      const { number, approval, differences } = created.value;
      // Head office's prices are kept; the laptop's preview is recorded when it differed.
      return ok({
        entity: 'order',
        entityId: args.id,
        details: { number, approval, priceDifferences: differences },
      });
    },
  },
  'order-update': {
    async apply(tx, args, { user, now }) {
      return changed(tx, args.id, await updateOrder(tx, { update: args, writer: user, now }), now);
    },
  },
  'order-cancel': {
    async apply(tx, args, { user, now }) {
      return changed(tx, args.id, await cancelOrderByRep(tx, { id: args.id, writer: user, now }), now);
    },
  },
} satisfies ServerMutationsOf<'order-create' | 'order-update' | 'order-cancel'>;
