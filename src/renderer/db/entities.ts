/**
 * The Dexie store of every sync entity (src/shared/sync/entities.ts): its table name and
 * index spec as the newest database version declares them. Typed over EntityName: an entity
 * without its store is a compile error. A changed spec or a new store also needs a new
 * version in versions.ts (versions.test.ts checks the history ends at these specs).
 */
import type { EntityName } from '../../shared/sync/entities.js';
import { entityNames } from '../../shared/sync/entities.js';

export interface RendererEntity {
  readonly store: string;
  /** Dexie's index spec, primary key first. */
  readonly indexes: string;
}

export const rendererEntities = {
  customer: { store: 'customers', indexes: 'id, name, city, postcode, status, ownerId' },
  product: { store: 'products', indexes: 'id, reference, family, name' },
  priceList: { store: 'priceLists', indexes: 'id, customerGroup' },
  price: { store: 'prices', indexes: 'id, [priceListId+productId], productId' },
  /** The newest version only, indexed by version. */
  playbook: { store: 'playbooks', indexes: 'id, version' },
  contact: { store: 'contacts', indexes: 'id, customerId, [customerId+lastName]' },
  consent: { store: 'consents', indexes: 'id, customerId, contactId' },
  note: { store: 'notes', indexes: 'id, customerId, [customerId+createdAt]' },
  order: { store: 'orders', indexes: 'id, customerId, [customerId+orderedAt], orderedAt, status' },
  appointment: { store: 'appointments', indexes: 'id, startAt, customerId, repId' },
  action: { store: 'actions', indexes: 'id, customerId, [customerId+at]' },
  visit: { store: 'visits', indexes: 'id, customerId, [customerId+at]' },
  complaint: { store: 'complaints', indexes: 'id, customerId, status' },
  complaintEvent: { store: 'complaintEvents', indexes: 'id, complaintId, customerId, [complaintId+at]' },
  complaintAttachment: { store: 'complaintAttachments', indexes: 'id, complaintId, customerId' },
  campaignTask: { store: 'campaignTasks', indexes: 'id, customerId, campaignId, status' },
  conflict: { store: 'conflicts', indexes: 'id, at, entityId' },
  outcome: { store: 'outcomes', indexes: 'id, mid, at' },
} as const satisfies { readonly [E in EntityName]: RendererEntity };

export type ServerStoreName = (typeof rendererEntities)[EntityName]['store'];

/** The stores() spec of every sync entity's table. */
export function serverStores(): Record<ServerStoreName, string> {
  return Object.fromEntries(
    entityNames.map((entity) => [rendererEntities[entity].store, rendererEntities[entity].indexes]),
  ) as Record<ServerStoreName, string>;
}
