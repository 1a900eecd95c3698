import { z } from 'zod';
import { uuidSchema } from '../../lib/ids.js';
import { mutation } from '../../sync/mutation.js';
import { customerChangesSchema } from './customer.js';

export const customerMutations = {
  'customer-update': mutation({
    args: z.object({
      id: uuidSchema,
      /** The customer's version the rep saw when editing: a stale one logs a conflict. */
      baseVersion: z.number().int().nonnegative(),
      changes: customerChangesSchema,
    }),
    label: 'sync.mutation.customer-update',
    refusedDetail: (args) => JSON.stringify(args.changes),
  }),
};
