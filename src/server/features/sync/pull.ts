/**
 * Pull with a per-client view record (CVR): `sync_client_views` holds, for each laptop, the
 * version of every row it was sent. A pull diffs the caller's current scope against that
 * view in SQL, so rows that left the scope become `del`s; no timestamp cursors.
 * The cookie is `sync_clients.view_version`; entries recorded after the client's cookie
 * (a response it never applied) are re-sent in their current state.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { User } from '../../../shared/domain/user/user.js';
import type { EntityName, PatchOp, PullRequest, PullResponse, PutOp } from '../../../shared/sync/protocol.js';
import { entityNames } from '../../../shared/sync/protocol.js';
import { fail, missingCaseError, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { AuthedContext } from '../../context.js';
import {
  appointments,
  complaintAttachments,
  complaintEvents,
  complaints,
  conflicts,
  consents,
  contacts,
  customers,
  marketingActions,
  mutationOutcomes,
  notes,
  orders,
  playbooks,
  priceLists,
  prices,
  products,
  syncClients,
  syncClientViews,
  users,
  visits,
} from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { queryRows } from '../../db/types.js';
import { toIso } from '../../lib/time.js';
import { selectComplaintAttachments, selectComplaintEvents } from '../complaints/repo.js';
import { customerScope, selectCustomers, selectNotes } from '../customers/repo.js';
import { playbookScope, selectSyncedPlaybooks } from '../playbook/index.js';
import {
  anyId,
  selectAppointments,
  selectComplaints,
  selectConsents,
  selectContacts,
  selectMarketingActions,
  selectOrders,
  selectPriceLists,
  selectPrices,
  selectProducts,
  selectVisits,
} from '../portfolio/index.js';
import { checkSchemaVersion, ensureClient, lockClient } from './clients.js';

export const DEFAULT_PULL_LIMIT = 5000;

/** The conflicts a user sees: about customers in their scope, or that they lost or kept. */
function conflictScope(user: Pick<User, 'id' | 'role' | 'teamId'>): SQL {
  switch (user.role) {
    case 'admin':
      return sql`true`;
    case 'manager':
    case 'rep': {
      const people =
        user.role === 'manager' && user.teamId !== null
          ? sql`(select ${users.id} from ${users} where ${users.teamId} = ${user.teamId})`
          : sql`(select ${user.id}::uuid)`;
      return sql`(${conflicts.entityId} in (select ${customers.id} from ${customers} where ${customerScope(user)})
        or ${conflicts.lostByUserId} in ${people} or ${conflicts.keptByUserId} in ${people})`;
    }
    default:
      return missingCaseError(user.role);
  }
}

type Scope = Pick<User, 'id' | 'role' | 'teamId'>;

/** A synced table: id, version, tombstone. */
type SyncedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; deletedAt: AnyPgColumn };
/** A table hanging off a customer: its rows follow their customer's scope. */
type CustomerOwnedTable = SyncedTable & { customerId: AnyPgColumn };

function ownedByScopedCustomers(entity: EntityName, table: CustomerOwnedTable, user: Scope): SQL {
  return sql`select ${entity}::text as entity, ${table.id} as row_id, ${table.version} as row_version
      from ${customers} join ${table} on ${table.customerId} = ${customers.id}
      where ${customers.deletedAt} is null and ${customerScope(user)} and ${table.deletedAt} is null`;
}

/** Catalogue rows: every user sees all of them (inactive products too, flagged `active`). */
function everyLiveRow(entity: EntityName, table: SyncedTable): SQL {
  return sql`select ${entity}::text as entity, ${table.id} as row_id, ${table.version} as row_version
      from ${table} where ${table.deletedAt} is null`;
}

/**
 * Per entity, the (entity, row_id, row_version) of every row the user may hold on this
 * client. Typed over EntityName: a new entity without a scope is a compile error.
 */
export const scopeQueries: { readonly [E in EntityName]: (user: Scope, clientId: string) => SQL } = {
  customer: (user) =>
    sql`select 'customer'::text as entity, ${customers.id} as row_id, ${customers.version} as row_version
      from ${customers} where ${customers.deletedAt} is null and ${customerScope(user)}`,
  product: () => everyLiveRow('product', products),
  priceList: () => everyLiveRow('priceList', priceLists),
  price: () => everyLiveRow('price', prices),
  /** Every user holds the newest playbook only (older versions stay at head office). */
  playbook: () => playbookScope(),
  contact: (user) => ownedByScopedCustomers('contact', contacts, user),
  consent: (user) => ownedByScopedCustomers('consent', consents, user),
  note: (user) => ownedByScopedCustomers('note', notes, user),
  order: (user) => ownedByScopedCustomers('order', orders, user),
  appointment: (user) => ownedByScopedCustomers('appointment', appointments, user),
  action: (user) => ownedByScopedCustomers('action', marketingActions, user),
  visit: (user) => ownedByScopedCustomers('visit', visits, user),
  complaint: (user) => ownedByScopedCustomers('complaint', complaints, user),
  complaintEvent: (user) => ownedByScopedCustomers('complaintEvent', complaintEvents, user),
  complaintAttachment: (user) => ownedByScopedCustomers('complaintAttachment', complaintAttachments, user),
  conflict: (user) =>
    sql`select 'conflict'::text as entity, ${conflicts.id} as row_id, 1 as row_version from ${conflicts} where ${conflictScope(user)}`,
  outcome: (_user, clientId) =>
    sql`select 'outcome'::text as entity, ${mutationOutcomes.id} as row_id, 1 as row_version
      from ${mutationOutcomes} where ${mutationOutcomes.clientId} = ${clientId}`,
};

/** (entity, row_id, row_version) of every row the user may hold on this client. */
function scopedRows(user: Scope, clientId: string): SQL {
  return sql.join(
    entityNames.map((entity) => scopeQueries[entity](user, clientId)),
    sql`\n    union all\n    `,
  );
}

interface PlannedOp {
  entity: string;
  row_id: string;
  row_version: number | null;
  is_del: boolean;
}

function isEntityName(name: string): name is EntityName {
  return (entityNames as readonly string[]).includes(name);
}

async function planOps(
  tx: Tx,
  user: User,
  clientId: string,
  since: number,
  limit: number,
): Promise<PlannedOp[]> {
  return queryRows<PlannedOp>(
    tx,
    sql`
    with scoped as (${scopedRows(user, clientId)}),
    view as (select entity, row_id, row_version, deleted, changed_at from sync_client_views where client_id = ${clientId}),
    candidates as (
      select entity, row_id from view where changed_at > ${since}
      union
      select s.entity, s.row_id from scoped s
        left join view v on v.entity = s.entity and v.row_id = s.row_id
        where v.row_id is null or v.deleted or v.row_version <> s.row_version
      union
      select v.entity, v.row_id from view v
        where not v.deleted and not exists (select 1 from scoped s where s.entity = v.entity and s.row_id = v.row_id)
    )
    select c.entity, c.row_id::text as row_id, s.row_version, (s.row_id is null) as is_del
      from candidates c left join scoped s on s.entity = c.entity and s.row_id = c.row_id
      order by array_position(string_to_array(${entityNames.join(',')}::text, ','), c.entity), c.row_id
      limit ${limit + 1}`,
  );
}

/** Wraps loaded rows as puts of one entity. */
function puts<E extends PutOp['entity']>(
  entity: E,
  values: Extract<PutOp, { entity: E }>['value'][],
): PatchOp[] {
  return values.map((value) => ({ op: 'put', entity, value }) as PatchOp);
}

/** One query per entity (orders: two, lines included), whatever the number of ids. */
async function loadPuts(db: DbOrTx, entity: EntityName, ids: string[]): Promise<PatchOp[]> {
  if (ids.length === 0) return [];
  switch (entity) {
    case 'customer':
      return puts(
        entity,
        await selectCustomers(db, and(anyId(customers.id, ids), isNull(customers.deletedAt))),
      );
    case 'product':
      return puts(entity, await selectProducts(db, anyId(products.id, ids)));
    case 'priceList':
      return puts(entity, await selectPriceLists(db, anyId(priceLists.id, ids)));
    case 'price':
      return puts(entity, await selectPrices(db, anyId(prices.id, ids)));
    case 'playbook':
      return puts(entity, await selectSyncedPlaybooks(db, anyId(playbooks.id, ids)));
    case 'contact':
      return puts(entity, await selectContacts(db, anyId(contacts.id, ids)));
    case 'consent':
      return puts(entity, await selectConsents(db, anyId(consents.id, ids)));
    case 'note':
      return puts(entity, await selectNotes(db, and(anyId(notes.id, ids), isNull(notes.deletedAt))));
    case 'order':
      return puts(entity, await selectOrders(db, anyId(orders.id, ids)));
    case 'appointment':
      return puts(entity, await selectAppointments(db, anyId(appointments.id, ids)));
    case 'action':
      return puts(entity, await selectMarketingActions(db, anyId(marketingActions.id, ids)));
    case 'visit':
      return puts(entity, await selectVisits(db, anyId(visits.id, ids)));
    case 'complaint':
      return puts(entity, await selectComplaints(db, anyId(complaints.id, ids)));
    case 'complaintEvent':
      return puts(entity, await selectComplaintEvents(db, anyId(complaintEvents.id, ids)));
    case 'complaintAttachment':
      return puts(entity, await selectComplaintAttachments(db, anyId(complaintAttachments.id, ids)));
    case 'conflict': {
      const rows = await db
        .select()
        .from(conflicts)
        .where(anyId(conflicts.id, ids))
        .orderBy(conflicts.at, conflicts.id);
      return puts(
        entity,
        rows.map((r) => ({
          id: r.id,
          entity: r.entity,
          entityId: r.entityId,
          entityLabel: r.entityLabel,
          field: r.field,
          lostValue: r.lostValue,
          keptValue: r.keptValue,
          lostBy: r.lostBy,
          keptBy: r.keptBy,
          at: toIso(r.at),
        })),
      );
    }
    case 'outcome': {
      const rows = await db
        .select()
        .from(mutationOutcomes)
        .where(anyId(mutationOutcomes.id, ids))
        .orderBy(mutationOutcomes.mid);
      return puts(
        entity,
        rows.map((r) => ({
          id: r.id,
          clientId: r.clientId,
          mid: r.mid,
          name: r.name,
          code: r.code,
          message: r.message,
          ...(r.messageKey === null ? {} : { key: r.messageKey }),
          ...(r.messageParams === null ? {} : { params: r.messageParams }),
          detail: r.detail,
          at: toIso(r.at),
        })),
      );
    }
    default:
      return missingCaseError(entity);
  }
}

interface ViewRow {
  entity: EntityName;
  rowId: string;
  rowVersion: number;
  deleted: boolean;
}

/**
 * Records what was sent in one statement: the rows travel as four text parameters unnested in
 * SQL, rather than thousands of bound parameters (same on PGlite and node-postgres).
 */
async function recordInView(tx: Tx, clientId: string, changedAt: number, rows: ViewRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into sync_client_views (client_id, entity, row_id, row_version, deleted, changed_at)
    select ${clientId}::uuid, t.entity, t.row_id::uuid, t.row_version, t.deleted, ${changedAt}::int
      from unnest(
        string_to_array(${rows.map((r) => r.entity).join(',')}::text, ','),
        string_to_array(${rows.map((r) => r.rowId).join(',')}::text, ','),
        string_to_array(${rows.map((r) => r.rowVersion).join(',')}::text, ',')::int[],
        string_to_array(${rows.map((r) => (r.deleted ? 't' : 'f')).join(',')}::text, ',')::boolean[]
      ) as t(entity, row_id, row_version, deleted)
    on conflict (client_id, entity, row_id) do update
      set row_version = excluded.row_version, deleted = excluded.deleted, changed_at = excluded.changed_at`);
}

export async function pull(input: PullRequest, ctx: AuthedContext): Promise<Result<PullResponse>> {
  const version = checkSchemaVersion(input.schemaVersion);
  if (!version.ok) return version;
  const now = ctx.config.now();
  const user = ctx.principal.user;
  const registered = await ensureClient(ctx.db, input.clientId, user.id, now);
  if (!registered.ok) return registered;
  const limit = input.limit ?? DEFAULT_PULL_LIMIT;

  return ctx.db.transaction(async (tx): Promise<Result<PullResponse>> => {
    const client = await lockClient(tx, input.clientId);
    if (client === undefined)
      return fail('client-forbidden', msg('sync.deviceUnknown'), { field: 'clientId' });
    // Reset when the laptop has no cookie, one head office never issued, or one older than the
    // last reset (whose answer it never applied: its rows are unknown to the view).
    const reset =
      input.cookie === null || input.cookie > client.viewVersion || input.cookie < client.resetVersion;
    if (reset) await tx.delete(syncClientViews).where(eq(syncClientViews.clientId, input.clientId));
    const since = reset ? client.viewVersion : (input.cookie ?? 0);

    const planned = await planOps(tx, user, input.clientId, since, limit);
    const more = planned.length > limit;
    const ops = more ? planned.slice(0, limit) : planned;
    const base = { lastMid: client.lastMid, reset, serverTime: toIso(now) };
    if (ops.length === 0 && !reset) {
      await tx.update(syncClients).set({ lastSeenAt: now }).where(eq(syncClients.id, input.clientId));
      return ok({ ...base, cookie: client.viewVersion, more: false, patch: [] });
    }

    const nextVersion = client.viewVersion + 1;
    const patch: PatchOp[] = [];
    const viewRows: ViewRow[] = [];
    // Rows are loaded entity by entity in the planned order (customers before their notes).
    for (const entity of entityNames) {
      const ofEntity = ops.filter((o) => o.entity === entity);
      const puts = await loadPuts(
        tx,
        entity,
        ofEntity.filter((o) => !o.is_del).map((o) => o.row_id),
      );
      patch.push(...puts);
      const putIds = new Set(puts.map((p) => (p.op === 'put' ? p.value.id : p.id)));
      for (const o of ofEntity) {
        // A planned put whose row vanished meanwhile becomes a del.
        const isPut = !o.is_del && putIds.has(o.row_id);
        if (!isPut) patch.push({ op: 'del', entity, id: o.row_id });
        viewRows.push({
          entity,
          rowId: o.row_id,
          rowVersion: isPut ? Number(o.row_version) : 0,
          deleted: !isPut,
        });
      }
    }
    const unknown = ops.filter((o) => !isEntityName(o.entity));
    if (unknown.length > 0) throw new Error(`Unknown entity in sync view: ${unknown[0]?.entity ?? ''}`);

    await recordInView(tx, input.clientId, nextVersion, viewRows);
    await tx
      .update(syncClients)
      .set({ viewVersion: nextVersion, lastSeenAt: now, ...(reset ? { resetVersion: nextVersion } : {}) })
      .where(eq(syncClients.id, input.clientId));
    return ok({ ...base, cookie: nextVersion, more, patch });
  });
}
