/** A small in-memory head office speaking the sync protocol, for renderer unit tests. */
import type { Input, Method, Output } from '../../shared/contract/index.js';
import type { Transport } from '../../shared/contract/transport.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { Appointment } from '../../shared/domain/appointment/appointment.js';
import type { Product } from '../../shared/domain/catalog/catalog.js';
import type { Customer } from '../../shared/domain/customer/customer.js';
import { customerEditableDefaults } from '../../shared/domain/customer/customer.js';
import type { Note } from '../../shared/domain/note/note.js';
import type { Result } from '../../shared/lib/result.js';
import { fail, ok } from '../../shared/lib/result.js';
import type { Mutation } from '../../shared/sync/mutations.js';
import type { PatchOp, PullResponse, PushRequest } from '../../shared/sync/protocol.js';
import type { Clock, TimerHandle } from '../sync/clock.js';

export const USER = { id: '01900000-0000-7000-8000-000000000001', name: 'Camille Martin' };

/** A planned visit of the test user, 45 minutes, with an id made from `n`. */
export function makeAppointment(
  n: number,
  customerId: string,
  startAt: string,
  extra: Partial<Appointment> = {},
): Appointment {
  return {
    id: `01900000-0000-7000-9000-${n.toString(16).padStart(12, '0')}`,
    customerId,
    contactId: null,
    repId: USER.id,
    kind: 'visit',
    startAt,
    durationMinutes: 45,
    objective: '',
    notes: '',
    status: 'planned',
    setByManagerName: null,
    version: 1,
    updatedAt: '2026-11-20T09:00:00.000Z',
    ...extra,
  };
}

export function makeCustomer(n: number, extra: Partial<Customer> = {}): Customer {
  const hex = n.toString(16).padStart(12, '0');
  return {
    ...customerEditableDefaults,
    id: `01900000-0000-7000-8000-${hex}`,
    name: `Client ${n}`,
    address: `${n} rue de la République`,
    postcode: '69001',
    city: 'Lyon',
    phone: '04 72 00 00 00',
    email: '',
    status: 'customer',
    ownerId: USER.id,
    ownerName: USER.name,
    externalRef: null,
    version: 1,
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...extra,
  };
}

/** An active product (a bottle at 20 % VAT) with the given id. */
export function makeProduct(id: string, extra: Partial<Product> = {}): Product {
  return {
    id,
    reference: 'REF-1',
    name: 'Produit 1',
    family: 'Vins',
    unit: 'bouteille',
    vatRate: 2000,
    active: true,
    version: 1,
    updatedAt: '2026-11-20T08:00:00.000Z',
    ...extra,
  };
}

type Call = { method: Method; input: unknown };

export class FakeServer implements Transport {
  customers = new Map<string, Customer>();
  notes = new Map<string, Note>();
  lastMid = new Map<string, number>();
  /** Every mutationId applied, in order (duplicates would show here). */
  applied: string[] = [];
  calls: Call[] = [];
  cookie = 1;
  /** When false, a pull with a cookie is answered as a diff (no reset), like head office's. */
  resetOnUnknownCookie = true;
  /** Notes pushed while set are refused (never stored, so never pulled back). */
  refuseNotes = false;
  /** Next push: apply it, then lose the answer (network drop). */
  dropNextPushResponse = false;
  /** Next calls fail with this business error. */
  nextError: { method: Method; code: Parameters<typeof fail>[0] } | null = null;
  /** Throw TransportError for every call. */
  unreachable = false;
  /** A gateway in front of head office answers every call with this status (head office down). */
  gatewayStatus: number | null = null;
  /** Push answers without processing anything (to test pull-without-push paths). */
  ignorePushes = false;
  /** Max ops per pull response (exercises `more`). */
  pageSize = 10_000;
  /** What the first page of a long download announces as its total (null: the true count). */
  announcedTotal: number | null = null;
  /** The sync-pull call (1-based) that fails with a TransportError, as a dropped connection. */
  failPullNumber: number | null = null;
  /** Every pull answer sent, in order. */
  pullResponses: PullResponse[] = [];
  pullCount = 0;
  /** Complaint attachments' content by id, as `complaint-attachment-get` answers it. */
  attachmentContent = new Map<string, Output<'complaint-attachment-get'>>();
  /** Open `sync-wait`s, oldest first; they stay open until the test answers them. */
  waits: { input: Input<'sync-wait'>; answer(changed: boolean): void; drop(): void }[] = [];
  private waitListeners: (() => void)[] = [];
  private nextPageCookie = 1_000_000;
  private readonly pageCookies = new Map<number, number>();

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input: structuredClone(input) });
    if (this.unreachable) throw new TransportError('fetch failed', null);
    if (this.gatewayStatus !== null) {
      throw new TransportError(`${method}: head office answered ${this.gatewayStatus}`, this.gatewayStatus);
    }
    if (this.nextError && this.nextError.method === method) {
      const { code } = this.nextError;
      this.nextError = null;
      return fail(code, code) as Result<Output<M>>;
    }
    switch (method) {
      case 'sync-push':
        return this.push(input as PushRequest) as Result<Output<M>>;
      case 'sync-pull':
        return this.pull(input as Input<'sync-pull'>) as Result<Output<M>>;
      case 'sync-wait':
        return new Promise<Result<Output<'sync-wait'>>>((resolve, reject) => {
          const wait = {
            input: input as Input<'sync-wait'>,
            answer: (changed: boolean) => {
              this.waits = this.waits.filter((w) => w !== wait);
              resolve(ok({ changed }));
            },
            drop: () => {
              this.waits = this.waits.filter((w) => w !== wait);
              reject(new TransportError('socket hang up', null));
            },
          };
          this.waits.push(wait);
          const listeners = this.waitListeners;
          this.waitListeners = [];
          for (const listener of listeners) listener();
        }) as Promise<Result<Output<M>>>;
      case 'user-set-locale':
        return ok({ user: { id: USER.id } }) as unknown as Result<Output<M>>;
      case 'complaint-attachment-get': {
        const found = this.attachmentContent.get((input as Input<'complaint-attachment-get'>).id);
        return (found ? ok(found) : fail('not-found', 'no such attachment')) as Result<Output<M>>;
      }
      default:
        return fail('unknown-method', method) as Result<Output<M>>;
    }
  }

  /** Resolves when the next `sync-wait` arrives. */
  nextWait(): Promise<void> {
    return new Promise((resolve) => this.waitListeners.push(resolve));
  }

  /**
   * A backup of head office as it is now: calling the returned function restores it (customers,
   * notes, each laptop's lastMid), forgetting whatever was written since.
   */
  backup(): () => void {
    const customers = structuredClone(this.customers);
    const notes = structuredClone(this.notes);
    const lastMid = new Map(this.lastMid);
    return () => {
      this.customers = structuredClone(customers);
      this.notes = structuredClone(notes);
      this.lastMid = new Map(lastMid);
    };
  }

  pushes(): PushRequest[] {
    return this.calls.filter((c) => c.method === 'sync-push').map((c) => c.input as PushRequest);
  }

  private push(req: PushRequest): Result<Output<'sync-push'>> {
    let last = this.lastMid.get(req.clientId) ?? 0;
    if (!this.ignorePushes) {
      for (const m of req.mutations) {
        if (m.mid <= last) continue;
        if (m.mid > last + 1) return fail('mutation-gap', `expected ${last + 1}, got ${m.mid}`);
        this.apply(m);
        last = m.mid;
        this.lastMid.set(req.clientId, last);
      }
    }
    if (this.dropNextPushResponse) {
      this.dropNextPushResponse = false;
      throw new TransportError('socket hang up', null);
    }
    return ok({ lastMid: last });
  }

  private apply(m: Mutation): void {
    this.applied.push(m.mutationId);
    this.cookie += 1;
    if (m.name === 'note-add') {
      if (this.refuseNotes) return;
      this.notes.set(m.args.id, {
        ...m.args,
        authorId: USER.id,
        authorName: USER.name,
        receivedAt: '2026-11-24T12:00:00.000Z',
      });
    } else if (m.name === 'customer-update') {
      const c = this.customers.get(m.args.id);
      if (c) this.customers.set(c.id, { ...c, ...m.args.changes, version: c.version + 1 });
    }
  }

  /**
   * Answers with the full state, paginated by pageSize (or the request's smaller limit). A
   * page with `more` gets its own cookie, remembered with the offset of the next page, so a
   * client coming back with it continues there without a reset (like head office's view
   * record); any other cookie starts over with `reset: true`.
   */
  private pull(req: Input<'sync-pull'>): Result<PullResponse> {
    this.pullCount += 1;
    if (this.failPullNumber === this.pullCount) throw new TransportError('connection reset', null);
    const all: PatchOp[] = [
      ...[...this.customers.values()].map((value): PatchOp => ({ op: 'put', entity: 'customer', value })),
      ...[...this.notes.values()].map((value): PatchOp => ({ op: 'put', entity: 'note', value })),
    ];
    const resumeAt = req.cookie === null ? undefined : this.pageCookies.get(req.cookie);
    const offset = resumeAt ?? 0;
    const page = all.slice(offset, offset + Math.min(this.pageSize, req.limit ?? Infinity));
    const more = offset + page.length < all.length;
    let cookie = this.cookie;
    if (more) {
      this.nextPageCookie += 1;
      cookie = this.nextPageCookie;
      this.pageCookies.set(cookie, offset + page.length);
    }
    const response: PullResponse = {
      cookie,
      lastMid: this.lastMid.get(req.clientId) ?? 0,
      reset: resumeAt === undefined && (this.resetOnUnknownCookie || req.cookie === null),
      more,
      patch: page,
      serverTime: '2026-11-24T12:00:00.000Z',
      ...(resumeAt === undefined && more ? { downloadTotal: this.announcedTotal ?? all.length } : {}),
    };
    this.pullResponses.push(structuredClone(response));
    return ok(response);
  }
}

/** Timers that only run when the test says so. */
export class FakeClock implements Clock {
  time = Date.parse('2026-11-24T09:00:00.000Z');
  private seq = 0;
  timers = new Map<number, { at: number; ms: number; callback: () => void }>();

  now(): number {
    return this.time;
  }
  setTimeout(callback: () => void, ms: number): TimerHandle {
    this.seq += 1;
    this.timers.set(this.seq, { at: this.time + ms, ms, callback });
    return this.seq;
  }
  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }
  /** Delays of the timers currently scheduled. */
  pendingDelays(): number[] {
    return [...this.timers.values()].map((t) => t.ms);
  }
  /** Runs the (first) timer scheduled with this delay. */
  runTimer(ms: number): void {
    const found = [...this.timers.entries()].find(([, t]) => t.ms === ms);
    if (!found) throw new RangeError(`No timer of ${ms} ms`);
    this.timers.delete(found[0]);
    this.time = Math.max(this.time, found[1].at);
    found[1].callback();
  }
  /** Runs the earliest timer. */
  runNext(): void {
    const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
    if (!next) return;
    this.timers.delete(next[0]);
    this.time = Math.max(this.time, next[1].at);
    next[1].callback();
  }
}
