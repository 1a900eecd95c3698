/** Notes and customer edits written on this laptop. */
import { v7 as uuidv7 } from 'uuid';
import type { CustomerChanges } from '../../../shared/domain/customer/customer.js';
import { customerChangesSchema } from '../../../shared/domain/customer/customer.js';
import { noteBodySchema } from '../../../shared/domain/note/note.js';
import type { MutationArgs } from '../../../shared/sync/mutations.js';
import type { AppDB } from '../../db/AppDB.js';
import type { NoteRow, OutboxEntry } from '../../db/schema.js';
import type { ClientMutationsOf, MutatorContext } from '../../sync/mutation.js';
import { nowOf, writeMutation } from '../../sync/mutation.js';

export const customerMutations = {
  'note-add': {
    async applyLocal(db, entry, ctx) {
      const args = entry.args;
      const existing = await db.notes.get(args.id);
      // Head office already has it (pulled back): its copy wins.
      if (existing && existing.receivedAt !== null) return;
      const note: NoteRow = {
        id: args.id,
        customerId: args.customerId,
        authorId: existing?.authorId ?? ctx.userId,
        authorName: existing?.authorName ?? ctx.userName,
        body: args.body,
        createdAt: args.createdAt,
        receivedAt: null,
      };
      await db.notes.put(note);
    },
    creates: { notes: (args) => [args.id] },
  },
  'customer-update': {
    async applyLocal(db, entry) {
      const { id, changes } = entry.args;
      const customer = await db.customers.get(id);
      // The customer left this rep's scope: nothing to show; head office will answer.
      if (!customer) return;
      await db.customers.put({ ...customer, ...changes });
    },
  },
} satisfies ClientMutationsOf<'note-add' | 'customer-update'>;

/** Adds a note; it is visible at once with `receivedAt: null` ("saved on this laptop"). */
export async function addNote(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; body: string },
): Promise<NoteRow> {
  const body = noteBodySchema.parse(input.body);
  const createdAt = nowOf(ctx);
  const args: MutationArgs<'note-add'> = { id: uuidv7(), customerId: input.customerId, body, createdAt };
  await writeMutation(db, ctx, customerMutations, 'note-add', args);
  const note = await db.notes.get(args.id);
  if (!note) throw new Error('Note vanished after its write');
  return note;
}

/**
 * Applies edited customer fields locally and queues them. `baseVersion` is the version the
 * rep saw when starting the edit: head office logs a conflict when it is stale.
 */
export async function updateCustomer(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number; changes: CustomerChanges },
): Promise<OutboxEntry> {
  const changes = customerChangesSchema.parse(input.changes);
  return writeMutation(db, ctx, customerMutations, 'customer-update', {
    id: input.id,
    baseVersion: input.baseVersion,
    changes,
  });
}
