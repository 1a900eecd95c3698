import { Dexie, type EntityTable, type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { EntityName, EntityRow } from '../../shared/sync/entities.js';
import { entityNames } from '../../shared/sync/entities.js';
import { rendererEntities, serverStores } from './entities.js';
import type {
  AcknowledgedEntry,
  ActionRow,
  AppointmentRow,
  AttachmentBlobRow,
  CampaignTaskRow,
  ComplaintAttachmentRow,
  ComplaintEventRow,
  ComplaintRow,
  ConflictRow,
  ConsentRow,
  ContactRow,
  CustomerRow,
  DayPlanRow,
  MetaKey,
  MetaRow,
  MetaValue,
  NoteRow,
  OrderRow,
  OutboxEntry,
  OutcomeRow,
  PlaybookRow,
  PriceListRow,
  PriceRow,
  ProductRow,
  VisitDraftRow,
  VisitRow,
} from './schema.js';
import { metaDefaults, metaSchemas, outboxEntrySchema } from './schema.js';
import { orderFactsMiddleware, type OrderFactsBucket } from './orderFacts.js';
import { declareVersions, latestVersion } from './versions.js';

/** Tables of this laptop only: never synced down, kept by a pull reset. */
export const localStores = {
  outbox: 'mid, &mutationId',
  acknowledged: 'mid, &mutationId, acknowledgedAt',
  meta: 'key',
  dayPlans: 'day',
  attachmentBlobs: 'id, complaintId',
  visitDrafts: 'id, customerId, appointmentId, updatedAt',
} as const;

/**
 * Tables derived from others on this laptop and kept in step with them in the same
 * transaction by a middleware (never written directly, never synced; a reset clears them
 * with their source).
 */
export const derivedStores = {
  /** From `orders` (orderFacts.ts). */
  orderFacts: 'bucket',
} as const;

/** The database of one signed-in user on this device. */
export function databaseNameFor(userId: string): string {
  return `tournee-${userId}`;
}

export class MetaValueError extends Error {
  constructor(key: MetaKey, detail: string) {
    super(`Invalid local setting ${key}: ${detail}`);
    this.name = 'MetaValueError';
  }
}

/**
 * One AppDB per user. Its versions and their upgrades are in versions.ts; the tables of sync
 * entities in entities.ts. Writes that belong together go in one `rw` transaction; the
 * database uses strict durability so "saved on this laptop" means flushed to disk.
 */
export class AppDB extends Dexie {
  customers!: EntityTable<CustomerRow, 'id'>;
  notes!: EntityTable<NoteRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  outcomes!: EntityTable<OutcomeRow, 'id'>;
  contacts!: EntityTable<ContactRow, 'id'>;
  consents!: EntityTable<ConsentRow, 'id'>;
  products!: EntityTable<ProductRow, 'id'>;
  priceLists!: EntityTable<PriceListRow, 'id'>;
  prices!: EntityTable<PriceRow, 'id'>;
  orders!: EntityTable<OrderRow, 'id'>;
  appointments!: EntityTable<AppointmentRow, 'id'>;
  actions!: EntityTable<ActionRow, 'id'>;
  visits!: EntityTable<VisitRow, 'id'>;
  complaints!: EntityTable<ComplaintRow, 'id'>;
  complaintEvents!: EntityTable<ComplaintEventRow, 'id'>;
  complaintAttachments!: EntityTable<ComplaintAttachmentRow, 'id'>;
  /** Head office's sales playbook, the newest version only (version 7). */
  playbooks!: EntityTable<PlaybookRow, 'id'>;
  campaignTasks!: EntityTable<CampaignTaskRow, 'id'>;
  /** Local only: the content of complaint attachments on this laptop (version 5). */
  attachmentBlobs!: Table<AttachmentBlobRow, string>;
  /** Local only, never synced: visits in progress, saved continuously (version 6). */
  visitDrafts!: Table<VisitDraftRow, string>;
  /** Local only, never synced: the rep's own order and added stops per day (version 4). */
  dayPlans!: Table<DayPlanRow, string>;
  /** Derived from `orders`, what the portfolio RFM reads (version 9, orderFacts.ts). */
  orderFacts!: Table<OrderFactsBucket, number>;
  outbox!: Table<OutboxEntry, number>;
  /** Local only: writes head office acknowledged, kept for a restore of head office (version 10). */
  acknowledged!: Table<AcknowledgedEntry, number>;
  meta!: Table<MetaRow, MetaKey>;

  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });

    this.use(orderFactsMiddleware);
    declareVersions(this);
    // The newest version as the registries state it (versions.test.ts: the same as the history).
    this.version(latestVersion).stores({ ...serverStores(), ...localStores, ...derivedStores });
  }

  /**
   * The local table of every entity head office sends, from the registry (renderer/db/entities.ts):
   * pull apply and reset go through this.
   */
  serverTables(): { readonly [E in EntityName]: EntityTable<EntityRow<E>, 'id'> } {
    return Object.fromEntries(
      entityNames.map((entity) => [entity, this[rendererEntities[entity].store]]),
    ) as { readonly [E in EntityName]: EntityTable<EntityRow<E>, 'id'> };
  }

  /** Reads one setting, validated; the default when unset. Throws on a corrupt value. */
  async getMeta<K extends MetaKey>(key: K): Promise<MetaValue<K> | undefined> {
    const row = await this.meta.get(key);
    if (!row) return metaDefaults[key] as MetaValue<K> | undefined;
    const parsed = metaSchemas[key].safeParse(row.value);
    if (!parsed.success) throw new MetaValueError(key, parsed.error.message);
    return parsed.data as MetaValue<K>;
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValue<K>): Promise<void> {
    await this.meta.put({ key, value: metaSchemas[key].parse(value) });
  }

  /** The device's client id for this user, created on first use. */
  async ensureClientId(): Promise<string> {
    return this.transaction('rw', this.meta, async () => {
      const current = await this.getMeta('clientId');
      if (current) return current;
      const id = uuidv7();
      await this.setMeta('clientId', id);
      return id;
    });
  }

  /** Pending outbox entries, validated (they cross the boundary of app versions). */
  async pendingMutations(limit?: number): Promise<OutboxEntry[]> {
    const query = this.outbox.orderBy('mid');
    const rows = limit === undefined ? await query.toArray() : await query.limit(limit).toArray();
    return rows.map((row) => outboxEntrySchema.parse(row));
  }
}

/** Opens (and creates or upgrades) the database of one user. */
export async function openUserDB(userId: string): Promise<AppDB> {
  const db = new AppDB(databaseNameFor(userId));
  await db.open();
  await db.ensureClientId();
  return db;
}
