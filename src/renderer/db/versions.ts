/**
 * The history of the local database, one entry per version: the stores it adds or changes
 * (Dexie's difference from the previous version) and its upgrade. Versions only ever get
 * added and a past entry never changes: an install upgrades through every one of them. AppDB
 * declares the database from this list; upgrade tests open a database at an older version
 * with `declareVersions(db, n)` and then let AppDB upgrade it.
 */
import type { Dexie, Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { customerEditableDefaults } from '../../shared/domain/customer/customer.js';
import type { CustomerRow, MetaKey, MetaRow } from './schema.js';
import { bucketsOf, orderFactOf, type OrderFact } from './orderFacts.js';
import { metaDefaults, outboxEntrySchema } from './schema.js';

export interface DexieVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const dexieVersions = [
  {
    version: 1,
    stores: {
      customers: 'id, name, city, postcode, status, ownerId',
      notes: 'id, customerId, [customerId+createdAt]',
      conflicts: 'id, at, entityId',
      outcomes: 'id, mid, at',
      outbox: 'mid, &mutationId',
      meta: 'key',
    },
  },
  {
    // Seeds the per-device settings once and checks that every pending mutation still parses
    // with this build's schemas (an entry this build cannot push would block the queue
    // forever, so it is kept in `meta` for support rather than silently dropped).
    version: 2,
    stores: {},
    upgrade: async (tx) => {
      const meta = tx.table<MetaRow, MetaKey>('meta');
      const existing = await meta.get('clientId');
      if (!existing) await meta.put({ key: 'clientId', value: uuidv7() });
      for (const [key, value] of Object.entries(metaDefaults)) {
        const k = key as MetaKey;
        if (!(await meta.get(k))) await meta.put({ key: k, value });
      }
      const outbox = tx.table<unknown, number>('outbox');
      const rows = await outbox.toArray();
      for (const row of rows) {
        const parsed = outboxEntrySchema.safeParse(row);
        if (!parsed.success) {
          console.error('Outbox entry no longer valid after upgrade', row, parsed.error);
        }
      }
    },
  },
  {
    // The full customer file: tables for everything hanging off a customer and the catalogue;
    // customers stored before get the new identity and declarative fields with the values head
    // office gave every existing customer (it will not resend them: their version did not change).
    version: 3,
    stores: {
      contacts: 'id, customerId, [customerId+lastName]',
      consents: 'id, customerId, contactId',
      products: 'id, reference, family, name',
      priceLists: 'id, customerGroup',
      prices: 'id, [priceListId+productId], productId',
      orders: 'id, customerId, [customerId+orderedAt], orderedAt, status',
      appointments: 'id, startAt, customerId, repId',
      actions: 'id, customerId, [customerId+at]',
      visits: 'id, customerId, [customerId+at]',
      complaints: 'id, customerId, status',
    },
    upgrade: async (tx) => {
      await tx
        .table<Partial<CustomerRow>, string>('customers')
        .toCollection()
        .modify((row) => {
          for (const [key, value] of Object.entries(customerEditableDefaults)) {
            const k = key as keyof typeof customerEditableDefaults;
            if (row[k] === undefined) (row as Record<string, unknown>)[k] = value;
          }
          if (row.externalRef === undefined) row.externalRef = null;
        });
    },
  },
  {
    // The rep's day plans (route order and added stops per day). Local only: not a sync
    // entity, never pushed; nothing to migrate.
    version: 4,
    stores: { dayPlans: 'day' },
  },
  {
    // Complaint events and attachment metadata (sync entities) and the local content of
    // attachments (never synced down, never cleared by a reset). New tables only; the
    // complaints head office already sent get their events at the next pull (new entity).
    version: 5,
    stores: {
      complaintEvents: 'id, complaintId, customerId, [complaintId+at]',
      complaintAttachments: 'id, complaintId, customerId',
      attachmentBlobs: 'id, complaintId',
    },
  },
  {
    // Visits in progress (the guided visit's drafts), local only: never synced, kept by a pull
    // reset. New table only.
    version: 6,
    stores: { visitDrafts: 'id, customerId, appointmentId, updatedAt' },
  },
  {
    // Head office's sales playbook (sync entity `playbook`, newest version only). New table
    // only: head office sends it at the next pull as the difference (no reset); until then
    // the visit uses the built-in default.
    version: 7,
    stores: { playbooks: 'id, version' },
  },
  {
    // Campaign tasks (sync entity `campaignTask`, read-only here). New table only: head office
    // sends the rep's open tasks at the next pull as the difference (no reset).
    version: 8,
    stores: { campaignTasks: 'id, customerId, campaignId, status' },
  },
  {
    // Order facts (orderFacts.ts): what the portfolio RFM reads of each order, derived from
    // `orders` and kept in step by a middleware from now on; filled here from the orders
    // stored before. Local and derived: no reset, nothing pulled again. An order row without
    // the fields a fact needs is reported (it could not be scored anyway) and gets no fact.
    version: 9,
    stores: { orderFacts: 'bucket' },
    upgrade: async (tx) => {
      const facts: OrderFact[] = [];
      await tx
        .table<unknown, string>('orders')
        .toCollection()
        .each((row) => {
          const fact = orderFactOf(row);
          if (fact) facts.push(fact);
          else console.error('Order row without the fields of its RFM fact', row);
        });
      await tx.table('orderFacts').bulkPut(bucketsOf(facts));
    },
  },
  {
    // Writes head office acknowledged, kept for a while (decision 0020: a head office restored
    // from an older backup gets them again). Local only, new table only: writes acknowledged
    // before this version are gone already; it fills from the next acknowledgement on.
    version: 10,
    stores: { acknowledged: 'mid, &mutationId, acknowledgedAt' },
  },
] as const satisfies readonly DexieVersion[];

export const latestVersion = dexieVersions.length;

/** Every store and its spec as version `version` leaves them (all versions up to it merged). */
export function storesAt(version: number): Record<string, string> {
  const stores: Record<string, string> = {};
  for (const entry of dexieVersions) if (entry.version <= version) Object.assign(stores, entry.stores);
  return stores;
}

/** Declares versions 1 to `upTo` on `db` (stores as copies: Dexie extends the object it is given). */
export function declareVersions(db: Dexie, upTo: number = latestVersion): void {
  for (const entry of dexieVersions as readonly DexieVersion[]) {
    if (entry.version > upTo) break;
    const version = db.version(entry.version).stores({ ...entry.stores });
    if (entry.upgrade) version.upgrade(entry.upgrade);
  }
}
