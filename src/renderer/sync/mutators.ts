/**
 * Local writes. Each mutator runs in ONE `rw` transaction that applies the change to the
 * local rows and appends the outbox entry with `mid = nextMid`. The same `applyLocal`
 * functions re-apply pending mutations on top of server data after a pull (rebase).
 */
import { v7 as uuidv7 } from 'uuid';
import type { CustomerChanges } from '../../shared/domain/customer/customer.js';
import { customerChangesSchema } from '../../shared/domain/customer/customer.js';
import { noteBodySchema } from '../../shared/domain/note/note.js';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations.js';
import { missingCaseError } from '../../shared/lib/result.js';
import type { AppDB } from '../db/AppDB.js';
import type { NoteRow, OutboxEntry } from '../db/schema.js';

/** Who is writing: needed to show the author of a note before head office answers. */
export interface MutatorContext {
  userId: string;
  userName: string;
  /** ISO time of the write; injectable for tests. */
  now?: () => string;
}

/** Tables a local write touches (domain rows + outbox + meta for nextMid). */
export function mutationTables(db: AppDB) {
  return [db.customers, db.notes, db.outbox, db.meta] as const;
}

/**
 * Applies a mutation's effect to local rows. Must be called inside a transaction over
 * `mutationTables(db)`. Used both for the first write and for the rebase after a pull.
 */
export async function applyLocal(db: AppDB, entry: OutboxEntry, ctx: MutatorContext): Promise<void> {
  switch (entry.name) {
    case 'note-add': {
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
      return;
    }
    case 'customer-update': {
      const { id, changes } = entry.args;
      const customer = await db.customers.get(id);
      // The customer left this rep's scope: nothing to show; head office will answer.
      if (!customer) return;
      await db.customers.put({ ...customer, ...changes });
      return;
    }
    default:
      return missingCaseError(entry);
  }
}

async function writeMutation<N extends MutationName>(
  db: AppDB,
  ctx: MutatorContext,
  name: N,
  args: MutationArgs<N>,
): Promise<OutboxEntry> {
  const now = ctx.now ?? (() => new Date().toISOString());
  return db.transaction('rw', mutationTables(db), async () => {
    const mid = (await db.getMeta('nextMid')) ?? 1;
    const entry = { mid, mutationId: uuidv7(), name, args, createdAt: now() } as OutboxEntry;
    await db.outbox.add(entry);
    await db.setMeta('nextMid', mid + 1);
    await applyLocal(db, entry, ctx);
    return entry;
  });
}

/** Adds a note; it is visible at once with `receivedAt: null` ("saved on this laptop"). */
export async function addNote(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; body: string },
): Promise<NoteRow> {
  const body = noteBodySchema.parse(input.body);
  const createdAt = (ctx.now ?? (() => new Date().toISOString()))();
  const args: MutationArgs<'note-add'> = { id: uuidv7(), customerId: input.customerId, body, createdAt };
  await writeMutation(db, ctx, 'note-add', args);
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
  return writeMutation(db, ctx, 'customer-update', {
    id: input.id,
    baseVersion: input.baseVersion,
    changes,
  });
}

/** Re-applies every pending mutation, in mid order, on top of the current rows. */
export async function rebasePending(db: AppDB, ctx: MutatorContext): Promise<number> {
  const pending = await db.pendingMutations();
  for (const entry of pending) await applyLocal(db, entry, ctx);
  return pending.length;
}
