/**
 * Wake-ups (decision 0022): a laptop keeps one long request open (`sync-wait`) that head office
 * answers `changed: true` as soon as what the laptop holds may have changed, so that it pulls
 * within seconds of someone else's write instead of at its next periodic sync.
 *
 * What changed is told by `sync_change_marks`: a counter per person whose laptops may hold the
 * rows written (the customer's owner, a conflict's people; the nil uuid for rows everyone
 * holds), bumped by triggers in the writing transaction (migration 0021). A pull that compares
 * the whole scope records the sum of the marks over the caller's scope (`wake_mark`); a wait
 * that finds another sum answers at once, otherwise it waits for a mark of its scope to move.
 * Each head-office process reads the marks table once per poll interval while anyone waits,
 * whatever the number of waits: a few hundred rows, one per person.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/types.js';
import { syncChangeMarks, syncClients, users } from '../../db/schema.js';
import { fail, missingCaseError, ok } from '../../../shared/lib/result.js';
import type { Result } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { WaitRequest, WaitResponse } from '../../../shared/sync/protocol.js';
import type { AuthedContext } from '../../context.js';
import type { Scope } from './entities.js';

/** The mark of rows every user holds (catalogue, playbook). */
export const EVERYONE_MARK = '00000000-0000-0000-0000-000000000000';

/** Whose marks may change what a user holds: every mark (admin) or these people's. */
export type MarkKeys = { kind: 'all' } | { kind: 'some'; ids: ReadonlySet<string> };

export async function markKeysOf(db: DbOrTx, user: Scope): Promise<MarkKeys> {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'rep':
      return { kind: 'some', ids: new Set([user.id, EVERYONE_MARK]) };
    case 'manager': {
      const team =
        user.teamId === null
          ? []
          : await db.select({ id: users.id }).from(users).where(eq(users.teamId, user.teamId));
      return { kind: 'some', ids: new Set([user.id, EVERYONE_MARK, ...team.map((u) => u.id)]) };
    }
    default:
      return missingCaseError(user.role);
  }
}

function covers(keys: MarkKeys, ownerId: string): boolean {
  return keys.kind === 'all' || keys.ids.has(ownerId);
}

/** The current marks of a user's scope, by person. */
export async function readMarks(db: DbOrTx, keys: MarkKeys): Promise<Map<string, number>> {
  const query = db
    .select({ ownerId: syncChangeMarks.ownerId, counter: syncChangeMarks.counter })
    .from(syncChangeMarks);
  const rows = await (keys.kind === 'all'
    ? query
    : query.where(inArray(syncChangeMarks.ownerId, [...keys.ids])));
  return new Map(rows.map((r) => [r.ownerId, Number(r.counter)]));
}

export function sumOf(marks: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const counter of marks.values()) sum += counter;
  return sum;
}

/** The sum of the marks over a user's scope, as a pull records it. */
export async function wakeMarkOf(db: DbOrTx, user: Scope): Promise<number> {
  return sumOf(await readMarks(db, await markKeysOf(db, user)));
}

export interface SyncWaitTimings {
  /** How long a wait lasts without a change (under any proxy's and the laptop's timeout). */
  waitMs: number;
  /** How often a process reads the marks while someone waits. */
  pollMs: number;
}

export const defaultSyncWaitTimings: SyncWaitTimings = { waitMs: 25_000, pollMs: 1_000 };

interface Waiter {
  keys: MarkKeys;
  baseline: ReadonlyMap<string, number>;
  timeout: ReturnType<typeof setTimeout>;
  resolve: (changed: boolean) => void;
}

/** The open waits of one head-office process, and the one loop that reads the marks for them. */
export class SyncWaits {
  private readonly waiters = new Set<Waiter>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;
  private closed = false;
  /** Reads of the marks table so far (diagnostics and tests: one per interval, not per wait). */
  polls = 0;

  constructor(
    private readonly db: Db,
    readonly timings: SyncWaitTimings = defaultSyncWaitTimings,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  get size(): number {
    return this.waiters.size;
  }

  /** True as soon as a mark of `keys` goes past `baseline`; false after `waitMs` or on close. */
  wait(keys: MarkKeys, baseline: ReadonlyMap<string, number>): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        keys,
        baseline,
        resolve,
        timeout: setTimeout(() => this.settle(waiter, false), this.timings.waitMs),
      };
      this.waiters.add(waiter);
      this.schedulePoll();
    });
  }

  /** Answers every open wait (`changed: false`: the laptop asks again, maybe elsewhere). */
  close(): void {
    this.closed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of [...this.waiters]) this.settle(waiter, false);
  }

  private settle(waiter: Waiter, changed: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timeout);
    waiter.resolve(changed);
    if (this.waiters.size === 0 && this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private schedulePoll(): void {
    if (this.closed || this.timer !== null || this.polling || this.waiters.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.poll();
    }, this.timings.pollMs);
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      this.polls += 1;
      const marks = await readMarks(this.db, { kind: 'all' });
      for (const waiter of [...this.waiters]) {
        for (const [ownerId, counter] of marks) {
          if (covers(waiter.keys, ownerId) && counter > (waiter.baseline.get(ownerId) ?? 0)) {
            this.settle(waiter, true);
            break;
          }
        }
      }
    } catch (error) {
      // A lost connection: the waits go on, and their own timeout answers them if it lasts.
      this.onError(error);
    } finally {
      this.polling = false;
      this.schedulePoll();
    }
  }
}

/** `sync-wait`: answers at once when the laptop is behind, else waits for a mark of its scope. */
export async function syncWait(input: WaitRequest, ctx: AuthedContext): Promise<Result<WaitResponse>> {
  const user = ctx.principal.user;
  const [client] = await ctx.db
    .select({
      userId: syncClients.userId,
      viewVersion: syncClients.viewVersion,
      wakeMark: syncClients.wakeMark,
    })
    .from(syncClients)
    .where(eq(syncClients.id, input.clientId));
  // A laptop head office does not know yet registers by pulling.
  if (client === undefined) return ok({ changed: true });
  if (client.userId !== user.id)
    return fail('client-forbidden', msg('sync.deviceOfAnother'), { field: 'clientId' });
  if (input.cookie !== client.viewVersion || client.wakeMark === null) return ok({ changed: true });
  const keys = await markKeysOf(ctx.db, user);
  const marks = await readMarks(ctx.db, keys);
  if (sumOf(marks) !== Number(client.wakeMark)) return ok({ changed: true });
  if (ctx.syncWaits === undefined) return ok({ changed: false });
  return ok({ changed: await ctx.syncWaits.wait(keys, marks) });
}
