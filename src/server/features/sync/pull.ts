/**
 * Pull with a per-client view record (CVR): `sync_client_views` holds, for each laptop, the
 * version of every row it was sent. A pull diffs the caller's current scope against that
 * view in SQL, so rows that left the scope become `del`s; no timestamp cursors.
 * The cookie is `sync_clients.view_version`; entries recorded after the client's cookie
 * (a response it never applied) are re-sent in their current state.
 *
 * A download of many pages (a first download: a manager's team is ~300,000 rows) would diff the
 * whole scope again for each page, which grows with the scope: the pages after the first read
 * only the scope after a cursor (the last row the previous page sent, kept with its version),
 * entity by entity, through the index order. Rows behind the cursor that changed meanwhile and
 * rows that left the scope are caught by the last page, which is always a full diff: a page
 * saying `more: false` has compared the whole scope with the view.
 */
import { eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { User } from '../../../shared/domain/user/user.js';
import type { EntityName, PatchOp, PullRequest, PullResponse, PutOp } from '../../../shared/sync/protocol.js';
import { entityNames, isEntityName } from '../../../shared/sync/protocol.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { AuthedContext } from '../../context.js';
import { anyId } from '../../db/sql.js';
import { syncClients, syncClientViews } from '../../db/schema.js';
import type { DbOrTx, Tx } from '../../db/types.js';
import { queryRows } from '../../db/types.js';
import { toIso } from '../../lib/time.js';
import { checkSchemaVersion, ensureClient, lockClient } from './clients.js';
import type { SyncClientRow } from './clients.js';
import type { Scope } from './entities.js';
import { serverEntities } from './entities.js';
import { wakeMarkOf } from './wake.js';

export const DEFAULT_PULL_LIMIT = 5000;

/** Per entity, its scope query (from the registry). */
export const scopeQueries = Object.fromEntries(
  entityNames.map((entity) => [entity, serverEntities[entity].scope]),
) as { readonly [E in EntityName]: (user: Scope, clientId: string) => SQL };

/** (entity, row_id, row_version) of every row the user may hold on this client. */
function scopedRows(user: Scope, clientId: string): SQL {
  return sql.join(
    entityNames.map((entity) => serverEntities[entity].scope(user, clientId)),
    sql`\n    union all\n    `,
  );
}

interface PlannedOp {
  entity: string;
  row_id: string;
  row_version: number | null;
  is_del: boolean;
}

/** Where a multi-page download stands: after `rowId` of `entity` (null: before its first row). */
interface PullCursor {
  entityIndex: number;
  rowId: string | null;
}

async function planOps(
  tx: Tx,
  user: User,
  clientId: string,
  since: number,
  limit: number,
): Promise<PlannedOp[]> {
  // A comparison of two sets of up to hundreds of thousands of rows: hash joins, never a nested
  // loop. The planner cannot know the view's size for this client (a first download fills it
  // faster than statistics follow) and, guessing it small, looped over the scope for each row
  // of it: minutes for a manager's team at scale 3, where hashing takes about a second.
  // On failure the transaction is aborted, and the setting with it: restored only on success.
  await tx.execute(sql`set local enable_nestloop = off`);
  const planned = await fullDiff(tx, user, clientId, since, limit);
  await tx.execute(sql`set local enable_nestloop = on`);
  return planned;
}

function fullDiff(tx: Tx, user: User, clientId: string, since: number, limit: number): Promise<PlannedOp[]> {
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

/**
 * The rows in scope after the cursor that the client does not hold in their current version, in
 * the plan's order, at most `limit + 1`: entity by entity, each read in row order with a limit,
 * so a page costs what it sends rather than the whole scope. Deletions and rows behind the
 * cursor are left to the full diff of the last page.
 */
async function planAfter(
  tx: Tx,
  user: User,
  clientId: string,
  cursor: PullCursor,
  limit: number,
): Promise<PlannedOp[]> {
  const planned: PlannedOp[] = [];
  for (let i = cursor.entityIndex; i < entityNames.length && planned.length <= limit; i += 1) {
    const entity = entityNames[i]!;
    const after =
      i === cursor.entityIndex && cursor.rowId !== null ? sql`s.row_id > ${cursor.rowId}::uuid` : sql`true`;
    const rows = await queryRows<PlannedOp>(
      tx,
      sql`
      select s.entity, s.row_id::text as row_id, s.row_version, false as is_del
        from (${serverEntities[entity].scope(user, clientId)}) s
        where ${after} and not exists (
          select 1 from sync_client_views v
            where v.client_id = ${clientId} and v.entity = s.entity and v.row_id = s.row_id
              and not v.deleted and v.row_version = s.row_version)
        order by s.row_id
        limit ${limit + 1 - planned.length}`,
    );
    planned.push(...rows);
  }
  return planned;
}

/**
 * How many rows the caller's scope holds: what a download from nothing carries, about (one
 * count over the scope queries, once per download, against the whole diff per page it saves).
 */
async function scopeSize(tx: Tx, user: User, clientId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    tx,
    sql`select count(*)::int as n from (${scopedRows(user, clientId)}) s`,
  );
  return Number(row?.n ?? 0);
}

/** The cursor a pull may resume from: kept by the page the client's cookie names, or a reset's start. */
function cursorOf(client: SyncClientRow, cookie: number | null, reset: boolean): PullCursor | null {
  if (reset) return { entityIndex: 0, rowId: null };
  if (cookie === null || client.pullCursorVersion !== cookie || cookie !== client.viewVersion) return null;
  const entityIndex = entityNames.indexOf(client.pullCursorEntity as EntityName);
  return entityIndex < 0 ? null : { entityIndex, rowId: client.pullCursorRowId };
}

/** A page's rows of one entity as puts: one query (orders: two) whatever the number of ids. */
async function loadPuts<E extends EntityName>(db: DbOrTx, entity: E, ids: string[]): Promise<PatchOp[]> {
  if (ids.length === 0) return [];
  const { table, select } = serverEntities[entity];
  const values = await select(db, anyId(table.id, ids));
  // The registry's typing pairs `entity` with its rows; TS cannot follow E into the union.
  return values.map((value) => ({ op: 'put', entity, value }) as Extract<PutOp, { entity: E }>);
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
    // Read before the rows are compared: a write committed after this read is either seen by
    // the comparison or moves the marks past it, so a later wait answers at once (decision 0022).
    const wakeMark = await wakeMarkOf(tx, user);

    // The scope after the cursor while it fills pages; once it does not, the full diff.
    const cursor = cursorOf(client, input.cookie, reset);
    let planned = cursor === null ? [] : await planAfter(tx, user, input.clientId, cursor, limit);
    if (planned.length <= limit) planned = await planOps(tx, user, input.clientId, since, limit);
    const more = planned.length > limit;
    const ops = more ? planned.slice(0, limit) : planned;
    const last = ops.at(-1);
    /** Where the next page resumes (after this page's last row) while there is more. */
    const cursorAt = (version: number) =>
      more && last !== undefined
        ? { pullCursorVersion: version, pullCursorEntity: last.entity, pullCursorRowId: last.row_id }
        : { pullCursorVersion: null, pullCursorEntity: null, pullCursorRowId: null };
    const reported = input.pending === undefined ? {} : { reportedPending: input.pending };
    const base = { lastMid: client.lastMid, reset, serverTime: toIso(now) };
    // Only a page that compared the whole scope may tell a wait that nothing changed since.
    const woken = { wakeMark: more ? null : wakeMark };
    if (ops.length === 0 && !reset) {
      await tx
        .update(syncClients)
        .set({ lastSeenAt: now, ...reported, ...woken, ...cursorAt(client.viewVersion) })
        .where(eq(syncClients.id, input.clientId));
      return ok({ ...base, cookie: client.viewVersion, more: false, patch: [] });
    }

    // After a cookie from the future (head office restored from a backup older than it), the
    // versions restart above it: a cookie this head office issued before the restore can never
    // name a version it issues after it, so a reset answer lost on the way is a reset again.
    const nextVersion = Math.max(client.viewVersion, input.cookie ?? 0) + 1;
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

    // The first page of a long download from nothing says how long it will be, about.
    const total = reset && more ? { downloadTotal: await scopeSize(tx, user, input.clientId) } : {};
    await recordInView(tx, input.clientId, nextVersion, viewRows);
    await tx
      .update(syncClients)
      .set({
        viewVersion: nextVersion,
        lastSeenAt: now,
        ...reported,
        ...woken,
        ...cursorAt(nextVersion),
        ...(reset ? { resetVersion: nextVersion } : {}),
      })
      .where(eq(syncClients.id, input.clientId));
    return ok({ ...base, cookie: nextVersion, more, patch, ...total });
  });
}
