import { Dexie, type EntityTable, type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { customerEditableDefaults } from '../../shared/domain/customer/customer.js';
import type { EntityName, EntityRow } from '../../shared/sync/protocol.js';
import type {
  ActionRow,
  AppointmentRow,
  AttachmentBlobRow,
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
 * One AppDB per user. Versions only ever get added; each has its upgrade function (or none
 * when only indexes change). Writes that belong together go in one `rw` transaction; the
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
  /** Local only: the content of complaint attachments on this laptop (version 5). */
  attachmentBlobs!: Table<AttachmentBlobRow, string>;
  /** Local only, never synced: visits in progress, saved continuously (version 6). */
  visitDrafts!: Table<VisitDraftRow, string>;
  /** Local only, never synced: the rep's own order and added stops per day (version 4). */
  dayPlans!: Table<DayPlanRow, string>;
  outbox!: Table<OutboxEntry, number>;
  meta!: Table<MetaRow, MetaKey>;

  constructor(name: string, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });

    this.version(1).stores({
      customers: 'id, name, city, postcode, status, ownerId',
      notes: 'id, customerId, [customerId+createdAt]',
      conflicts: 'id, at, entityId',
      outcomes: 'id, mid, at',
      outbox: 'mid, &mutationId',
      meta: 'key',
    });
    // Version 2 seeds the per-device settings once and checks that every pending mutation
    // still parses with this build's schemas (an entry this build cannot push would block the
    // queue forever, so it is kept in `meta` for support rather than silently dropped).
    this.version(2)
      .stores({})
      .upgrade(async (tx) => {
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
      });
    // Version 3: the full customer file. New tables for everything hanging off a customer
    // and the catalogue; customers stored by v2 get the new identity and declarative fields
    // with the values head office gave every existing customer (it will not resend them: their
    // version did not change).
    this.version(3)
      .stores({
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
      })
      .upgrade(async (tx) => {
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
      });
    // Version 4: the rep's day plans (route order and added stops per day). Local only: not a
    // sync entity, not in serverTables(), never pushed; nothing to migrate.
    this.version(4).stores({
      dayPlans: 'day',
    });
    // Version 5: complaint events and attachment metadata (sync entities) and the local content
    // of attachments (never synced down, never cleared by a reset). New tables only; the
    // complaints head office already sent get their events at the next pull (new entity).
    this.version(5).stores({
      complaintEvents: 'id, complaintId, customerId, [complaintId+at]',
      complaintAttachments: 'id, complaintId, customerId',
      attachmentBlobs: 'id, complaintId',
    });
    // Version 6: visits in progress (the guided visit's drafts), LOCAL ONLY: never synced, not in
    // serverTables(), kept by a pull reset. New table only.
    this.version(6).stores({
      visitDrafts: 'id, customerId, appointmentId, updatedAt',
    });
    // Version 7: head office's sales playbook (sync entity `playbook`, newest version only,
    // indexed by version). New table only: head office sends it at the next pull as the
    // difference (no reset); until then the visit uses the built-in default.
    this.version(7).stores({
      playbooks: 'id, version',
    });
  }

  /**
   * The local table of every entity head office sends, checked by the compiler: a new
   * entity without its table is a compile error (pull apply and reset go through this).
   */
  serverTables(): { readonly [E in EntityName]: EntityTable<EntityRow<E>, 'id'> } {
    return {
      customer: this.customers,
      product: this.products,
      priceList: this.priceLists,
      price: this.prices,
      playbook: this.playbooks,
      contact: this.contacts,
      consent: this.consents,
      note: this.notes,
      order: this.orders,
      appointment: this.appointments,
      action: this.actions,
      visit: this.visits,
      complaint: this.complaints,
      complaintEvent: this.complaintEvents,
      complaintAttachment: this.complaintAttachments,
      conflict: this.conflicts,
      outcome: this.outcomes,
    };
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
