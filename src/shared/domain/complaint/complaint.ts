/**
 * Complaints (réclamations) beyond the row itself: the categories a rep picks from, the
 * events of the lifecycle (each change or note is a new event: complaints are append-only),
 * and the lifecycle as a pure function shared by the laptop and head office.
 *
 * Lifecycle: received → acknowledged → in-progress → resolved → closed, one step at a time,
 * plus a reopen resolved → in-progress (the customer is not satisfied after all).
 * Who: head office (admin, the manager of the rep's team) makes every move; the rep logs the
 * complaint, adds notes while it is not closed, and may close it once resolved (the customer
 * confirmed their satisfaction) or reopen it; the rep never acknowledges or resolves.
 */
import { z } from 'zod';
import type { Role } from '../user/user.js';
import { complaintSeverities, complaintStatuses } from '../activity/activity.js';
import type { Complaint } from '../activity/activity.js';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { missingCaseError } from '../../lib/result.js';
import { msg } from '../../lib/messages.js';
import type { ServerMessage } from '../../lib/messages.js';

export { complaintSeverities, complaintStatuses };
export type ComplaintStatus = Complaint['status'];
export type ComplaintSeverity = Complaint['severity'];

/** What the complaint is about (cause), for the analysis by cause. */
export const complaintCategories = [
  'product-defect',
  'delivery',
  'wrong-item',
  'billing',
  'service',
  'other',
] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

/**
 * Labels older demo databases stored instead of a category code (the seed wrote French
 * labels before it used `complaintCategories`), mapped to the code they mean.
 */
const legacyCategoryLabels: Readonly<Record<string, ComplaintCategory>> = {
  'livraison endommagée': 'delivery',
  'retard de livraison': 'delivery',
  'produit manquant': 'wrong-item',
  'erreur de préparation': 'wrong-item',
  'erreur de facturation': 'billing',
  'qualité produit': 'product-defect',
};

/** The category a stored value means: a code as is, a legacy label mapped, anything else 'other'. */
export function complaintCategoryOf(stored: string): ComplaintCategory {
  const value = stored.trim();
  if ((complaintCategories as readonly string[]).includes(value)) return value as ComplaintCategory;
  return legacyCategoryLabels[value.toLowerCase()] ?? 'other';
}

export const complaintDescriptionSchema = z.string().trim().min(1).max(10_000);
export const complaintNoteSchema = z.string().trim().max(5_000);

/** One step of a complaint's history: its first reception, a status change or a note. */
export const satisfactionSchema = z.number().int().min(1).max(5);

export const complaintEventSchema = z.object({
  id: uuidSchema,
  complaintId: uuidSchema,
  customerId: uuidSchema,
  /** The status before the event; null for the first event (received). */
  previousStatus: z.enum(complaintStatuses).nullable(),
  /** The status after the event (equal to `previousStatus` for a note). */
  status: z.enum(complaintStatuses),
  note: z.string().max(5_000),
  byUserId: uuidSchema,
  byName: z.string().max(200),
  at: isoDateTimeSchema,
  /** The customer's satisfaction with the answer, 1 (unhappy) to 5, asked when it is resolved. */
  satisfaction: satisfactionSchema.nullable().default(null),
  version: z.number().int().nonnegative(),
});
export type ComplaintEvent = z.infer<typeof complaintEventSchema>;

/** A new complaint as the laptop logs it (the ids are made on the laptop). */
export const newComplaintSchema = z.object({
  id: uuidSchema,
  /** The id of its first event ('received'). */
  eventId: uuidSchema,
  customerId: uuidSchema,
  category: z.enum(complaintCategories),
  productId: uuidSchema.nullable(),
  orderId: uuidSchema.nullable(),
  description: complaintDescriptionSchema,
  severity: z.enum(complaintSeverities),
  createdAt: isoDateTimeSchema,
});
export type NewComplaint = z.infer<typeof newComplaintSchema>;

/** A status change or a note (`status` equal to the current one) by the rep or head office. */
export const complaintEventInputSchema = z.object({
  id: uuidSchema,
  complaintId: uuidSchema,
  status: z.enum(complaintStatuses),
  note: complaintNoteSchema,
  at: isoDateTimeSchema,
  /** Only with the move to "resolved". */
  satisfaction: satisfactionSchema.optional(),
});
export type ComplaintEventInput = z.infer<typeof complaintEventInputSchema>;

export type Actor = 'rep' | 'staff';

export function actorOf(role: Role): Actor {
  return role === 'rep' ? 'rep' : 'staff';
}

/** Forward moves and the reopen; anything else is refused. */
const moves: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: ['acknowledged'],
  acknowledged: ['in-progress'],
  'in-progress': ['resolved'],
  resolved: ['closed', 'in-progress'],
  closed: [],
};

/** The moves a rep may make themselves. */
const repMoves: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  received: [],
  acknowledged: [],
  'in-progress': [],
  resolved: ['closed', 'in-progress'],
  closed: [],
};

export type TransitionProblem =
  | { code: 'closed'; from: ComplaintStatus }
  | { code: 'not-allowed'; from: ComplaintStatus; to: ComplaintStatus }
  | { code: 'not-yours'; from: ComplaintStatus; to: ComplaintStatus }
  | { code: 'empty-note' };

/** The statuses `actor` may move a complaint to from `from` (not counting a note). */
export function nextStatuses(from: ComplaintStatus, actor: Actor): readonly ComplaintStatus[] {
  return actor === 'rep' ? repMoves[from] : moves[from];
}

/**
 * Checks an event against the CURRENT status: a note (`to === from`) needs text and an open
 * complaint; a move must be in the lifecycle and allowed to the actor. Null when allowed.
 */
export function checkTransition(
  from: ComplaintStatus,
  to: ComplaintStatus,
  actor: Actor,
  note: string,
): TransitionProblem | null {
  if (from === 'closed') return { code: 'closed', from };
  if (to === from) return note.trim() === '' ? { code: 'empty-note' } : null;
  if (!moves[from].includes(to)) return { code: 'not-allowed', from, to };
  if (!nextStatuses(from, actor).includes(to)) return { code: 'not-yours', from, to };
  return null;
}

/** Head office's refusal of a problem (the laptop translates its key). */
export function transitionRefusal(problem: TransitionProblem): ServerMessage {
  switch (problem.code) {
    case 'closed':
      return msg('complaint.closed');
    case 'not-allowed':
      return msg('complaint.notAllowed', { from: problem.from, to: problem.to });
    case 'not-yours':
      return msg('complaint.notYours', { from: problem.from, to: problem.to });
    case 'empty-note':
      return msg('complaint.emptyNote');
    default:
      return missingCaseError(problem);
  }
}

/** The English message of a problem. */
export function transitionMessage(problem: TransitionProblem): string {
  return transitionRefusal(problem).message;
}

/** Photos or files attached to a complaint: each at most 5 MB, at most 5 per complaint. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_COMPLAINT = 5;
const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
const fileNameSchema = z.string().trim().min(1).max(255);
const mimeTypeSchema = z.string().max(200);

/**
 * The types the app opens as such (photos and PDF): any other file, whatever type the device
 * that took it declared, is handed over as bytes to save (`application/octet-stream`), so a
 * file can never run as a page of the app (HTML, SVG with scripts…).
 */
const displayableTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);
export function safeAttachmentType(mimeType: string): string {
  const type = mimeType.trim().toLowerCase();
  return displayableTypes.has(type) ? type : 'application/octet-stream';
}

/** An attachment as every laptop sees it: metadata only (the content is fetched apart). */
export const complaintAttachmentSchema = z.object({
  id: uuidSchema,
  complaintId: uuidSchema,
  customerId: uuidSchema,
  fileName: fileNameSchema,
  mimeType: mimeTypeSchema,
  sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  /** Hex SHA-256 of the content, checked by head office on arrival. */
  sha256: sha256HexSchema,
  byUserId: uuidSchema,
  byName: z.string().max(200),
  at: isoDateTimeSchema,
  version: z.number().int().nonnegative(),
});
export type ComplaintAttachment = z.infer<typeof complaintAttachmentSchema>;

/** Base64 length of `bytes` bytes (with padding). */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** The upload of one attachment, its content in base64 (its own mutation: one file per push entry). */
export const attachmentAddSchema = z.object({
  id: uuidSchema,
  complaintId: uuidSchema,
  fileName: fileNameSchema,
  mimeType: mimeTypeSchema,
  sizeBytes: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
  sha256: sha256HexSchema,
  contentBase64: z
    .string()
    .max(base64Length(MAX_ATTACHMENT_BYTES))
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  at: isoDateTimeSchema,
});
export type AttachmentAdd = z.infer<typeof attachmentAddSchema>;

export type AttachmentProblem =
  | { code: 'too-big'; fileName: string; sizeBytes: number }
  | { code: 'empty'; fileName: string }
  | { code: 'too-many'; count: number };

/** Checks files before anything is written (count includes those already attached). */
export function checkAttachments(
  files: readonly { fileName: string; sizeBytes: number }[],
  alreadyAttached = 0,
): AttachmentProblem[] {
  const problems: AttachmentProblem[] = [];
  const count = files.length + alreadyAttached;
  if (count > MAX_ATTACHMENTS_PER_COMPLAINT) problems.push({ code: 'too-many', count });
  for (const f of files) {
    if (f.sizeBytes === 0) problems.push({ code: 'empty', fileName: f.fileName });
    else if (f.sizeBytes > MAX_ATTACHMENT_BYTES)
      problems.push({ code: 'too-big', fileName: f.fileName, sizeBytes: f.sizeBytes });
  }
  return problems;
}
