import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { mutation } from '../../sync/mutation.js';
import { noteBodySchema } from './note.js';

export const noteMutations = {
  'note-add': mutation({
    args: z.object({
      id: uuidSchema,
      customerId: uuidSchema,
      body: noteBodySchema,
      createdAt: isoDateTimeSchema,
    }),
    label: 'sync.mutation.note-add',
    refusedDetail: (args) => args.body,
  }),
};
