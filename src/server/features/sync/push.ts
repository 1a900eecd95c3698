/**
 * Push: per mutation, one transaction that locks the client row, skips duplicates, refuses
 * gaps, authorises and re-runs the intent; a business rejection is stored as an outcome
 * (pulled back to the rep) and still advances lastMid.
 */
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { PushRequest, PushResponse } from '../../../shared/sync/protocol.js';
import type { Mutation, MutationIntent, MutationName } from '../../../shared/sync/mutations.js';
import { mutationSubject, refusedDetail } from '../../../shared/sync/mutations.js';
import { keptArgs } from '../../../shared/sync/refusals.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { AuthedContext, Principal } from '../../context.js';
import {
  appointments,
  complaints,
  customers,
  mutationOutcomes,
  orders,
  syncClientViews,
  syncClients,
} from '../../db/schema.js';
import type { Tx } from '../../db/types.js';
import { audit } from '../../lib/audit.js';
import type { MutationAudit, MutationContext, ServerMutations } from '../../lib/mutations.js';
import { checkSchemaVersion, ensureClient, lockClient } from './clients.js';
import { serverMutations } from './mutations.js';

function applyIntent<N extends MutationName>(
  tx: Tx,
  mutation: MutationIntent<N>,
  ctx: MutationContext,
): Promise<Result<MutationAudit>> {
  const handlers: ServerMutations = serverMutations;
  return handlers[mutation.name].apply(tx, mutation.args, ctx);
}

/** Authorises and re-runs one mutation, then audits it: once, the same way for every mutation. */
async function applyMutation(
  tx: Tx,
  mutation: Mutation,
  principal: Principal,
  clientId: string,
  now: Date,
): Promise<Result<void>> {
  const user = principal.user;
  const applied = await applyIntent(tx, mutation, { user, clientId, now });
  if (!applied.ok) return applied;
  const { entity, entityId, details } = applied.value;
  await audit(
    tx,
    {
      userId: user.id,
      method: `sync-push:${mutation.name}`,
      entity,
      entityId,
      ...(details === undefined ? {} : { details }),
    },
    now,
  );
  return ok(undefined);
}

type Step = { kind: 'done'; lastMid: number } | { kind: 'gap'; lastMid: number };

/**
 * SQLSTATE classes that fail the same way every time the same mutation is applied: data
 * exceptions (22: a value out of range, a NUL byte in a text) and integrity violations (23).
 */
const DETERMINISTIC_SQL_ERROR = /^2[23]/;

function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A database error that fails the same way on every retry (a bug, or a value head office cannot
 * store) — as opposed to a lost connection or a serialization failure, which the laptop retries.
 */
function deterministicSqlState(error: unknown): string | undefined {
  const state = sqlStateOf(error);
  return state !== undefined && DETERMINISTIC_SQL_ERROR.test(state) ? state : undefined;
}

/** The customer a mutation is about, directly or through its appointment, order or complaint. */
async function customerIdOf(tx: Tx, mutation: Mutation): Promise<string | null> {
  const subject = mutationSubject(mutation);
  if (subject.kind === 'customer') return subject.id;
  const table = { appointment: appointments, order: orders, complaint: complaints }[subject.kind];
  const [row] = await tx.select({ customerId: table.customerId }).from(table).where(eq(table.id, subject.id));
  return row?.customerId ?? null;
}

/**
 * The customer a refused mutation was about, when head office has it (kept with the refusal for
 * the rep's manager, never sent to a laptop), and its name when the laptop that sent it was once
 * sent that customer, so that the rep reads « Note pour Boulangerie Martin » rather than
 * « client inconnu » once the customer has left their laptop. A refusal never tells a name its
 * sender did not already have.
 */
async function refusedCustomer(
  tx: Tx,
  clientId: string,
  mutation: Mutation,
): Promise<{ customerId: string | null; customerName: string | null }> {
  const customerId = await customerIdOf(tx, mutation);
  if (customerId === null) return { customerId: null, customerName: null };
  const [row] = await tx
    .select({ id: customers.id, heldBy: syncClientViews.clientId, name: customers.name })
    .from(customers)
    .leftJoin(
      syncClientViews,
      and(
        eq(syncClientViews.clientId, clientId),
        eq(syncClientViews.entity, 'customer'),
        eq(syncClientViews.rowId, customers.id),
      ),
    )
    .where(eq(customers.id, customerId));
  if (row === undefined) return { customerId: null, customerName: null };
  return { customerId: row.id, customerName: row.heldBy === null ? null : row.name };
}

/**
 * The laptop applied the refused change to its own copy of the row at once (a customer's field,
 * an appointment moved, a complaint's status); head office's row did not change, so a plain diff
 * would never send it again and the laptop would show what head office refused for good. Marking
 * the row as unknown in this client's view makes the next pull send head office's row.
 */
async function resendSubject(tx: Tx, clientId: string, mutation: Mutation): Promise<void> {
  const subject = mutationSubject(mutation);
  await tx
    .update(syncClientViews)
    .set({ rowVersion: -1 })
    .where(
      and(
        eq(syncClientViews.clientId, clientId),
        eq(syncClientViews.entity, subject.kind),
        eq(syncClientViews.rowId, subject.id),
      ),
    );
}

export async function push(input: PushRequest, ctx: AuthedContext): Promise<Result<PushResponse>> {
  const version = checkSchemaVersion(input.schemaVersion);
  if (!version.ok) return version;
  const now = ctx.config.now();
  const registered = await ensureClient(ctx.db, input.clientId, ctx.principal.user.id, now);
  if (!registered.ok) return registered;

  const [current] = await ctx.db
    .select({ lastMid: syncClients.lastMid })
    .from(syncClients)
    .where(eq(syncClients.id, input.clientId));
  let lastMid = current?.lastMid ?? 0;
  for (const mutation of input.mutations) {
    /** In one transaction: lock the client row, skip duplicates, refuse gaps, then `write`. */
    const step = (write: (tx: Tx) => Promise<Result<void>>) =>
      ctx.db.transaction(async (tx): Promise<Step> => {
        const client = await lockClient(tx, input.clientId);
        const clientLastMid = client?.lastMid ?? 0;
        if (mutation.mid <= clientLastMid) return { kind: 'done', lastMid: clientLastMid };
        if (mutation.mid > clientLastMid + 1) return { kind: 'gap', lastMid: clientLastMid };
        const applied = await write(tx);
        if (!applied.ok) {
          // Keyed by the mutation's id, so a resend stores it once. Another mutation sent under an
          // id that already has a refusal (a laptop's bug, or someone else's id) gets its own row:
          // no refusal may hide another.
          const [taken] = await tx
            .select({ clientId: mutationOutcomes.clientId, mid: mutationOutcomes.mid })
            .from(mutationOutcomes)
            .where(eq(mutationOutcomes.id, mutation.mutationId));
          const sameMutation = taken?.clientId === input.clientId && taken.mid === mutation.mid;
          await tx
            .insert(mutationOutcomes)
            .values({
              id: taken === undefined || sameMutation ? mutation.mutationId : uuidv7(),
              clientId: input.clientId,
              mid: mutation.mid,
              name: mutation.name,
              code: applied.error.code,
              message: applied.error.message,
              messageKey: applied.error.key ?? null,
              messageParams: applied.error.params ?? null,
              // PostgreSQL text cannot hold NUL: the one character it refuses is shown as �.
              detail: refusedDetail(mutation).replaceAll('\u0000', '\uFFFD'),
              ...(await refusedCustomer(tx, input.clientId, mutation)),
              // The work itself, for the rep's manager to read and re-apply (decision 0021).
              args: keptArgs(mutation.args),
              at: now,
            })
            .onConflictDoNothing();
          await resendSubject(tx, input.clientId, mutation);
        }
        await tx
          .update(syncClients)
          .set({ lastMid: mutation.mid, lastSeenAt: now })
          .where(eq(syncClients.id, input.clientId));
        return { kind: 'done', lastMid: mutation.mid };
      });
    let done: Step;
    try {
      done = await step((tx) => applyMutation(tx, mutation, ctx.principal, input.clientId, now));
    } catch (error) {
      // A mutation head office can never store must not block the laptop's queue forever (it
      // would retry it at every sync and never pull again): its transaction rolled back, so a
      // second one stores the refusal, with the rep's words, and advances lastMid. Transient
      // errors still throw (500), and the laptop retries.
      const state = deterministicSqlState(error);
      if (state === undefined) throw error;
      console.error(`push: ${mutation.name} ${mutation.mutationId} refused after SQLSTATE ${state}`, error);
      done = await step(async () => fail('internal', msg('sync.databaseError', { state })));
    }
    lastMid = done.lastMid;
    if (done.kind === 'gap') {
      return fail(
        'mutation-gap',
        msg('sync.mutationGap', { mid: mutation.mid, expected: done.lastMid + 1 }),
        {
          field: 'mutations',
        },
      );
    }
  }
  return ok({ lastMid });
}
