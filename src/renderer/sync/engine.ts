/**
 * The sync client: pushes the outbox, pulls server changes, rebases pending local writes.
 * Framework-free; React reads it through `subscribe` / `getStatus` (useSyncExternalStore).
 *
 * Rules (ARCHITECTURE.md, "Sync protocol"):
 * - push in mid order, ≤ MAX_PUSH_BATCH per request, always resending the same mid/mutationId;
 * - each pull response is applied in ONE transaction (reset, patch, cookie, lastMid, outbox
 *   trim, rebase);
 * - only TransportError (network, 5xx) is retried, with exponential backoff + full jitter;
 * - a lost session never deletes local data or the outbox;
 * - while online and signed in, one long request (`sync-wait`) stays open, and the engine pulls
 *   when head office answers that what this laptop holds may have changed (decision 0022); the
 *   periodic sync stays as the safety net.
 */
import type { Output } from '../../shared/contract/index.js';
import type { Transport } from '../../shared/contract/transport.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { AppError, ErrorCode, Result } from '../../shared/lib/result.js';
import { missingCaseError } from '../../shared/lib/result.js';
import { MAX_PUSH_BATCH, SCHEMA_VERSION, limitPushBatch } from '../../shared/sync/protocol.js';
import type { EntityName, EntityRow, PatchOp, PullResponse } from '../../shared/sync/protocol.js';
import { entityNames } from '../../shared/sync/protocol.js';
import type { Table } from 'dexie';
import type { AppDB } from '../db/AppDB.js';
import type { BackoffOptions } from './backoff.js';
import { backoffDelay, defaultBackoff } from './backoff.js';
import type { Clock, TimerHandle } from './clock.js';
import { systemClock } from './clock.js';
import type { MutatorContext } from './mutation.js';
import { dropOrphanAttachmentBlobs, dropRefusedLocalRows, rebasePending } from './registry.js';
import { isQuotaError, StorageFullError } from './storage.js';

export { isQuotaError, StorageFullError } from './storage.js';

/** Error codes the sync indicator can show: head office's codes plus local ones. */
export type SyncErrorCode = ErrorCode | 'storage-full';

export type SyncState = 'offline' | 'syncing' | 'idle' | 'error';

export interface SyncStatus {
  state: SyncState;
  /** Outbox entries not yet acknowledged by head office. */
  pending: number;
  lastSyncAt: string | null;
  error?: SyncErrorCode;
  /** During a multi-page pull (first download): how far it is; else null. */
  download: DownloadStatus | null;
}

/** A multi-page download as it stands after a page (decision 0026). */
export interface DownloadStatus {
  /** Ops applied so far. */
  received: number;
  pages: number;
  /**
   * About how many ops the download carries (head office's estimate on the first page, raised to
   * what arrived when the estimate was low); null when head office did not say.
   */
  total: number | null;
  /** 0–99 while pages remain (never 100 before the end, whatever the estimate); null without total. */
  percent: number | null;
  /** Seconds left at the rate so far; null without a total or a rate. */
  secondsLeft: number | null;
}

/** What the rep is shown of a download: `received` of about `total`, at the rate so far. */
export function downloadStatus(
  received: number,
  pages: number,
  estimate: number | null,
  elapsedMs: number,
): DownloadStatus {
  if (estimate === null) return { received, pages, total: null, percent: null, secondsLeft: null };
  // Rows written at head office during the download may pass its estimate: never "120 %".
  const total = Math.max(estimate, received);
  const percent = total === 0 ? 0 : Math.min(99, Math.floor((received / total) * 100));
  const secondsLeft =
    received > 0 && elapsedMs > 0 ? Math.ceil((((total - received) / received) * elapsedMs) / 1000) : null;
  return { received, pages, total, percent, secondsLeft };
}

/** Ops per pull page: small enough to apply in one quick transaction, big enough to be fast. */
export const PULL_PAGE_LIMIT = 5_000;

export type SyncEvent =
  { type: 'signed-out'; code: ErrorCode } | { type: 'app-outdated' } | { type: 'synced'; at: string };

export interface SyncTimings {
  debounceMs: number;
  periodicMs: number;
  offlineProbeMs: number;
  backoff: BackoffOptions;
}

export const defaultTimings: SyncTimings = {
  debounceMs: 300,
  periodicMs: 60_000,
  offlineProbeMs: 5_000,
  backoff: defaultBackoff,
};

export interface Logger {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
}

type EventTargetLike = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

export interface SyncEngineOptions {
  db: AppDB;
  transport: Transport;
  /** Real reachability probe (GET /health or the bridge's probe); navigator.onLine can lie. */
  probe: () => Promise<boolean>;
  /**
   * The signed-in user; `maxDiscountBp` (their discount limit) decides, when pending orders are
   * re-applied after a pull, whether a local order shows "needs approval" (absent: default 10 %).
   */
  user: { id: string; name: string; maxDiscountBp?: number | undefined };
  clock?: Clock;
  random?: () => number;
  /** Where 'online'/'offline' events come from; null to ignore them (tests). */
  connectivity?: EventTargetLike | null;
  timings?: Partial<SyncTimings>;
  log?: Logger;
  /** Ops per pull page; PULL_PAGE_LIMIT unless a test says otherwise. */
  pullPageLimit?: number;
}

/** What a proxy or load balancer answers while the head office behind it is down. */
const GATEWAY_DOWN: ReadonlySet<number> = new Set([502, 503, 504]);

/** A business answer that ends this sync attempt (not retried with backoff). */
class SyncStop extends Error {
  constructor(readonly appError: AppError) {
    super(`${appError.code}: ${appError.message}`);
    this.name = 'SyncStop';
  }
}

const signedOutCodes: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'unauthenticated',
  'session-revoked',
  'session-expired',
]);

const consoleLogger: Logger = {
  info: (m, d) => console.info(`[sync] ${m}`, d ?? ''),
  warn: (m, d) => console.warn(`[sync] ${m}`, d ?? ''),
  error: (m, d) => console.error(`[sync] ${m}`, d ?? ''),
};

export class SyncEngine {
  private readonly db: AppDB;
  private readonly transport: Transport;
  private readonly probe: () => Promise<boolean>;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly connectivity: EventTargetLike | null;
  private readonly timings: SyncTimings;
  private readonly log: Logger;
  private readonly ctx: MutatorContext;

  private status: SyncStatus = { state: 'idle', pending: 0, lastSyncAt: null, download: null };
  private readonly pullPageLimit: number;
  private readonly statusListeners = new Set<(status: SyncStatus) => void>();
  private readonly eventListeners = new Set<(event: SyncEvent) => void>();

  private clientId: string | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  /** Set after app-outdated or a lost session: no automatic sync until a new engine. */
  private halted = false;
  /** Consecutive TransportErrors; drives the backoff. */
  private attempt = 0;
  /** A `sync-wait` is in flight (never two at once). */
  private waiting = false;
  /** Consecutive failed waits; drives their own backoff. */
  private waitAttempt = 0;
  /** Syncs completed so far: a wait answered after a sync began than it was sent is stale. */
  private syncsCompleted = 0;
  /** Set when acknowledged writes went back to the outbox during this sync (decision 0020). */
  private requeued = false;

  private debounceTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private periodicTimer: TimerHandle | null = null;
  private probeTimer: TimerHandle | null = null;
  private waitTimer: TimerHandle | null = null;

  /** Delays chosen for retries, newest last (read by tests and diagnostics). */
  readonly retryDelays: number[] = [];

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.transport = options.transport;
    this.probe = options.probe;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.connectivity =
      options.connectivity === undefined
        ? typeof window === 'undefined'
          ? null
          : window
        : options.connectivity;
    this.timings = { ...defaultTimings, ...options.timings };
    this.log = options.log ?? consoleLogger;
    this.pullPageLimit = options.pullPageLimit ?? PULL_PAGE_LIMIT;
    this.ctx = {
      userId: options.user.id,
      userName: options.user.name,
      ...(options.user.maxDiscountBp === undefined ? {} : { maxDiscountBp: options.user.maxDiscountBp }),
      now: () => new Date(this.clock.now()).toISOString(),
    };
  }

  // ---- public API -------------------------------------------------------------------------

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: (status: SyncStatus) => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  };

  onEvent(listener: (event: SyncEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  /** Loads the local state, listens for connectivity, schedules periodic syncs, syncs once. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.clientId = await this.db.ensureClientId();
    const lastSyncAt = (await this.db.getMeta('lastSyncAt')) ?? null;
    this.setStatus({ pending: await this.db.outbox.count(), lastSyncAt });
    this.connectivity?.addEventListener('online', this.handleOnline);
    this.connectivity?.addEventListener('offline', this.handleOffline);
    this.schedulePeriodic();
    await this.requestSync();
  }

  /** Removes every listener and timer. Local data is untouched. */
  stop(): void {
    this.started = false;
    this.connectivity?.removeEventListener('online', this.handleOnline);
    this.connectivity?.removeEventListener('offline', this.handleOffline);
    this.clearTimers();
  }

  /** "Sync now": resets the backoff and syncs at once (joins a sync already running). */
  syncNow(): Promise<void> {
    this.attempt = 0;
    this.clearTimer('retryTimer');
    return this.requestSync();
  }

  /** Call after any local write: refreshes the pending count and syncs ~300 ms later. */
  notifyLocalChange(): void {
    void this.refreshPending();
    this.clearTimer('debounceTimer');
    this.debounceTimer = this.clock.setTimeout(() => {
      this.debounceTimer = null;
      void this.requestSync();
    }, this.timings.debounceMs);
  }

  /**
   * The one way a screen writes locally: runs `mutator` (its transaction writes the rows and the
   * outbox entry) for this user, turns a full disk into `StorageFullError` and the
   * 'storage-full' state, refreshes the pending count and syncs shortly after.
   */
  async write<I extends unknown[], R>(
    mutator: (db: AppDB, ctx: MutatorContext, ...input: I) => Promise<R>,
    ...input: I
  ): Promise<R> {
    const result = await this.guardStorage(() => mutator(this.db, this.ctx, ...input));
    await this.refreshPending();
    this.notifyLocalChange();
    return result;
  }

  // ---- the sync itself ----------------------------------------------------------------------

  private requestSync(): Promise<void> {
    if (this.halted) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = this.runLoop().finally(() => {
      this.running = null;
    });
    this.running = run;
    return run;
  }

  private async runLoop(): Promise<void> {
    do {
      this.again = false;
      const ok = await this.runOnce();
      if (!ok) return;
    } while (this.again && !this.halted);
  }

  /** One push + pull. Returns false when it failed (a retry is scheduled when it makes sense). */
  private async runOnce(): Promise<boolean> {
    this.setStatus({ state: 'syncing' });
    try {
      const clientId = this.clientId ?? (await this.db.ensureClientId());
      this.clientId = clientId;
      this.requeued = false;
      await this.push(clientId);
      await this.pull(clientId);
      if (this.requeued) {
        // Head office was restored from a backup older than writes it had acknowledged: they
        // are back in the outbox (settleAcknowledged); send them now, then pull what they made.
        this.requeued = false;
        await this.push(clientId);
        await this.pull(clientId);
      }
      await this.sendLocale();
      const at = new Date(this.clock.now()).toISOString();
      await this.db.setMeta('lastSyncAt', at);
      this.attempt = 0;
      this.clearTimer('retryTimer');
      this.clearTimer('probeTimer');
      this.setStatus({
        state: 'idle',
        lastSyncAt: at,
        error: undefined,
        pending: await this.db.outbox.count(),
      });
      this.emit({ type: 'synced', at });
      this.syncsCompleted += 1;
      this.startWaiting();
      return true;
    } catch (error) {
      await this.handleFailure(error);
      return false;
    }
  }

  private async push(clientId: string): Promise<void> {
    let gapRetries = 0;
    for (;;) {
      // Cut by size too: a complaint's attachments travel in base64.
      const batch = limitPushBatch(await this.db.pendingMutations(MAX_PUSH_BATCH));
      const first = batch[0];
      const last = batch[batch.length - 1];
      if (!first || !last) return;
      const result = await this.transport.invoke('sync-push', {
        clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: batch,
      });
      if (!result.ok) {
        if (result.error.code === 'mutation-gap' && gapRetries < 2) {
          gapRetries += 1;
          this.log.warn('mutation gap: pulling to learn lastMid, then pushing again', result.error);
          await this.pull(clientId);
          await this.renumberAfterGap();
          continue;
        }
        throw new SyncStop(result.error);
      }
      await this.acknowledge(result.value.lastMid);
      await this.refreshPending();
      // Head office processed nothing of this batch: stop rather than loop; pull follows.
      if (result.value.lastMid < first.mid) return;
      if (result.value.lastMid < last.mid) {
        this.log.warn('head office processed part of the batch', {
          sent: [first.mid, last.mid],
          lastMid: result.value.lastMid,
        });
      }
    }
  }

  /** Settles the entries head office has processed (applied or refused), in one transaction. */
  private async acknowledge(lastMid: number): Promise<void> {
    const db = this.db;
    const requeued = await db.transaction('rw', [db.outbox, db.acknowledged, db.meta], () =>
      settleAcknowledged(db, lastMid, this.clock.now(), this.log),
    );
    if (requeued > 0) this.requeued = true;
  }

  /**
   * After a gap, head office's lastMid is known (from the pull). Entries it never saw are
   * renumbered to follow it: safe because it refuses a whole batch on a gap, so none of them
   * was processed; their mutationIds stay the same.
   */
  private async renumberAfterGap(): Promise<void> {
    await this.db.transaction('rw', [this.db.outbox, this.db.meta], async () => {
      const lastMid = (await this.db.getMeta('lastMid')) ?? 0;
      const pending = await this.db.pendingMutations();
      const first = pending[0];
      if (!first || first.mid === lastMid + 1) return;
      this.log.warn('renumbering pending mutations after a gap', { from: first.mid, to: lastMid + 1 });
      await this.db.outbox.clear();
      await this.db.outbox.bulkAdd(pending.map((entry, i) => ({ ...entry, mid: lastMid + 1 + i })));
      await this.db.setMeta('nextMid', lastMid + 1 + pending.length);
    });
  }

  /**
   * Pulls page by page (`PULL_PAGE_LIMIT` ops each) until head office has nothing more. Each
   * page is applied with its cookie, so an interrupted download resumes from the last page
   * applied. While more than one page comes, `status.download` counts what arrived.
   *
   * The next page is asked for while this one is written, so head office's work and the
   * laptop's overlap. That is safe: pages are applied in order, each only after the one before,
   * and a laptop that stops before applying a page asks again with the cookie it holds, for
   * which head office sends again what it recorded after it.
   */
  private async pull(clientId: string): Promise<void> {
    let received = 0;
    let pages = 0;
    let estimate: number | null = null;
    const startedAt = this.clock.now();
    const ask = (cookie: number | null, pending: number) => {
      const asked = this.transport.invoke('sync-pull', {
        clientId,
        schemaVersion: SCHEMA_VERSION,
        cookie,
        limit: this.pullPageLimit,
        pending,
      });
      // Handled here, so that a page asked for ahead and then dropped is no unhandled failure;
      // awaiting it below still throws.
      asked.catch(() => undefined);
      return asked;
    };
    let next = ask((await this.db.getMeta('cookie')) ?? null, await this.db.outbox.count());
    try {
      for (let round = 0; round < 10_000; round += 1) {
        const result = await next;
        if (!result.ok) throw new SyncStop(result.error);
        const page = result.value;
        if (page.more) {
          // What will still wait once this page's acknowledgements are applied; read before
          // the page's transaction, which would hold the outbox.
          const pending = await this.db.outbox.where('mid').above(page.lastMid).count();
          next = ask(page.cookie, pending);
        }
        // If this fails, the page asked for ahead is dropped: head office sends it again.
        await this.applyPull(page);
        received += page.patch.length;
        pages += 1;
        if (!page.more) return;
        estimate = page.downloadTotal ?? estimate;
        this.setStatus({
          download: downloadStatus(received, pages, estimate, this.clock.now() - startedAt),
        });
      }
    } finally {
      if (this.status.download !== null) this.setStatus({ download: null });
    }
  }

  /** One pull response, one transaction: nobody ever sees half of it. */
  private async applyPull(response: PullResponse): Promise<void> {
    const db = this.db;
    await this.guardStorage(() =>
      db.transaction(
        'rw',
        [
          ...entityNames.map((e) => db.serverTables()[e]),
          db.outbox,
          db.acknowledged,
          db.meta,
          db.attachmentBlobs,
        ],
        async () => {
          if (response.reset) {
            const tables = db.serverTables();
            await Promise.all(entityNames.map((e) => tables[e].clear()));
          }
          await applyPatch(db, response.patch);
          await db.setMeta('cookie', response.cookie);
          await db.setMeta('lastPullAt', response.serverTime);
          const requeued = await settleAcknowledged(db, response.lastMid, this.clock.now(), this.log);
          if (requeued > 0) this.requeued = true;
          // Writes sent again (head office restored) are re-applied here with the pending ones,
          // so a reset does not take their rows off the laptop while they travel again.
          await rebasePending(db, this.ctx);
          if (!response.more && ((await db.getMeta('unconfirmedWrites')) === true || response.reset)) {
            await dropRefusedLocalRows(db);
            await db.setMeta('unconfirmedWrites', false);
          }
          if (!response.more) await dropOrphanAttachmentBlobs(db);
        },
      ),
    );
    await this.refreshPending();
  }

  /** Sends a language chosen on this laptop (best effort; retried at the next sync). */
  private async sendLocale(): Promise<void> {
    const locale = await this.db.getMeta('localeToSend');
    if (!locale) return;
    const result = await this.transport.invoke('user-set-locale', { locale });
    if (!result.ok) {
      if (signedOutCodes.has(result.error.code)) throw new SyncStop(result.error);
      this.log.warn('head office refused the language', result.error);
    }
    await this.db.setMeta('localeToSend', null);
  }

  // ---- waiting for head office to say something changed ---------------------------------------

  /** Opens the long poll unless one is open or due, or the engine is offline, stopped or halted. */
  private startWaiting(): void {
    if (!this.started || this.halted || this.waiting || this.waitTimer !== null) return;
    if (this.status.state === 'offline') return;
    this.waiting = true;
    void this.waitOnce()
      .catch((error: unknown) => this.log.error('waiting for changes failed', error))
      .finally(() => {
        this.waiting = false;
      })
      .then((next) => this.afterWait(next ?? 'stop'));
  }

  /** One `sync-wait`: what to do next. */
  private async waitOnce(): Promise<'again' | 'sync' | 'retry' | 'stop'> {
    const syncsBefore = this.syncsCompleted;
    const clientId = this.clientId ?? (await this.db.ensureClientId());
    // Without a cookie nothing was pulled yet: the first sync opens the wait after it.
    const cookie = (await this.db.getMeta('cookie')) ?? null;
    if (cookie === null) return 'stop';
    let result: Result<Output<'sync-wait'>>;
    try {
      result = await this.transport.invoke('sync-wait', { clientId, cookie });
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      this.log.info(`waiting for changes: head office unreachable (${error.message})`);
      return 'retry';
    }
    if (!result.ok) {
      if (signedOutCodes.has(result.error.code)) {
        await this.handleFailure(new SyncStop(result.error));
        return 'stop';
      }
      this.log.warn('head office refused to wait for changes', result.error);
      return 'retry';
    }
    // A sync since the wait was sent already pulled what it announces (often this laptop's own
    // push): wait again, against the cookie that sync left.
    if (!result.value.changed || this.syncsCompleted !== syncsBefore) return 'again';
    return 'sync';
  }

  private afterWait(next: 'again' | 'sync' | 'retry' | 'stop'): void {
    if (!this.started || this.halted) return;
    switch (next) {
      case 'again':
        this.waitAttempt = 0;
        this.startWaiting();
        return;
      case 'sync':
        this.waitAttempt = 0;
        // Its success opens the next wait.
        void this.requestSync();
        return;
      case 'retry': {
        this.waitAttempt += 1;
        const delay = backoffDelay(this.waitAttempt, this.random, this.timings.backoff);
        this.waitTimer = this.clock.setTimeout(() => {
          this.waitTimer = null;
          this.startWaiting();
        }, delay);
        return;
      }
      case 'stop':
        return;
      default:
        missingCaseError(next);
    }
  }

  // ---- failures, retries, timers ------------------------------------------------------------

  private async handleFailure(error: unknown): Promise<void> {
    const pending = await this.db.outbox.count().catch(() => this.status.pending);
    if (error instanceof TransportError) {
      this.attempt += 1;
      const delay = backoffDelay(this.attempt, this.random, this.timings.backoff);
      this.retryDelays.push(delay);
      // No answer, or a gateway's answer for a head office behind it that is down: unreachable,
      // the same as offline (probed, not failed). Head office's own 500 is a failure.
      const offline = error.status === null || GATEWAY_DOWN.has(error.status);
      this.log.info(`head office unreachable (${error.message}); retry in ${delay} ms`);
      this.setStatus({
        state: offline ? 'offline' : 'error',
        error: offline ? undefined : 'internal',
        pending,
      });
      this.scheduleRetry(delay);
      if (offline) this.startProbing();
      return;
    }
    if (error instanceof SyncStop) {
      const { code } = error.appError;
      this.log.warn(`sync stopped: ${code}`, error.appError);
      this.setStatus({ state: 'error', error: code, pending });
      if (signedOutCodes.has(code)) {
        this.halt();
        this.emit({ type: 'signed-out', code });
      } else if (code === 'app-outdated') {
        this.halt();
        this.emit({ type: 'app-outdated' });
      }
      // Other business errors wait for the periodic sync or "sync now".
      return;
    }
    if (isQuotaError(error)) {
      this.log.error('local storage is full', error);
      this.setStatus({ state: 'error', error: 'storage-full', pending });
      return;
    }
    this.log.error('sync failed unexpectedly', error);
    this.setStatus({ state: 'error', error: 'internal', pending });
  }

  private halt(): void {
    this.halted = true;
    this.clearTimers();
  }

  private scheduleRetry(delay: number): void {
    this.clearTimer('retryTimer');
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      void this.requestSync();
    }, delay);
  }

  private schedulePeriodic(): void {
    this.clearTimer('periodicTimer');
    this.periodicTimer = this.clock.setTimeout(() => {
      this.periodicTimer = null;
      if (!this.started || this.halted) return;
      this.schedulePeriodic();
      if (this.status.state !== 'offline') void this.requestSync();
    }, this.timings.periodicMs);
  }

  /** While offline, asks head office every few seconds whether it is back. */
  private startProbing(): void {
    if (this.probeTimer !== null || this.halted) return;
    this.probeTimer = this.clock.setTimeout(() => {
      this.probeTimer = null;
      if (this.halted || this.status.state !== 'offline') return;
      this.probe()
        .catch(() => false)
        .then((reachable) => {
          if (reachable && this.status.state === 'offline') {
            this.attempt = 0;
            return this.requestSync();
          }
          return undefined;
        })
        .finally(() => {
          if (this.status.state === 'offline') this.startProbing();
        })
        .catch((e: unknown) => this.log.error('probe failed', e));
    }, this.timings.offlineProbeMs);
  }

  private readonly handleOnline = (): void => {
    this.attempt = 0;
    this.clearTimer('retryTimer');
    void this.requestSync();
  };

  private readonly handleOffline = (): void => {
    if (this.halted) return;
    this.setStatus({ state: 'offline', error: undefined });
    this.startProbing();
  };

  private clearTimer(
    name: 'debounceTimer' | 'retryTimer' | 'periodicTimer' | 'probeTimer' | 'waitTimer',
  ): void {
    const handle = this[name];
    if (handle !== null) this.clock.clearTimeout(handle);
    this[name] = null;
  }

  private clearTimers(): void {
    this.clearTimer('debounceTimer');
    this.clearTimer('retryTimer');
    this.clearTimer('periodicTimer');
    this.clearTimer('probeTimer');
    this.clearTimer('waitTimer');
  }

  private async guardStorage<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (isQuotaError(error)) {
        this.setStatus({ state: 'error', error: 'storage-full' });
        throw new StorageFullError(error);
      }
      throw error;
    }
  }

  private async refreshPending(): Promise<void> {
    const pending = await this.db.outbox.count();
    if (pending !== this.status.pending) this.setStatus({ pending });
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    const next: SyncStatus = { ...this.status, ...patch };
    if (next.error === undefined) delete next.error;
    this.status = next;
    for (const listener of this.statusListeners) listener(next);
  }

  private emit(event: SyncEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}

/** How long a write head office acknowledged is kept on the laptop (decision 0020). */
export const ACKNOWLEDGED_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Head office has processed every mid up to `lastMid`: those entries leave the outbox for
 * `acknowledged`, where they stay ACKNOWLEDGED_RETENTION_DAYS. When head office reports a lower
 * lastMid than it once acknowledged, it was restored from a backup taken before those writes:
 * the ones it forgot go back to the outbox, under their mids and mutationIds, ahead of the
 * pending ones, to be sent again. Returns how many went back. Runs inside a transaction over
 * outbox, acknowledged and meta.
 */
export async function settleAcknowledged(
  db: AppDB,
  lastMid: number,
  now: number,
  log: Logger,
): Promise<number> {
  const known = (await db.getMeta('lastMid')) ?? 0;
  let requeued = 0;
  if (lastMid < known) {
    const forgotten = await db.acknowledged.where('mid').above(lastMid).sortBy('mid');
    await db.acknowledged.where('mid').above(lastMid).delete();
    await db.outbox.bulkPut(forgotten.map(({ acknowledgedAt: _, ...entry }) => entry));
    requeued = forgotten.length;
    const first = forgotten[0]?.mid;
    log.warn('head office forgot writes it had acknowledged (restored from a backup): sending them again', {
      headOfficeLastMid: lastMid,
      acknowledgedUpTo: known,
      resent: requeued,
    });
    if (first !== lastMid + 1 && known > lastMid) {
      // Older than the retention: gone from this laptop too. The rest is renumbered on the gap.
      log.error('some writes head office forgot are older than what this laptop keeps', {
        missing: [lastMid + 1, (first ?? known + 1) - 1],
      });
    }
  }
  const done = await db.outbox.where('mid').belowOrEqual(lastMid).toArray();
  if (done.length > 0) {
    // Kept in meta, in this transaction: an app closed before the next complete pull still
    // checks its optimistic rows then.
    await db.setMeta('unconfirmedWrites', true);
    const at = new Date(now).toISOString();
    await db.acknowledged
      .where('mutationId')
      .anyOf(done.map((e) => e.mutationId))
      .delete();
    await db.acknowledged.bulkPut(done.map((entry) => ({ ...entry, acknowledgedAt: at })));
    await db.outbox.bulkDelete(done.map((e) => e.mid));
  }
  await db.acknowledged
    .where('acknowledgedAt')
    .below(new Date(now - ACKNOWLEDGED_RETENTION_DAYS * DAY_MS).toISOString())
    .delete();
  await db.setMeta('lastMid', lastMid);
  const nextMid = (await db.getMeta('nextMid')) ?? 1;
  if (nextMid <= lastMid) await db.setMeta('nextMid', lastMid + 1);
  return requeued;
}

/** Applies ops in order, batching consecutive puts/deletes of the same entity. */
async function applyPatch(db: AppDB, patch: readonly PatchOp[]): Promise<void> {
  const tables = db.serverTables();
  let i = 0;
  while (i < patch.length) {
    const op = patch[i];
    if (!op) break;
    let j = i + 1;
    while (j < patch.length && patch[j]?.op === op.op && patch[j]?.entity === op.entity) j += 1;
    const run = patch.slice(i, j);
    if (op.op === 'del') {
      const ids = run.flatMap((o) => (o.op === 'del' ? [o.id] : []));
      await tables[op.entity].bulkDelete(ids);
    } else {
      await putAll(tables, op.entity, run);
    }
    i = j;
  }
}

/** Stores the values of a run of puts of one entity in its table. */
function putAll<E extends EntityName>(
  tables: ReturnType<AppDB['serverTables']>,
  entity: E,
  run: readonly PatchOp[],
): Promise<unknown> {
  const values = run.flatMap((o) => (o.op === 'put' && o.entity === entity ? [o.value as EntityRow<E>] : []));
  // The typed map guarantees tables[entity] stores EntityRow<E>; TS cannot follow E through it.
  const table = tables[entity] as unknown as Table<EntityRow<E>, string>;
  return table.bulkPut(values);
}
