/**
 * Local writes. Each mutator runs in ONE `rw` transaction that applies the change to the
 * local rows and appends the outbox entry with `mid = nextMid`. The same `applyLocal`
 * functions re-apply pending mutations on top of server data after a pull (rebase).
 */
import { TZDate } from '@date-fns/tz';
import { v7 as uuidv7 } from 'uuid';
import type { AppointmentChanges, NewAppointment } from '../../shared/domain/appointment/appointment.js';
import {
  appointmentChangesSchema,
  newAppointmentSchema,
} from '../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem, AppointmentSlot } from '../../shared/domain/appointment/check.js';
import { checkAppointment, durationProblem, maySave } from '../../shared/domain/appointment/check.js';
import type {
  AttachmentProblem,
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStatus,
  TransitionProblem,
} from '../../shared/domain/complaint/complaint.js';
import {
  attachmentAddSchema,
  checkAttachments,
  checkTransition,
  complaintEventInputSchema,
  newComplaintSchema,
} from '../../shared/domain/complaint/complaint.js';
import type { LatLon } from '../../shared/domain/geo/geo.js';
import type { CustomerChanges } from '../../shared/domain/customer/customer.js';
import { customerChangesSchema } from '../../shared/domain/customer/customer.js';
import { noteBodySchema } from '../../shared/domain/note/note.js';
import type { OrderApproval, OrderLine, OrderLineInput } from '../../shared/domain/order/order.js';
import {
  isOrderLocked,
  lineTotalExclCents,
  newOrderSchema,
  orderTotals,
  orderUpdateSchema,
} from '../../shared/domain/order/order.js';
import type { PricingProblem } from '../../shared/domain/order/pricing.js';
import { buildCatalogue, DEFAULT_MAX_DISCOUNT_BP, priceOrder } from '../../shared/domain/order/pricing.js';
import type { MutationArgs, MutationName } from '../../shared/sync/mutations.js';
import { missingCaseError } from '../../shared/lib/result.js';
import type { VisitDraft } from '../../shared/domain/visit/draft.js';
import { visitLogSchema, type VisitReport } from '../../shared/domain/visit/report.js';
import type { AppDB } from '../db/AppDB.js';
import type {
  AppointmentRow,
  ComplaintEventRow,
  ComplaintRow,
  NoteRow,
  OrderRow,
  OutboxEntry,
  VisitRow,
} from '../db/schema.js';

/** Who is writing: needed to show the author of a note before head office answers. */
export interface MutatorContext {
  userId: string;
  userName: string;
  /** The rep's discount limit (basis points): above it a local order shows "needs approval". */
  maxDiscountBp?: number;
  /** ISO time of the write; injectable for tests. */
  now?: () => string;
}

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
 * Applies a mutation's effect to local rows. Must be called inside a transaction over
 * `mutationTables(db)`. Used both for the first write and for the rebase after a pull.
 */
export async function applyLocal(db: AppDB, entry: OutboxEntry, ctx: MutatorContext): Promise<void> {
  switch (entry.name) {
    case 'note-add': {
      const args = entry.args;
      const existing = await db.notes.get(args.id);
      // Head office already has it (pulled back): its copy wins.
      if (existing && existing.receivedAt !== null) return;
      const note: NoteRow = {
        id: args.id,
        customerId: args.customerId,
        authorId: existing?.authorId ?? ctx.userId,
        authorName: existing?.authorName ?? ctx.userName,
        body: args.body,
        createdAt: args.createdAt,
        receivedAt: null,
      };
      await db.notes.put(note);
      return;
    }
    case 'customer-update': {
      const { id, changes } = entry.args;
      const customer = await db.customers.get(id);
      // The customer left this rep's scope: nothing to show; head office will answer.
      if (!customer) return;
      await db.customers.put({ ...customer, ...changes });
      return;
    }
    case 'appointment-create': {
      const args = entry.args;
      const existing = await db.appointments.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const appointment: AppointmentRow = {
        ...args,
        repId: existing?.repId ?? ctx.userId,
        status: 'planned',
        setByManagerName: null,
        // 0 = not at head office yet ("saved on this laptop").
        version: 0,
        updatedAt: entry.createdAt,
      };
      await db.appointments.put(appointment);
      return;
    }
    case 'appointment-update': {
      const { id, changes } = entry.args;
      const appointment = await db.appointments.get(id);
      // Left this rep's scope (customer reassigned): head office will answer.
      if (!appointment) return;
      await db.appointments.put({ ...appointment, ...changes });
      return;
    }
    case 'appointment-cancel': {
      const appointment = await db.appointments.get(entry.args.id);
      if (!appointment) return;
      await db.appointments.put({ ...appointment, status: 'cancelled' });
      return;
    }
    case 'complaint-log': {
      const { eventId, ...args } = entry.args;
      const existing = await db.complaints.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const complaint: ComplaintRow = { ...args, status: 'received', version: 0 };
      const event: ComplaintEventRow = {
        id: eventId,
        complaintId: args.id,
        customerId: args.customerId,
        previousStatus: null,
        status: 'received',
        note: '',
        byUserId: ctx.userId,
        byName: ctx.userName,
        at: args.createdAt,
        version: 0,
      };
      await db.complaints.put(complaint);
      if ((await db.complaintEvents.get(eventId))?.version !== undefined) return;
      await db.complaintEvents.put(event);
      return;
    }
    case 'complaint-event': {
      const args = entry.args;
      const existing = await db.complaintEvents.get(args.id);
      if (existing && existing.version > 0) return;
      const complaint = await db.complaints.get(args.complaintId);
      if (!complaint) return;
      // Head office moved it meanwhile and the change no longer applies: it stays pending
      // until head office refuses it (the refusal, with the note, shows in the sync panel).
      if (checkTransition(complaint.status, args.status, 'rep', args.note) !== null) return;
      await db.complaintEvents.put({
        id: args.id,
        complaintId: complaint.id,
        customerId: complaint.customerId,
        previousStatus: complaint.status,
        status: args.status,
        note: args.note.trim(),
        byUserId: ctx.userId,
        byName: ctx.userName,
        at: args.at,
        version: 0,
      });
      await db.complaints.put({ ...complaint, status: args.status });
      return;
    }
    case 'attachment-add': {
      const args = entry.args;
      const existing = await db.complaintAttachments.get(args.id);
      if (existing && existing.version > 0) return;
      const complaint = await db.complaints.get(args.complaintId);
      if (!complaint) return;
      await db.complaintAttachments.put({
        id: args.id,
        complaintId: args.complaintId,
        customerId: complaint.customerId,
        fileName: args.fileName,
        mimeType: args.mimeType,
        sizeBytes: args.sizeBytes,
        sha256: args.sha256,
        byUserId: ctx.userId,
        byName: ctx.userName,
        at: args.at,
        version: 0,
      });
      return;
    }
    case 'order-create': {
      const args = entry.args;
      const existing = await db.orders.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const priced = await localLines(db, args.lines, ctx);
      const order: OrderRow = {
        id: args.id,
        customerId: args.customerId,
        repId: ctx.userId,
        // Head office numbers the order at push ("draft number pending" until then).
        number: '',
        orderedAt: args.orderedAt,
        deliveryDate: args.deliveryDate,
        status: 'draft',
        approval: priced.approval,
        note: args.note,
        signature: args.signature,
        confirmedAt: null,
        lines: priced.lines,
        ...orderTotals(priced.lines),
        version: 0,
        updatedAt: entry.createdAt,
      };
      await db.orders.put(order);
      return;
    }
    case 'order-update': {
      const args = entry.args;
      const order = await db.orders.get(args.id);
      // Gone from this rep's scope, or locked by head office: its copy stands (the refusal says why).
      if (!order || isOrderLocked(order)) return;
      const priced = await localLines(db, args.lines, ctx);
      await db.orders.put({
        ...order,
        deliveryDate: args.deliveryDate,
        note: args.note,
        approval: priced.approval,
        lines: priced.lines,
        ...orderTotals(priced.lines),
      });
      return;
    }
    case 'order-cancel': {
      const order = await db.orders.get(entry.args.id);
      if (!order || isOrderLocked(order)) return;
      await db.orders.put({ ...order, status: 'cancelled' });
      return;
    }
    case 'visit-log': {
      const args = entry.args;
      const existing = await db.visits.get(args.id);
      // Head office already has it (pulled back, version ≥ 1): its copy wins.
      if (existing && existing.version > 0) return;
      const { report } = args;
      await db.visits.put({
        id: args.id,
        customerId: args.customerId,
        repId: ctx.userId,
        at: args.startedAt,
        channel: args.channel,
        outcome: report.outcome,
        objections: report.objections,
        summary: report.summary,
        appointmentId: args.appointmentId,
        noSaleReason: report.noSaleReason ?? null,
        followUpAppointmentId: args.followUpAppointmentId,
        needs: report.needs,
        motives: report.motives,
        offered: report.offered,
        orderIds: report.orderIds,
        nextStep: report.nextStep,
        notes: report.notes,
        // 0 = not at head office yet ("saved on this laptop").
        version: 0,
      });
      if (args.appointmentId !== null) {
        // The same rule as head office: only this customer's appointment, only while planned.
        const appointment = await db.appointments.get(args.appointmentId);
        if (appointment?.status === 'planned' && appointment.customerId === args.customerId)
          await db.appointments.put({ ...appointment, status: 'done' });
      }
      return;
    }
    default:
      return missingCaseError(entry);
  }
}

async function writeMutation<N extends MutationName>(
  db: AppDB,
  ctx: MutatorContext,
  name: N,
  args: MutationArgs<N>,
): Promise<OutboxEntry> {
  const now = ctx.now ?? (() => new Date().toISOString());
  return db.transaction('rw', mutationTables(db), async () => {
    const mid = (await db.getMeta('nextMid')) ?? 1;
    const entry = { mid, mutationId: uuidv7(), name, args, createdAt: now() } as OutboxEntry;
    await db.outbox.add(entry);
    await db.setMeta('nextMid', mid + 1);
    await applyLocal(db, entry, ctx);
    return entry;
  });
}

/** Adds a note; it is visible at once with `receivedAt: null` ("saved on this laptop"). */
export async function addNote(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; body: string },
): Promise<NoteRow> {
  const body = noteBodySchema.parse(input.body);
  const createdAt = (ctx.now ?? (() => new Date().toISOString()))();
  const args: MutationArgs<'note-add'> = { id: uuidv7(), customerId: input.customerId, body, createdAt };
  await writeMutation(db, ctx, 'note-add', args);
  const note = await db.notes.get(args.id);
  if (!note) throw new Error('Note vanished after its write');
  return note;
}

/**
 * Applies edited customer fields locally and queues them. `baseVersion` is the version the
 * rep saw when starting the edit: head office logs a conflict when it is stale.
 */
export async function updateCustomer(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number; changes: CustomerChanges },
): Promise<OutboxEntry> {
  const changes = customerChangesSchema.parse(input.changes);
  return writeMutation(db, ctx, 'customer-update', {
    id: input.id,
    baseVersion: input.baseVersion,
    changes,
  });
}

/** An appointment the validator refused: nothing was written. */
export class AppointmentCheckError extends Error {
  readonly problems: readonly AppointmentProblem[];
  constructor(problems: readonly AppointmentProblem[]) {
    super(`Appointment not saved: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'AppointmentCheckError';
    this.problems = problems;
  }
}

export interface AppointmentCheckOptions {
  /** The user's time zone: "the same day" for overlaps and travel. */
  timeZone: string;
  /** The rep chose "save anyway" for an overlap. */
  confirmOverlap?: boolean;
}

/** A bad duration is a coded problem, not a schema error (the form shows its message). */
function throwOnBadDuration(minutes: number): void {
  const problem = durationProblem(minutes);
  if (problem) throw new AppointmentCheckError([problem]);
}

/** [start, end) of the calendar day of `iso` in `timeZone`, as ISO strings. */
export function dayOf(iso: string, timeZone: string): { fromIso: string; toIso: string } {
  const at = new TZDate(Date.parse(iso), timeZone);
  const from = TZDate.tz(timeZone, at.getFullYear(), at.getMonth(), at.getDate(), 0, 0);
  const to = TZDate.tz(timeZone, at.getFullYear(), at.getMonth(), at.getDate() + 1, 0, 0);
  return { fromIso: new Date(from.getTime()).toISOString(), toIso: new Date(to.getTime()).toISOString() };
}

/**
 * Every problem of a draft against the rep's other appointments of that day, read from the
 * local database (the form shows them before saving; the mutators check again in their
 * transaction).
 */
export async function checkAppointmentDraft(
  db: AppDB,
  draft: AppointmentSlot & { repId: string },
  options: { timeZone: string; now: number; previousStartAt?: string | null },
): Promise<AppointmentProblem[]> {
  const { fromIso, toIso } = dayOf(draft.startAt, options.timeZone);
  const others = await db.appointments
    .where('startAt')
    .between(fromIso, toIso, true, false)
    .filter((a) => a.repId === draft.repId && a.id !== draft.id)
    .toArray();
  const customerIds = [...new Set([draft.customerId, ...others.map((o) => o.customerId)])];
  const customers = await db.customers.bulkGet(customerIds);
  const places = new Map<string, LatLon>();
  for (const c of customers) {
    if (c && c.latitude !== null && c.longitude !== null)
      places.set(c.id, { lat: c.latitude, lon: c.longitude });
  }
  const roadFactor = (await db.getMeta('roadFactor')) ?? 1.3;
  const speedKmh = (await db.getMeta('averageSpeedKmh')) ?? 60;
  return checkAppointment(draft, {
    others,
    now: options.now,
    travel: { roadFactor, speedKmh },
    locate: (id) => places.get(id) ?? null,
    previousStartAt: options.previousStartAt ?? null,
  });
}

/**
 * Plans a new appointment for the signed-in rep. Validated before anything is written (start
 * in the past and bad durations always refuse, an overlap unless `confirmOverlap`); the check
 * and the writes share one transaction, so nothing is half-saved.
 */
export async function createAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: Omit<NewAppointment, 'id'> & { id?: string },
  options: AppointmentCheckOptions,
): Promise<AppointmentRow> {
  throwOnBadDuration(input.durationMinutes);
  const args = newAppointmentSchema.parse({ ...input, id: input.id ?? uuidv7() });
  const now = Date.parse((ctx.now ?? (() => new Date().toISOString()))());
  return db.transaction('rw', mutationTables(db), async () => {
    const problems = await checkAppointmentDraft(
      db,
      { ...args, repId: ctx.userId, status: 'planned' },
      { timeZone: options.timeZone, now },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    await writeMutation(db, ctx, 'appointment-create', args);
    const row = await db.appointments.get(args.id);
    if (!row) throw new Error('Appointment vanished after its write');
    return row;
  });
}

/** Moves or edits an appointment (same checks as a creation; an unchanged past start is fine). */
export async function updateAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number; changes: AppointmentChanges },
  options: AppointmentCheckOptions,
): Promise<OutboxEntry> {
  if (input.changes.durationMinutes !== undefined) throwOnBadDuration(input.changes.durationMinutes);
  const changes = appointmentChangesSchema.parse(input.changes);
  const now = Date.parse((ctx.now ?? (() => new Date().toISOString()))());
  return db.transaction('rw', mutationTables(db), async () => {
    const current = await db.appointments.get(input.id);
    if (!current) throw new Error(`No appointment ${input.id} on this laptop`);
    const problems = await checkAppointmentDraft(
      db,
      { ...current, ...changes },
      { timeZone: options.timeZone, now, previousStartAt: current.startAt },
    );
    if (!maySave(problems, options.confirmOverlap === true)) throw new AppointmentCheckError(problems);
    return writeMutation(db, ctx, 'appointment-update', {
      id: input.id,
      baseVersion: input.baseVersion,
      changes,
    });
  });
}

/** Cancels an appointment (it stays in the agenda, struck through, and syncs as cancelled). */
export async function cancelAppointment(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; baseVersion: number },
): Promise<OutboxEntry> {
  return writeMutation(db, ctx, 'appointment-cancel', { id: input.id, baseVersion: input.baseVersion });
}

/** A complaint the laptop refused to write (nothing was saved); `problems` say why. */
export class ComplaintInputError extends Error {
  readonly problems: readonly (AttachmentProblem | TransitionProblem | { code: 'unknown-order' })[];
  constructor(problems: ComplaintInputError['problems']) {
    super(`Complaint not saved: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'ComplaintInputError';
    this.problems = problems;
  }
}

/** A file the rep attaches, read into memory. */
export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Base64 of bytes, in chunks (no stack overflow on 5 MB). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hashes and encodes files before the transaction (IndexedDB transactions cannot await crypto). */
async function prepareAttachments(
  complaintId: string,
  files: readonly AttachmentFile[],
  at: string,
): Promise<{ args: MutationArgs<'attachment-add'>; bytes: Uint8Array }[]> {
  return Promise.all(
    files.map(async (f) => ({
      bytes: f.bytes,
      args: attachmentAddSchema.parse({
        id: uuidv7(),
        complaintId,
        fileName: f.fileName,
        mimeType: f.mimeType === '' ? 'application/octet-stream' : f.mimeType,
        sizeBytes: f.bytes.length,
        sha256: await sha256Hex(f.bytes),
        contentBase64: bytesToBase64(f.bytes),
        at,
      }),
    })),
  );
}

export interface NewComplaintInput {
  customerId: string;
  category: ComplaintCategory;
  productId: string | null;
  orderId: string | null;
  description: string;
  severity: ComplaintSeverity;
  files: readonly AttachmentFile[];
}

/**
 * Logs a complaint with its first event 'received' and its files (each its own upload
 * mutation), all in ONE transaction: bad input or a file too big and nothing is written.
 */
export async function logComplaint(
  db: AppDB,
  ctx: MutatorContext,
  input: NewComplaintInput,
): Promise<ComplaintRow> {
  const fileProblems = checkAttachments(
    input.files.map((f) => ({ fileName: f.fileName, sizeBytes: f.bytes.length })),
  );
  if (fileProblems.length > 0) throw new ComplaintInputError(fileProblems);
  const createdAt = (ctx.now ?? (() => new Date().toISOString()))();
  const args = newComplaintSchema.parse({
    id: uuidv7(),
    eventId: uuidv7(),
    customerId: input.customerId,
    category: input.category,
    productId: input.productId,
    orderId: input.orderId,
    description: input.description,
    severity: input.severity,
    createdAt,
  });
  const uploads = await prepareAttachments(args.id, input.files, createdAt);
  return db.transaction('rw', [...mutationTables(db), db.orders, db.attachmentBlobs], async () => {
    if (!(await db.customers.get(args.customerId)))
      throw new Error(`No customer ${args.customerId} on this laptop`);
    if (args.orderId !== null && (await db.orders.get(args.orderId))?.customerId !== args.customerId) {
      throw new ComplaintInputError([{ code: 'unknown-order' }]);
    }
    await writeMutation(db, ctx, 'complaint-log', args);
    for (const upload of uploads) {
      await writeMutation(db, ctx, 'attachment-add', upload.args);
      await db.attachmentBlobs.put({ id: upload.args.id, complaintId: args.id, bytes: upload.bytes });
    }
    const row = await db.complaints.get(args.id);
    if (!row) throw new Error('Complaint vanished after its write');
    return row;
  });
}

/**
 * A note, a close (once resolved) or a reopen by the rep, checked against the status on this
 * laptop; head office checks again against its current status when the change arrives.
 */
export async function addComplaintEvent(
  db: AppDB,
  ctx: MutatorContext,
  input: { complaintId: string; status: ComplaintStatus; note: string },
): Promise<OutboxEntry> {
  const args = complaintEventInputSchema.parse({
    id: uuidv7(),
    complaintId: input.complaintId,
    status: input.status,
    note: input.note,
    at: (ctx.now ?? (() => new Date().toISOString()))(),
  });
  return db.transaction('rw', mutationTables(db), async () => {
    const complaint = await db.complaints.get(args.complaintId);
    if (!complaint) throw new Error(`No complaint ${args.complaintId} on this laptop`);
    const problem = checkTransition(complaint.status, args.status, 'rep', args.note);
    if (problem !== null) throw new ComplaintInputError([problem]);
    return writeMutation(db, ctx, 'complaint-event', args);
  });
}

/**
 * Complaint rows written on this laptop (version 0) live while their mutation waits; once
 * head office answered and the pull is complete, those still local were refused (their words
 * stay with the refusal in the sync panel), so they go, like refused notes (decision 0006).
 */
export async function dropRefusedLocalComplaints(db: AppDB): Promise<void> {
  const pending = new Set(
    (await db.outbox.toArray()).flatMap((entry) => {
      switch (entry.name) {
        case 'complaint-log':
          return [entry.args.id, entry.args.eventId];
        case 'complaint-event':
        case 'attachment-add':
          return [entry.args.id];
        default:
          return [];
      }
    }),
  );
  const local = (row: { id: string; version: number }) => row.version === 0 && !pending.has(row.id);
  await db.complaintEvents.bulkDelete(await db.complaintEvents.filter(local).primaryKeys());
  await db.complaintAttachments.bulkDelete(await db.complaintAttachments.filter(local).primaryKeys());
  await db.complaints.bulkDelete(await db.complaints.filter(local).primaryKeys());
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
  const pending = new Set(
    (await db.outbox.toArray()).flatMap((entry) => (entry.name === 'attachment-add' ? [entry.args.id] : [])),
  );
  const rows = await db.complaintAttachments.bulkGet(blobIds);
  const orphans = blobIds.filter((id, i) => rows[i] === undefined && !pending.has(id));
  await db.attachmentBlobs.bulkDelete(orphans);
  return orphans.length;
}

/** Re-applies every pending mutation, in mid order, on top of the current rows. */
export async function rebasePending(db: AppDB, ctx: MutatorContext): Promise<number> {
  const pending = await db.pendingMutations();
  for (const entry of pending) await applyLocal(db, entry, ctx);
  return pending.length;
}

// ---- Orders ----------------------------------------------------------------------------------

/** Lines as the laptop shows them before head office prices them (its preview prices). */
async function localLines(
  db: AppDB,
  lines: readonly OrderLineInput[],
  ctx: MutatorContext,
): Promise<{ lines: OrderLine[]; approval: OrderApproval }> {
  const productsById = await db.products.bulkGet(lines.map((l) => l.productId));
  const limit = ctx.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP;
  const priced = lines.map((l, i): OrderLine => {
    const product = productsById[i];
    const unitPriceCents = l.previewUnitPriceCents ?? 0;
    return {
      id: l.id,
      productId: l.productId,
      productReference: product?.reference ?? '',
      productName: product?.name ?? '',
      quantity: l.quantity,
      unitPriceCents,
      discountBp: l.discountBp,
      vatRate: product?.vatRate ?? 2000,
      totalExclCents: lineTotalExclCents({ quantity: l.quantity, unitPriceCents, discountBp: l.discountBp }),
    };
  });
  return { lines: priced, approval: lines.some((l) => l.discountBp > limit) ? 'pending' : 'not-needed' };
}

/** An order the shared pricing refused: nothing was written; one problem per faulty line. */
export class OrderCheckError extends Error {
  readonly problems: readonly PricingProblem[];
  constructor(problems: readonly PricingProblem[]) {
    super(`Order not saved: ${problems.map((p) => p.code).join(', ')}`);
    this.name = 'OrderCheckError';
    this.problems = problems;
  }
}

/** A line as the rep typed it (quantity and discount may be anything: the pricing checks them). */
export interface OrderLineDraft {
  id?: string;
  productId: string;
  quantity: number;
  discountBp: number;
}

/** Prices a draft from the local catalogue (inside the caller's transaction when there is one). */
export async function priceDraft(
  db: AppDB,
  input: { customerId: string; day: string; repMaxDiscountBp: number; lines: readonly OrderLineDraft[] },
): Promise<ReturnType<typeof priceOrder>> {
  const customer = await db.customers.get(input.customerId);
  const productIds = [...new Set(input.lines.map((l) => l.productId))];
  const [products, priceLists, prices] = await Promise.all([
    db.products.bulkGet(productIds),
    db.priceLists.toArray(),
    db.prices.where('productId').anyOf(productIds).toArray(),
  ]);
  const catalogue = buildCatalogue({
    products: products.filter((p) => p !== undefined),
    priceLists,
    prices,
  });
  return priceOrder(catalogue, {
    priceGroup: customer?.priceGroup ?? '',
    day: input.day,
    repMaxDiscountBp: input.repMaxDiscountBp,
    lines: input.lines.map((l, i) => ({ ...l, id: l.id ?? `line-${i + 1}` })),
  });
}

function orderTablesFor(db: AppDB) {
  return [...mutationTables(db), db.orders, db.products, db.priceLists, db.prices] as const;
}

async function checkedLines(
  db: AppDB,
  ctx: MutatorContext,
  input: { customerId: string; day: string; lines: readonly OrderLineDraft[] },
): Promise<OrderLineInput[]> {
  const withIds = input.lines.map((l) => ({ ...l, id: l.id ?? uuidv7() }));
  const priced = await priceDraft(db, {
    ...input,
    lines: withIds,
    repMaxDiscountBp: ctx.maxDiscountBp ?? DEFAULT_MAX_DISCOUNT_BP,
  });
  if (!priced.ok) throw new OrderCheckError(priced.problems);
  return priced.value.lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    quantity: l.quantity,
    discountBp: l.discountBp,
    previewUnitPriceCents: l.unitPriceCents,
  }));
}

/**
 * Takes an order on this laptop. Every line is priced with the shared pricing against the local
 * catalogue before anything is written (a withdrawn product, a bad quantity, an expired price
 * list, a discount above 50 % refuse the whole order); the check and the writes share one
 * transaction with the outbox entry, so nothing is half-saved.
 */
export async function createOrder(
  db: AppDB,
  ctx: MutatorContext,
  input: {
    id?: string;
    customerId: string;
    lines: readonly OrderLineDraft[];
    deliveryDate: string | null;
    note: string;
    signature: string | null;
  },
): Promise<OrderRow> {
  const orderedAt = (ctx.now ?? (() => new Date().toISOString()))();
  const id = input.id ?? uuidv7();
  return db.transaction('rw', orderTablesFor(db), async () => {
    const lines = await checkedLines(db, ctx, {
      customerId: input.customerId,
      day: orderedAt.slice(0, 10),
      lines: input.lines,
    });
    const args = newOrderSchema.parse({
      id,
      customerId: input.customerId,
      orderedAt,
      deliveryDate: input.deliveryDate,
      lines,
      note: input.note,
      signature: input.signature,
    });
    await writeMutation(db, ctx, 'order-create', args);
    const row = await db.orders.get(id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}

/** An order head office confirmed (or that was cancelled): the laptop refuses to change it. */
export class OrderLockedError extends Error {
  readonly status: OrderRow['status'];
  readonly confirmedAt: string | null;
  constructor(order: OrderRow) {
    super(`Order ${order.number} is ${order.status} at head office`);
    this.name = 'OrderLockedError';
    this.status = order.status;
    this.confirmedAt = order.confirmedAt ?? null;
  }
}

/** New lines / delivery date for an order head office has not confirmed (checked like a creation). */
export async function updateOrder(
  db: AppDB,
  ctx: MutatorContext,
  input: { id: string; lines: readonly OrderLineDraft[]; deliveryDate: string | null; note: string },
): Promise<OrderRow> {
  return db.transaction('rw', orderTablesFor(db), async () => {
    const current = await db.orders.get(input.id);
    if (!current) throw new Error(`No order ${input.id} on this laptop`);
    if (isOrderLocked(current)) throw new OrderLockedError(current);
    const lines = await checkedLines(db, ctx, {
      customerId: current.customerId,
      day: current.orderedAt.slice(0, 10),
      lines: input.lines,
    });
    const args = orderUpdateSchema.parse({
      id: input.id,
      baseVersion: current.version,
      deliveryDate: input.deliveryDate,
      note: input.note,
      lines,
    });
    await writeMutation(db, ctx, 'order-update', args);
    const row = await db.orders.get(input.id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}

/**
 * Cancels an order head office has not confirmed yet (it stays listed, as cancelled, and syncs).
 * A locked one (confirmed or already cancelled) refuses with `OrderLockedError`.
 */
export async function cancelOrder(db: AppDB, ctx: MutatorContext, input: { id: string }): Promise<OrderRow> {
  return db.transaction('rw', orderTablesFor(db), async () => {
    const current = await db.orders.get(input.id);
    if (!current) throw new Error(`No order ${input.id} on this laptop`);
    if (isOrderLocked(current)) throw new OrderLockedError(current);
    await writeMutation(db, ctx, 'order-cancel', { id: input.id, baseVersion: current.version });
    const row = await db.orders.get(input.id);
    if (!row) throw new Error('Order vanished after its write');
    return row;
  });
}

/**
 * Decision 0006 for orders: a local order (version 0) whose order-create is no longer waiting
 * was refused by head office; the refusal, with the rep's lines, stays in the sync panel.
 */
export async function dropRefusedLocalOrders(db: AppDB): Promise<void> {
  const pending = new Set(
    (await db.outbox.toArray()).flatMap((entry) => (entry.name === 'order-create' ? [entry.args.id] : [])),
  );
  await db.orders.bulkDelete(
    await db.orders.filter((row) => row.version === 0 && !pending.has(row.id)).primaryKeys(),
  );
}

/** A visit report the laptop refused to write (nothing was saved); `problems` say why. */
export class VisitReportError extends Error {
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(`Visit report not saved: ${issues.map((i) => i.message).join('; ')}`);
    this.name = 'VisitReportError';
    this.issues = issues;
  }
}

export interface LogVisitInput {
  draft: VisitDraft;
  report: VisitReport;
  channel?: 'visit' | 'phone';
  /** With the outcome 'follow-up': the appointment to plan (checked like any other). */
  followUp?: { startAt: string; durationMinutes: number; objective: string; contactId: string | null };
}

/**
 * Ends a visit: the follow-up appointment (if any) and the visit report are queued, the
 * appointment held is marked done, and the draft is removed — all in ONE transaction, so a
 * refused follow-up (in the past, overlapping without confirmation) leaves the visit in progress
 * exactly as it was.
 */
export async function logVisit(
  db: AppDB,
  ctx: MutatorContext,
  input: LogVisitInput,
  options: AppointmentCheckOptions,
): Promise<VisitRow> {
  const endedAt = (ctx.now ?? (() => new Date().toISOString()))();
  const { draft } = input;
  if ((input.report.outcome === 'follow-up') !== (input.followUp !== undefined))
    throw new VisitReportError([
      { path: 'followUp', message: 'followUp: required with a follow-up, and only then' },
    ]);
  const followUpId = input.followUp ? uuidv7() : null;
  const parsed = visitLogSchema.safeParse({
    id: draft.id,
    customerId: draft.customerId,
    appointmentId: draft.appointmentId,
    startedAt: draft.startedAt,
    endedAt: endedAt < draft.startedAt ? draft.startedAt : endedAt,
    channel: input.channel ?? 'visit',
    report: input.report,
    followUpAppointmentId: followUpId,
  });
  if (!parsed.success)
    throw new VisitReportError(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  const args = parsed.data;
  return db.transaction('rw', [...mutationTables(db), db.visitDrafts], async () => {
    // Ended once: a second call (a double click, a retry) must not queue the visit or its
    // follow-up again.
    if ((await db.visitDrafts.get(draft.id)) === undefined || (await db.visits.get(draft.id)) !== undefined)
      throw new VisitReportError([{ path: 'id', message: 'id: this visit has already ended' }]);
    if (input.followUp && followUpId !== null) {
      await createAppointment(
        db,
        ctx,
        {
          id: followUpId,
          customerId: draft.customerId,
          // The person met at the appointment held, unless the rep chose someone.
          contactId:
            input.followUp.contactId ??
            (draft.appointmentId === null
              ? null
              : ((await db.appointments.get(draft.appointmentId))?.contactId ?? null)),
          kind: 'visit',
          startAt: input.followUp.startAt,
          durationMinutes: input.followUp.durationMinutes,
          objective: input.followUp.objective,
          notes: '',
        },
        options,
      );
    }
    await writeMutation(db, ctx, 'visit-log', args);
    await db.visitDrafts.delete(draft.id);
    const row = await db.visits.get(args.id);
    if (!row) throw new Error('Visit vanished after its write');
    return row;
  });
}

/**
 * Decision 0006 for visits: a local visit (version 0) whose visit-log is no longer waiting was
 * refused by head office; the refusal, with the whole report, stays in the sync panel.
 */
export async function dropRefusedLocalVisits(db: AppDB): Promise<void> {
  const pending = new Set(
    (await db.outbox.toArray()).flatMap((entry) => (entry.name === 'visit-log' ? [entry.args.id] : [])),
  );
  await db.visits.bulkDelete(
    await db.visits.filter((row) => row.version === 0 && !pending.has(row.id)).primaryKeys(),
  );
}
