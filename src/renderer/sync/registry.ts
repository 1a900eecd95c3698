/**
 * Every mutation's laptop side, wired in this one place from each feature's `mutators.ts`
 * (imported by file, not through the feature's index, so the sync layer loads no screen).
 * Applying, rebasing and dropping refused local rows are lookups in this map.
 */
import type { MutationIntent, MutationName } from '../../shared/sync/mutations.js';
import type { AppDB } from '../db/AppDB.js';
import type { OutboxEntry } from '../db/schema.js';
import { appointmentMutations } from '../features/agenda/mutators.js';
import { complaintMutations } from '../features/complaints/mutators.js';
import { customerMutations } from '../features/customers/mutators.js';
import { orderMutations } from '../features/orders/mutators.js';
import { visitMutations } from '../features/visit/mutators.js';
import type {
  ClientMutation,
  ClientMutations,
  LocalRow,
  LocalRowTable,
  MutatorContext,
  OutboxEntryOf,
} from './mutation.js';
import { localRowTables } from './mutation.js';

export const clientMutations = {
  ...customerMutations,
  ...appointmentMutations,
  ...complaintMutations,
  ...orderMutations,
  ...visitMutations,
} satisfies ClientMutations;

function applyEntry<N extends MutationName>(
  db: AppDB,
  entry: OutboxEntryOf<N>,
  ctx: MutatorContext,
): Promise<void> {
  const handlers: ClientMutations = clientMutations;
  const handler: ClientMutation<N> = handlers[entry.name];
  return handler.applyLocal(db, entry, ctx);
}

/**
 * Applies a mutation's effect to local rows. Must be called inside a transaction over
 * `mutationTables(db)`. Used both for the first write and for the rebase after a pull.
 */
export function applyLocal(db: AppDB, entry: OutboxEntry, ctx: MutatorContext): Promise<void> {
  return applyEntry(db, entry, ctx);
}

/** Re-applies every pending mutation, in mid order, on top of the current rows. */
export async function rebasePending(db: AppDB, ctx: MutatorContext): Promise<number> {
  const pending = await db.pendingMutations();
  for (const entry of pending) await applyLocal(db, entry, ctx);
  return pending.length;
}

/** The ids of `table`'s rows that waiting mutations create. */
function createdIds<N extends MutationName>(
  entry: MutationIntent<N>,
  table: LocalRowTable,
): readonly string[] {
  const handlers: ClientMutations = clientMutations;
  const handler: ClientMutation<N> = handlers[entry.name];
  return handler.creates?.[table]?.(entry.args) ?? [];
}

async function pendingIds(db: AppDB, table: LocalRowTable): Promise<Set<string>> {
  return new Set((await db.outbox.toArray()).flatMap((entry) => createdIds(entry, table)));
}

/**
 * Rows written on this laptop live while the mutation that created them waits; once head office
 * answered and the pull is complete, those still local were refused (their words stay with the
 * refusal in the sync panel), so they go (decision 0006).
 */
export async function dropRefusedLocalRows(db: AppDB): Promise<void> {
  for (const table of Object.keys(localRowTables) as LocalRowTable[]) {
    const pending = await pendingIds(db, table);
    const isLocal = localRowTables[table];
    const rows = db.table<LocalRow, string>(table);
    const refused = await rows.filter((row) => isLocal(row) && !pending.has(row.id)).primaryKeys();
    if (refused.length > 0) await rows.bulkDelete(refused);
  }
}

/**
 * The photos kept on this laptop whose attachment is gone: neither a local attachment row (head
 * office refused it, or the complaint left the rep's scope) nor an `attachment-add` still
 * waiting to be pushed. They go, so megabytes of orphan images do not pile up in IndexedDB.
 * Run once a pull is complete (a reset's first page clears the rows the next pages bring back).
 */
export async function dropOrphanAttachmentBlobs(db: AppDB): Promise<number> {
  const blobIds = await db.attachmentBlobs.toCollection().primaryKeys();
  if (blobIds.length === 0) return 0;
  const pending = await pendingIds(db, 'complaintAttachments');
  const rows = await db.complaintAttachments.bulkGet(blobIds);
  const orphans = blobIds.filter((id, i) => rows[i] === undefined && !pending.has(id));
  await db.attachmentBlobs.bulkDelete(orphans);
  return orphans.length;
}
