/**
 * Every entity a laptop holds, declared once: its wire schema, its conflict policy and the
 * i18n key of its name. The key order is the pull order: customers first, then the catalogue,
 * then what hangs off a customer (a contact before its consents, an order before its
 * complaints), so a page of a paged first download never holds a row whose parent has not
 * arrived yet. Head office's table, scope and wire mapper are in
 * server/features/sync/entities.ts, the Dexie store in renderer/db/entities.ts: both are typed
 * over EntityName, so a new entity here without them is a compile error.
 */
import type { z } from 'zod';
import { marketingActionSchema, complaintSchema, visitSchema } from '../domain/activity/activity.js';
import { appointmentSchema } from '../domain/appointment/appointment.js';
import { campaignTaskSchema } from '../domain/campaign/campaign.js';
import { complaintAttachmentSchema, complaintEventSchema } from '../domain/complaint/complaint.js';
import { priceListSchema, priceSchema, productSchema } from '../domain/catalog/catalog.js';
import { consentSchema, contactSchema } from '../domain/contact/contact.js';
import { customerSchema } from '../domain/customer/customer.js';
import { noteSchema } from '../domain/note/note.js';
import { orderSchema } from '../domain/order/order.js';
import { syncedPlaybookSchema } from '../domain/playbook/playbook.js';
import { conflictSchema, mutationOutcomeSchema } from './records.js';

/**
 * How concurrent writes to a row are settled (ARCHITECTURE.md "Conflicts by entity"):
 * - field-last-writer-wins: per field in server order; a value overwritten by a writer who had
 *   not seen it goes to the conflict log (nobody's change disappears silently);
 * - append-only: a row is never edited by a laptop; a change is a new mutation or record;
 * - server-authoritative: read-only on laptops, head office decides.
 */
export const entityPolicies = ['field-last-writer-wins', 'append-only', 'server-authoritative'] as const;
export type EntityPolicy = (typeof entityPolicies)[number];

export interface SharedEntity {
  readonly schema: z.ZodType;
  readonly policy: EntityPolicy;
  /** i18n key of the entity's name in the renderer's catalogues. */
  readonly nameKey: `entity.${string}`;
}

export const entities = {
  customer: { schema: customerSchema, policy: 'field-last-writer-wins', nameKey: 'entity.customer' },
  product: { schema: productSchema, policy: 'server-authoritative', nameKey: 'entity.product' },
  priceList: { schema: priceListSchema, policy: 'server-authoritative', nameKey: 'entity.priceList' },
  price: { schema: priceSchema, policy: 'server-authoritative', nameKey: 'entity.price' },
  /** Head office's sales playbook, newest version only; head office saves a new version. */
  playbook: { schema: syncedPlaybookSchema, policy: 'server-authoritative', nameKey: 'entity.playbook' },
  contact: { schema: contactSchema, policy: 'field-last-writer-wins', nameKey: 'entity.contact' },
  /** A consent change is a new consent record. */
  consent: { schema: consentSchema, policy: 'append-only', nameKey: 'entity.consent' },
  /** A note is never edited; a new note is a new mutation. */
  note: { schema: noteSchema, policy: 'append-only', nameKey: 'entity.note' },
  /** An order locked by head office refuses edits with a visible reason. */
  order: { schema: orderSchema, policy: 'append-only', nameKey: 'entity.order' },
  /**
   * Start, duration, kind, contact, objective, notes, status merged per field whoever writes
   * (a rep's pushed mutation or a manager at head office).
   */
  appointment: { schema: appointmentSchema, policy: 'field-last-writer-wins', nameKey: 'entity.appointment' },
  /** A marketing action (action commerciale): mailing, promotion, call… and the reaction. */
  action: { schema: marketingActionSchema, policy: 'append-only', nameKey: 'entity.action' },
  visit: { schema: visitSchema, policy: 'append-only', nameKey: 'entity.visit' },
  complaint: { schema: complaintSchema, policy: 'append-only', nameKey: 'entity.complaint' },
  /** A step of a complaint's lifecycle (received, a status change, a note). */
  complaintEvent: { schema: complaintEventSchema, policy: 'append-only', nameKey: 'entity.complaintEvent' },
  /** A photo or file of a complaint: metadata only, the content is fetched on demand. */
  complaintAttachment: {
    schema: complaintAttachmentSchema,
    policy: 'append-only',
    nameKey: 'entity.complaintAttachment',
  },
  /** A campaign's task for the customer's rep, with the offer; head office ticks it off. */
  campaignTask: {
    schema: campaignTaskSchema,
    policy: 'server-authoritative',
    nameKey: 'entity.campaignTask',
  },
  conflict: { schema: conflictSchema, policy: 'server-authoritative', nameKey: 'entity.conflict' },
  outcome: { schema: mutationOutcomeSchema, policy: 'server-authoritative', nameKey: 'entity.outcome' },
} as const satisfies Readonly<Record<string, SharedEntity>>;

export type EntityName = keyof typeof entities;

/** The entity names in pull order (the registry's key order). */
export const entityNames = Object.keys(entities) as [EntityName, ...EntityName[]];

export type EntitySchemas = { readonly [E in EntityName]: (typeof entities)[E]['schema'] };
export const entitySchemas = Object.fromEntries(
  entityNames.map((name) => [name, entities[name].schema]),
) as EntitySchemas;

export type EntityRow<E extends EntityName> = z.infer<EntitySchemas[E]>;

export function isEntityName(name: string): name is EntityName {
  return Object.hasOwn(entities, name);
}
