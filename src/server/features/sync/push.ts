/**
 * Push: per mutation, one transaction that locks the client row, skips duplicates, refuses
 * gaps, authorises and re-runs the intent; a business rejection is stored as an outcome
 * (pulled back to the rep) and still advances lastMid.
 */
import { eq } from 'drizzle-orm';
import type { PushRequest, PushResponse } from '../../../shared/sync/protocol.js';
import type { Mutation } from '../../../shared/sync/mutations.js';
import { fail, missingCaseError, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { AuthedContext } from '../../context.js';
import { customers, mutationOutcomes, notes, syncClients } from '../../db/schema.js';
import type { Tx } from '../../db/types.js';
import { audit } from '../../lib/audit.js';
import { createAppointment, updateAppointment } from '../appointments/repo.js';
import { addAttachment, addComplaintEvent, logComplaint } from '../complaints/repo.js';
import { isCustomerInScope, updateCustomer } from '../customers/repo.js';
import { cancelOrderByRep, createOrder, resendOrder, updateOrder } from '../orders/repo.js';
import { logVisit } from '../visits/repo.js';
import { checkSchemaVersion, ensureClient, lockClient } from './clients.js';
import type { Principal } from '../../context.js';

async function applyMutation(
  tx: Tx,
  mutation: Mutation,
  principal: Principal,
  now: Date,
): Promise<Result<void>> {
  const user = principal.user;
  switch (mutation.name) {
    case 'note-add': {
      const args = mutation.args;
      const [customer] = await tx
        .select({ id: customers.id, deletedAt: customers.deletedAt })
        .from(customers)
        .where(eq(customers.id, args.customerId))
        .limit(1);
      if (customer === undefined || customer.deletedAt !== null) {
        return fail('not-found', msg('note.customerGone'), { field: 'customerId' });
      }
      if (!(await isCustomerInScope(tx, user, args.customerId))) {
        return fail('forbidden', msg('note.customerLeft'), {
          field: 'customerId',
        });
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
      await audit(
        tx,
        { userId: user.id, method: 'sync-push:note-add', entity: 'note', entityId: args.id },
        now,
      );
      return ok(undefined);
    }
    case 'customer-update': {
      const args = mutation.args;
      const updated = await updateCustomer(tx, {
        id: args.id,
        changes: args.changes,
        baseVersion: args.baseVersion,
        writer: user,
        now,
      });
      if (!updated.ok) return updated;
      await audit(
        tx,
        {
          userId: user.id,
          method: 'sync-push:customer-update',
          entity: 'customer',
          entityId: args.id,
          details: { fields: Object.keys(args.changes) },
        },
        now,
      );
      return ok(undefined);
    }
    case 'appointment-create': {
      const args = mutation.args;
      // No refusal for a start in the past: a rep offline for days pushes late.
      const created = await createAppointment(tx, {
        appointment: args,
        repId: user.id,
        writer: user,
        setByManagerName: null,
        now,
      });
      if (!created.ok) return created;
      await audit(
        tx,
        { userId: user.id, method: 'sync-push:appointment-create', entity: 'appointment', entityId: args.id },
        now,
      );
      return ok(undefined);
    }
    case 'appointment-update':
    case 'appointment-cancel': {
      const args = mutation.args;
      const changes =
        mutation.name === 'appointment-cancel' ? { status: 'cancelled' as const } : mutation.args.changes;
      const updated = await updateAppointment(tx, {
        id: args.id,
        changes,
        baseVersion: args.baseVersion,
        writer: user,
        now,
      });
      if (!updated.ok) return updated;
      await audit(
        tx,
        {
          userId: user.id,
          method: `sync-push:${mutation.name}`,
          entity: 'appointment',
          entityId: args.id,
          details: { fields: Object.keys(changes) },
        },
        now,
      );
      return ok(undefined);
    }
    case 'complaint-log': {
      const args = mutation.args;
      const logged = await logComplaint(tx, { complaint: args, writer: user, now });
      if (!logged.ok) return logged;
      await audit(
        tx,
        { userId: user.id, method: 'sync-push:complaint-log', entity: 'complaint', entityId: args.id },
        now,
      );
      return ok(undefined);
    }
    case 'complaint-event': {
      const args = mutation.args;
      const added = await addComplaintEvent(tx, { event: args, writer: user, now });
      if (!added.ok) return added;
      await audit(
        tx,
        {
          userId: user.id,
          method: 'sync-push:complaint-event',
          entity: 'complaint',
          entityId: args.complaintId,
          details: { status: args.status },
        },
        now,
      );
      return ok(undefined);
    }
    case 'attachment-add': {
      const args = mutation.args;
      const added = await addAttachment(tx, { attachment: args, writer: user, now });
      if (!added.ok) return added;
      await audit(
        tx,
        {
          userId: user.id,
          method: 'sync-push:attachment-add',
          entity: 'complaint',
          entityId: args.complaintId,
          details: { attachmentId: args.id, sizeBytes: args.sizeBytes },
        },
        now,
      );
      return ok(undefined);
    }
    case 'order-create': {
      const args = mutation.args;
      const created = await createOrder(tx, { order: args, writer: user, now });
      if (!created.ok) return created;
      const { number, approval, differences } = created.value;
      await audit(
        tx,
        {
          userId: user.id,
          method: 'sync-push:order-create',
          entity: 'order',
          entityId: args.id,
          // Head office's prices are kept; the laptop's preview is recorded when it differed.
          details: { number, approval, priceDifferences: differences },
        },
        now,
      );
      return ok(undefined);
    }
    case 'order-update':
    case 'order-cancel': {
      const args = mutation.args;
      const changed =
        mutation.name === 'order-update'
          ? await updateOrder(tx, { update: mutation.args, writer: user, now })
          : await cancelOrderByRep(tx, { id: args.id, writer: user, now });
      if (!changed.ok) {
        if (changed.error.code !== 'forbidden') await resendOrder(tx, args.id, now);
        return changed;
      }
      await audit(
        tx,
        { userId: user.id, method: `sync-push:${mutation.name}`, entity: 'order', entityId: args.id },
        now,
      );
      return ok(undefined);
    }
    case 'visit-log': {
      const args = mutation.args;
      const logged = await logVisit(tx, { visit: args, writer: user, now });
      if (!logged.ok) return logged;
      await audit(
        tx,
        {
          userId: user.id,
          method: 'sync-push:visit-log',
          entity: 'visit',
          entityId: args.id,
          details: { outcome: args.report.outcome },
        },
        now,
      );
      return ok(undefined);
    }
    default:
      return missingCaseError(mutation);
  }
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
          await tx
            .insert(mutationOutcomes)
            .values({
              id: mutation.mutationId,
              clientId: input.clientId,
              mid: mutation.mid,
              name: mutation.name,
              code: applied.error.code,
              message: applied.error.message,
              messageKey: applied.error.key ?? null,
              messageParams: applied.error.params ?? null,
              // PostgreSQL text cannot hold NUL: the one character it refuses is shown as �.
              detail: refusedDetail(mutation).replaceAll('\u0000', '\uFFFD'),
              at: now,
            })
            .onConflictDoNothing();
        }
        await tx
          .update(syncClients)
          .set({ lastMid: mutation.mid, lastSeenAt: now })
          .where(eq(syncClients.id, input.clientId));
        return { kind: 'done', lastMid: mutation.mid };
      });
    let done: Step;
    try {
      done = await step((tx) => applyMutation(tx, mutation, ctx.principal, now));
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

/** The rep's own words in a refused mutation, kept with the refusal so nothing typed is lost. */
function refusedDetail(mutation: Mutation): string {
  switch (mutation.name) {
    case 'note-add':
      return mutation.args.body;
    case 'customer-update':
      return JSON.stringify(mutation.args.changes);
    case 'appointment-create': {
      const { startAt, durationMinutes, kind, objective, notes } = mutation.args;
      return JSON.stringify({ startAt, durationMinutes, kind, objective, notes });
    }
    case 'appointment-update':
      return JSON.stringify(mutation.args.changes);
    case 'appointment-cancel':
      return JSON.stringify({ status: 'cancelled' });
    case 'complaint-log':
      return mutation.args.description;
    case 'complaint-event':
      return mutation.args.note === '' ? mutation.args.status : mutation.args.note;
    case 'attachment-add':
      return mutation.args.fileName;
    case 'order-create':
    case 'order-update': {
      // The rep's lines, kept with the refusal (no signature: it is an image).
      const { lines, deliveryDate, note } = mutation.args;
      return JSON.stringify({ deliveryDate, note, lines });
    }
    case 'order-cancel':
      return JSON.stringify({ status: 'cancelled' });
    case 'visit-log':
      // The whole visit as sent: a refused report keeps everything the rep wrote, and when.
      return JSON.stringify(mutation.args);
    default:
      return missingCaseError(mutation);
  }
}
