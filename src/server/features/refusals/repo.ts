/**
 * Refused work at head office (decision 0021): the refusals of the reps a user may see (the rep's
 * laptop is a sync client of theirs), read with their content, and handled once by a manager:
 * re-applied (a note or visit report its customer's move had refused) or dismissed with a reason.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Refusal, RefusalStatus } from '../../../shared/contract/refusals.js';
import { msg } from '../../../shared/lib/messages.js';
import { fail, missingCaseError, ok } from '../../../shared/lib/result.js';
import type { Result } from '../../../shared/lib/result.js';
import { mutationArgsSchemas } from '../../../shared/sync/mutations.js';
import type { RefusalHandling } from '../../../shared/sync/records.js';
import { isReapplicable, refusalSummary } from '../../../shared/sync/refusals.js';
import type { ReapplicableMutation } from '../../../shared/sync/refusals.js';
import { customers, mutationOutcomes, notes, products, syncClients, users } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { audit } from '../../lib/audit.js';
import { customerScope, personScope } from '../../lib/scope.js';
import type { Reader } from '../../lib/scope.js';
import { toIso } from '../../lib/time.js';
import { logVisit } from '../visits/index.js';

const rep = alias(users, 'refusal_rep');
const handler = alias(users, 'refusal_handler');

/** Refusals of the reps `reader` may see: a rep their own, a manager their team's, an admin all. */
function refusalScope(reader: Reader): SQL {
  return personScope(syncClients.userId, reader);
}

function statusWhere(status: RefusalStatus): SQL {
  switch (status) {
    case 'open':
      return isNull(mutationOutcomes.handledAction);
    case 'handled':
      return sql`${mutationOutcomes.handledAction} is not null`;
    case 'all':
      return sql`true`;
    default:
      return missingCaseError(status);
  }
}

/**
 * The refusals matching `where` within the reader's scope, newest first, as the contract shapes
 * them: two queries (the refusals, then the products their orders name).
 */
async function selectRefusals(db: DbOrTx, reader: Reader, where: SQL, limit: number): Promise<Refusal[]> {
  const rows = await db
    .select({
      outcome: mutationOutcomes,
      repId: syncClients.userId,
      repName: rep.name,
      handlerName: handler.name,
      // The customer's name today, only when the reader may see that customer now.
      knownCustomerName: sql<string | null>`case when ${customers.id} is not null
        and ${customers.deletedAt} is null and ${customerScope(reader)} then ${customers.name} end`,
      customerLive: sql<boolean>`(${customers.id} is not null and ${customers.deletedAt} is null)`,
    })
    .from(mutationOutcomes)
    .innerJoin(syncClients, eq(syncClients.id, mutationOutcomes.clientId))
    .innerJoin(rep, eq(rep.id, syncClients.userId))
    .leftJoin(handler, eq(handler.id, mutationOutcomes.handledBy))
    .leftJoin(customers, eq(customers.id, mutationOutcomes.customerId))
    .where(and(refusalScope(reader), where))
    .orderBy(desc(mutationOutcomes.at), desc(mutationOutcomes.id))
    .limit(limit);

  const summaries = rows.map((r) => refusalSummary(r.outcome.name, r.outcome.args, r.outcome.detail));
  const productIds = [
    ...new Set(summaries.flatMap((s) => (s.kind === 'order' ? s.lines.map((l) => l.productId) : []))),
  ];
  const productNames = new Map(
    productIds.length === 0
      ? []
      : (
          await db
            .select({ id: products.id, name: products.name })
            .from(products)
            .where(inArray(products.id, productIds))
        ).map((p) => [p.id, p.name] as const),
  );

  return rows.map((r, i) => {
    const o = r.outcome;
    const summary = summaries[i]!;
    const staff = reader.role !== 'rep';
    // The rep who sent it knew the name their laptop held; anyone else only a customer they see now.
    const customerName =
      r.knownCustomerName ?? (r.repId === reader.id ? (o.customerName ?? undefined) : undefined);
    return {
      id: o.id,
      repId: r.repId,
      repName: r.repName,
      at: toIso(o.at),
      name: o.name,
      code: o.code,
      message: o.message,
      ...(o.messageKey === null ? {} : { key: o.messageKey }),
      ...(o.messageParams === null ? {} : { params: o.messageParams }),
      ...(customerName === undefined ? {} : { customerName }),
      summary:
        summary.kind === 'order'
          ? {
              ...summary,
              lines: summary.lines.map((l) => {
                const productName = productNames.get(l.productId);
                return productName === undefined ? l : { ...l, productName };
              }),
            }
          : summary,
      reapplicable: staff && o.handledAction === null && reapplicableKind(o, r.customerLive) !== null,
      ...(o.handledAction === null || o.handledAt === null
        ? {}
        : {
            handled: {
              action: o.handledAction,
              byName: r.handlerName ?? '',
              at: toIso(o.handledAt),
              reason: o.handledReason ?? '',
            },
          }),
    };
  });
}

/**
 * The kind of a refusal that may be re-applied, or null: a note or a visit report, refused
 * because its customer was no longer the rep's (`forbidden`), about a customer that still exists
 * and that the rep's laptop had been sent (the refusal names it), with its content kept.
 */
function reapplicableKind(
  o: typeof mutationOutcomes.$inferSelect,
  customerLive: boolean,
): ReapplicableMutation | null {
  return isReapplicable(o.name) &&
    o.code === 'forbidden' &&
    o.customerName !== null &&
    o.customerId !== null &&
    customerLive &&
    o.args !== null
    ? o.name
    : null;
}

export async function listRefusals(
  db: DbOrTx,
  reader: Reader,
  input: { repId?: string | undefined; status: RefusalStatus; limit: number },
): Promise<Refusal[]> {
  return selectRefusals(
    db,
    reader,
    and(
      statusWhere(input.status),
      input.repId === undefined ? undefined : eq(syncClients.userId, input.repId),
    ) ?? sql`true`,
    input.limit,
  );
}

/** One refusal in the reader's scope, locked for the rest of the transaction; undefined if none. */
async function lockRefusal(tx: Tx, reader: Reader, id: string) {
  const [row] = await tx
    .select({ outcome: mutationOutcomes, repId: syncClients.userId })
    .from(mutationOutcomes)
    .innerJoin(syncClients, eq(syncClients.id, mutationOutcomes.clientId))
    .where(and(eq(mutationOutcomes.id, id), refusalScope(reader)))
    .for('update', { of: mutationOutcomes });
  return row;
}

async function refusalOf(tx: Tx, reader: Reader, id: string): Promise<Result<Refusal>> {
  const [refusal] = await selectRefusals(tx, reader, eq(mutationOutcomes.id, id), 1);
  return refusal === undefined ? fail('not-found', msg('refusal.notFound'), { field: 'id' }) : ok(refusal);
}

async function markHandled(
  tx: Tx,
  id: string,
  handling: { action: RefusalHandling; by: string; reason: string; now: Date },
): Promise<void> {
  await tx
    .update(mutationOutcomes)
    .set({
      handledAction: handling.action,
      handledBy: handling.by,
      handledAt: handling.now,
      handledReason: handling.reason,
      // The rep's laptop holds this refusal at its old version: the next pull sends it again.
      version: sql`${mutationOutcomes.version} + 1`,
    })
    .where(eq(mutationOutcomes.id, id));
}

/**
 * Stores a refused note or visit report at head office as its rep wrote it (the rep stays its
 * author; the customer's current owner reads it as the customer's history). Once: a second call
 * answers the refusal as it stands.
 */
export async function reapplyRefusal(
  tx: Tx,
  request: { id: string; manager: Reader; now: Date },
): Promise<Result<Refusal>> {
  const { id, manager, now } = request;
  const row = await lockRefusal(tx, manager, id);
  if (row === undefined) return fail('not-found', msg('refusal.notFound'), { field: 'id' });
  const o = row.outcome;
  if (o.handledAction === 'reapplied') return refusalOf(tx, manager, id);
  if (o.handledAction === 'dismissed') return fail('conflict', msg('refusal.alreadyDismissed'));
  const [customer] =
    o.customerId === null
      ? []
      : await tx
          .select({ id: customers.id })
          .from(customers)
          .where(and(eq(customers.id, o.customerId), isNull(customers.deletedAt)));
  const kind = reapplicableKind(o, customer !== undefined);
  const [writer] = await tx
    .select({ id: users.id, name: users.name, role: users.role, teamId: users.teamId })
    .from(users)
    .where(eq(users.id, row.repId));
  if (kind === null || writer === undefined) return fail('conflict', msg('refusal.notReapplicable'));

  let entity: 'note' | 'visit';
  let entityId: string;
  switch (kind) {
    case 'note-add': {
      const args = mutationArgsSchemas[kind].safeParse(o.args);
      if (!args.success) return fail('conflict', msg('refusal.notReapplicable'));
      await tx
        .insert(notes)
        .values({
          id: args.data.id,
          customerId: args.data.customerId,
          authorId: writer.id,
          body: args.data.body,
          createdAt: new Date(args.data.createdAt),
          receivedAt: now,
        })
        .onConflictDoNothing();
      // Its id already taken by another note (another customer's, or other words): nothing was
      // stored, so the refusal must stay open rather than read "re-applied".
      const [stored] = await tx
        .select({ customerId: notes.customerId, body: notes.body })
        .from(notes)
        .where(eq(notes.id, args.data.id));
      if (stored?.customerId !== args.data.customerId || stored.body !== args.data.body)
        return fail('conflict', msg('refusal.notReapplicable'));
      [entity, entityId] = ['note', args.data.id];
      break;
    }
    case 'visit-log': {
      const args = mutationArgsSchemas[kind].safeParse(o.args);
      if (!args.success) return fail('conflict', msg('refusal.notReapplicable'));
      const logged = await logVisit(tx, { visit: args.data, writer, now, onBehalf: true });
      if (!logged.ok) return logged;
      [entity, entityId] = ['visit', args.data.id];
      break;
    }
    default:
      return missingCaseError(kind);
  }
  await markHandled(tx, id, { action: 'reapplied', by: manager.id, reason: '', now });
  await audit(
    tx,
    {
      userId: manager.id,
      method: 'refusal-reapply',
      entity,
      entityId,
      details: { refusalId: id, repId: writer.id },
    },
    now,
  );
  return refusalOf(tx, manager, id);
}

/** Sets refused work aside with a reason; kept, with who did it and when. Once. */
export async function dismissRefusal(
  tx: Tx,
  request: { id: string; reason: string; manager: Reader; now: Date },
): Promise<Result<Refusal>> {
  const { id, reason, manager, now } = request;
  const row = await lockRefusal(tx, manager, id);
  if (row === undefined) return fail('not-found', msg('refusal.notFound'), { field: 'id' });
  if (row.outcome.handledAction === 'dismissed') return refusalOf(tx, manager, id);
  if (row.outcome.handledAction === 'reapplied') return fail('conflict', msg('refusal.alreadyReapplied'));
  await markHandled(tx, id, { action: 'dismissed', by: manager.id, reason, now });
  await audit(
    tx,
    {
      userId: manager.id,
      method: 'refusal-dismiss',
      entity: 'refusal',
      entityId: id,
      details: { repId: row.repId, reason },
    },
    now,
  );
  return refusalOf(tx, manager, id);
}
