/** Complaints, their events and their files, logged on this laptop. */
import { v7 as uuidv7 } from 'uuid';
import type {
  AttachmentProblem,
  ComplaintCategory,
  ComplaintSeverity,
  ComplaintStatus,
  TransitionProblem,
} from '../../../shared/domain/complaint/complaint.js';
import {
  attachmentAddSchema,
  checkAttachments,
  checkTransition,
  complaintEventInputSchema,
  newComplaintSchema,
} from '../../../shared/domain/complaint/complaint.js';
import type { MutationArgs } from '../../../shared/sync/mutations.js';
import type { AppDB } from '../../db/AppDB.js';
import type { ComplaintEventRow, ComplaintRow, OutboxEntry } from '../../db/schema.js';
import type { ClientMutationsOf, MutatorContext } from '../../sync/mutation.js';
import { mutationTables, nowOf, writeMutation } from '../../sync/mutation.js';

export const complaintMutations = {
  'complaint-log': {
    async applyLocal(db, entry, ctx) {
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
        satisfaction: null,
        version: 0,
      };
      await db.complaints.put(complaint);
      if ((await db.complaintEvents.get(eventId))?.version !== undefined) return;
      await db.complaintEvents.put(event);
    },
    creates: { complaints: (args) => [args.id], complaintEvents: (args) => [args.eventId] },
  },
  'complaint-event': {
    async applyLocal(db, entry, ctx) {
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
        satisfaction: args.satisfaction ?? null,
        version: 0,
      });
      await db.complaints.put({ ...complaint, status: args.status });
    },
    creates: { complaintEvents: (args) => [args.id] },
  },
  'attachment-add': {
    async applyLocal(db, entry, ctx) {
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
    },
    creates: { complaintAttachments: (args) => [args.id] },
  },
} satisfies ClientMutationsOf<'complaint-log' | 'complaint-event' | 'attachment-add'>;

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
  const createdAt = nowOf(ctx);
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
    await writeMutation(db, ctx, complaintMutations, 'complaint-log', args);
    for (const upload of uploads) {
      await writeMutation(db, ctx, complaintMutations, 'attachment-add', upload.args);
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
    at: nowOf(ctx),
  });
  return db.transaction('rw', mutationTables(db), async () => {
    const complaint = await db.complaints.get(args.complaintId);
    if (!complaint) throw new Error(`No complaint ${args.complaintId} on this laptop`);
    const problem = checkTransition(complaint.status, args.status, 'rep', args.note);
    if (problem !== null) throw new ComplaintInputError([problem]);
    return writeMutation(db, ctx, complaintMutations, 'complaint-event', args);
  });
}
