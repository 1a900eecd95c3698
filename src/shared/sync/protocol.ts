/**
 * Push/pull wire format (Replicache-style). See ARCHITECTURE.md and
 * docs/decisions/0002-sync-protocol.md.
 */
import { z } from 'zod';
import { marketingActionSchema, complaintSchema, visitSchema } from '../domain/activity/activity.js';
import { appointmentSchema } from '../domain/appointment/appointment.js';
import { complaintAttachmentSchema, complaintEventSchema } from '../domain/complaint/complaint.js';
import { priceListSchema, priceSchema, productSchema } from '../domain/catalog/catalog.js';
import { consentSchema, contactSchema } from '../domain/contact/contact.js';
import { customerSchema } from '../domain/customer/customer.js';
import { noteSchema } from '../domain/note/note.js';
import { orderSchema } from '../domain/order/order.js';
import { syncedPlaybookSchema } from '../domain/playbook/playbook.js';
import { appErrorSchema, errorCodes } from '../lib/result.js';
import { isoDateTimeSchema, uuidSchema } from '../lib/ids.js';
import { mutationSchema } from './mutations.js';

/** Bump when the wire format or a mutation changes; the server accepts this and the previous. */
export const SCHEMA_VERSION = 1;
export const MAX_PUSH_BATCH = 500;
/**
 * Upper bound, in UTF-8 bytes, of a push body the laptop sends (head office accepts 8 MiB,
 * counted in bytes): a batch is cut before the mutation that would cross it, and always holds
 * at least one mutation (an attachment of 5 MB is about 7 MB of base64).
 */
export const MAX_PUSH_BODY_BYTES = 7_500_000;
/**
 * Room kept for the request around the mutations (`{"clientId":…,"schemaVersion":…,
 * "mutations":[…]}` is under 100 bytes; the rest is margin for a transport's wrapping).
 */
export const PUSH_ENVELOPE_BYTES = 1024;

/**
 * TextEncoder exists in every runtime shared code runs in (browser, Electron, Node), but shared
 * code is type-checked without DOM or Node types: the one member used, declared for this module.
 */
declare const TextEncoder: new () => { encode(input: string): Uint8Array };
const utf8 = new TextEncoder();

/**
 * The longest prefix of `batch` whose push body (envelope + JSON of the mutations, in UTF-8
 * bytes: accented notes take two bytes a letter) stays under `maxBytes` (at least one).
 */
export function limitPushBatch<T>(
  batch: readonly T[],
  maxBytes = MAX_PUSH_BODY_BYTES,
  envelopeBytes = PUSH_ENVELOPE_BYTES,
): T[] {
  let total = envelopeBytes;
  const kept: T[] = [];
  for (const mutation of batch) {
    total += utf8.encode(JSON.stringify(mutation)).length + 1;
    if (kept.length > 0 && total > maxBytes) break;
    kept.push(mutation);
  }
  return kept;
}

export const pushRequestSchema = z.object({
  clientId: uuidSchema,
  schemaVersion: z.number().int(),
  mutations: z.array(mutationSchema).max(MAX_PUSH_BATCH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  /** Highest mid the server has processed for this client (applied or rejected). */
  lastMid: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** A business rejection of a pushed mutation, pulled back so the rep sees it. */
export const mutationOutcomeSchema = z.object({
  id: uuidSchema, // the mutationId
  clientId: uuidSchema,
  mid: z.number().int().positive(),
  name: z.string(),
  code: z.enum(errorCodes),
  message: z.string(),
  /** The message's key and parameters; absent on refusals stored before keys (shown by code). */
  key: appErrorSchema.shape.key,
  params: appErrorSchema.shape.params,
  /** What was refused, in the rep's own words (a note's text), so nothing typed is lost. */
  detail: z.string(),
  at: isoDateTimeSchema,
});
export type MutationOutcome = z.infer<typeof mutationOutcomeSchema>;

/** Entities merged field by field whose losing values go to the conflict log. */
export const conflictEntities = ['customer', 'appointment'] as const;
export type ConflictEntity = (typeof conflictEntities)[number];

/** A losing value under last-writer-wins, kept so nobody's change disappears silently. */
export const conflictSchema = z.object({
  id: uuidSchema,
  entity: z.enum(conflictEntities),
  entityId: uuidSchema,
  entityLabel: z.string(),
  field: z.string(),
  lostValue: z.string(),
  keptValue: z.string(),
  lostBy: z.string(),
  keptBy: z.string(),
  at: isoDateTimeSchema,
});
export type Conflict = z.infer<typeof conflictSchema>;

/**
 * Every entity a laptop holds, in pull order: customers first, then the catalogue, then what
 * hangs off a customer (a contact before its consents, an order before its complaints), so a
 * page of a paged first download never holds a row whose parent has not arrived yet.
 */
export const entityNames = [
  'customer',
  'product',
  'priceList',
  'price',
  'playbook',
  'contact',
  'consent',
  'note',
  'order',
  'appointment',
  'action',
  'visit',
  'complaint',
  'complaintEvent',
  'complaintAttachment',
  'conflict',
  'outcome',
] as const;
export type EntityName = (typeof entityNames)[number];

export const entitySchemas = {
  customer: customerSchema,
  product: productSchema,
  priceList: priceListSchema,
  price: priceSchema,
  /** Head office's sales playbook: only the newest version is held (server-authoritative). */
  playbook: syncedPlaybookSchema,
  contact: contactSchema,
  consent: consentSchema,
  note: noteSchema,
  order: orderSchema,
  appointment: appointmentSchema,
  /** A marketing action (action commerciale): mailing, promotion, call… and the reaction. */
  action: marketingActionSchema,
  visit: visitSchema,
  complaint: complaintSchema,
  /** A step of a complaint's lifecycle (received, a status change, a note): append-only. */
  complaintEvent: complaintEventSchema,
  /** A photo or file of a complaint: metadata only, the content is fetched on demand. */
  complaintAttachment: complaintAttachmentSchema,
  conflict: conflictSchema,
  outcome: mutationOutcomeSchema,
} as const satisfies { readonly [E in EntityName]: z.ZodType };
export type EntityRow<E extends EntityName> = z.infer<(typeof entitySchemas)[E]>;

function putOf<E extends EntityName, S extends (typeof entitySchemas)[E]>(entity: E, value: S) {
  return z.object({ op: z.literal('put'), entity: z.literal(entity), value });
}

// Puts are nested by entity: zod 4 refuses duplicate discriminator values in one union.
export const patchOpSchema = z.discriminatedUnion('op', [
  z.discriminatedUnion('entity', [
    putOf('customer', customerSchema),
    putOf('product', productSchema),
    putOf('priceList', priceListSchema),
    putOf('price', priceSchema),
    putOf('playbook', syncedPlaybookSchema),
    putOf('contact', contactSchema),
    putOf('consent', consentSchema),
    putOf('note', noteSchema),
    putOf('order', orderSchema),
    putOf('appointment', appointmentSchema),
    putOf('action', marketingActionSchema),
    putOf('visit', visitSchema),
    putOf('complaint', complaintSchema),
    putOf('complaintEvent', complaintEventSchema),
    putOf('complaintAttachment', complaintAttachmentSchema),
    putOf('conflict', conflictSchema),
    putOf('outcome', mutationOutcomeSchema),
  ]),
  z.object({ op: z.literal('del'), entity: z.enum(entityNames), id: uuidSchema }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;
export type PutOp = Extract<PatchOp, { op: 'put' }>;
/** Compile-time check: every entity has its put in `patchOpSchema`. */
export const everyEntityHasAPut: [EntityName] extends [PutOp['entity']] ? true : never = true;

export const pullRequestSchema = z.object({
  clientId: uuidSchema,
  schemaVersion: z.number().int(),
  /** The cookie of the last pull applied on the laptop; null on first pull. */
  cookie: z.number().int().nonnegative().nullable(),
  /** Upper bound of ops in one response; the client pulls again while `more` is true. */
  limit: z.number().int().min(1).max(20_000).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pullResponseSchema = z.object({
  cookie: z.number().int().nonnegative(),
  lastMid: z.number().int().nonnegative(),
  /** True when the laptop must drop its copy of server data before applying (cookie unknown). */
  reset: z.boolean(),
  /** True when more ops are waiting: pull again with the new cookie. */
  more: z.boolean(),
  patch: z.array(patchOpSchema),
  serverTime: isoDateTimeSchema,
});
export type PullResponse = z.infer<typeof pullResponseSchema>;
