/**
 * The laptop's side of a mutation declared in `shared/domain/<feature>/mutations.ts`: each
 * feature's `mutators.ts` applies its mutations to local rows and offers the writes screens make
 * (through `engine.write`). Every local write runs in ONE `rw` transaction that applies the
 * change and appends the outbox entry with `mid = nextMid`.
 */
import { v7 as uuidv7 } from 'uuid';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations.js';
import type { AppDB } from '../db/AppDB.js';
import type { OutboxEntry } from '../db/schema.js';

/** Who is writing: needed to show the author of a note before head office answers. */
export interface MutatorContext {
  userId: string;
  userName: string;
  /** The rep's discount limit (basis points): above it a local order shows "needs approval". */
  maxDiscountBp?: number;
  /** ISO time of the write; injectable for tests. */
  now?: () => string;
}

/** The time of a write. */
export function nowOf(ctx: MutatorContext): string {
  return (ctx.now ?? (() => new Date().toISOString()))();
}

/** One outbox entry, by mutation name. */
export type OutboxEntryOf<N extends MutationName> = Extract<OutboxEntry, { name: N }>;

/**
 * Tables whose rows a mutation may create before head office has them, each with what makes a
 * row "only on this laptop". Once the pull after head office's answer is complete, such a row
 * whose creating mutation is no longer waiting was refused: it goes (decision 0006), the rep's
 * words staying with the refusal in the sync panel.
 */
export const localRowTables = {
  notes: (row: LocalRow) => row.receivedAt === null,
  complaints: notAtHeadOffice,
  complaintEvents: notAtHeadOffice,
  complaintAttachments: notAtHeadOffice,
  orders: notAtHeadOffice,
  visits: notAtHeadOffice,
  appointments: notAtHeadOffice,
};
export type LocalRowTable = keyof typeof localRowTables;

/** What the "only on this laptop" checks read of a row. */
export interface LocalRow {
  id: string;
  receivedAt?: string | null;
  version?: number;
}

/** 0 = not at head office yet ("saved on this laptop"). */
function notAtHeadOffice(row: LocalRow): boolean {
  return row.version === 0;
}

export interface ClientMutation<N extends MutationName> {
  /**
   * Applies the mutation's effect to local rows, inside a transaction over `mutationTables(db)`:
   * for the first write and again for the rebase after a pull.
   */
  applyLocal(db: AppDB, entry: OutboxEntryOf<N>, ctx: MutatorContext): Promise<void>;
  /** The ids of the local-only rows it creates, by table (dropped once it was refused). */
  creates?: { readonly [T in LocalRowTable]?: (args: MutationArgs<N>) => readonly string[] };
}

/** Every mutation's laptop side: a registry entry without one is a compile error. */
export type ClientMutations = { [N in MutationName]: ClientMutation<N> };

/** Checks a feature's handlers against the registry without widening them. */
export type ClientMutationsOf<N extends MutationName> = { [K in N]: ClientMutation<K> };

/** Tables a local write touches (domain rows + outbox + meta for nextMid). */
export function mutationTables(db: AppDB) {
  return [
    db.customers,
    db.notes,
    db.appointments,
    db.complaints,
    db.complaintEvents,
    db.complaintAttachments,
    db.orders,
    db.products,
    db.visits,
    db.outbox,
    db.meta,
  ] as const;
}

/**
 * Queues a mutation and applies it locally with `handlers[name]`, in one transaction (joined
 * when the caller already opened one over these tables).
 */
export async function writeMutation<K extends MutationName, N extends K>(
  db: AppDB,
  ctx: MutatorContext,
  handlers: ClientMutationsOf<K>,
  name: N,
  args: MutationArgs<N>,
): Promise<OutboxEntry> {
  const handler: ClientMutation<N> = handlers[name];
  return db.transaction('rw', mutationTables(db), async () => {
    const mid = (await db.getMeta('nextMid')) ?? 1;
    const entry = { mid, mutationId: uuidv7(), name, args, createdAt: nowOf(ctx) } as OutboxEntryOf<N>;
    await db.outbox.add(entry);
    await db.setMeta('nextMid', mid + 1);
    await handler.applyLocal(db, entry, ctx);
    return entry;
  });
}
