/**
 * Head-office schema (PostgreSQL; PGlite in embedded mode). Ids are client-made UUID v7,
 * timestamps are timestamptz read as `Date` and sent on the wire as ISO UTC strings.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { errorCodes } from '../../shared/lib/result.js';
import type { MessageParams } from '../../shared/lib/messages.js';
import { channels, consentPurposes } from '../../shared/domain/contact/contact.js';
import { orderApprovals, orderStatuses } from '../../shared/domain/order/order.js';
import type { PriceBreak, VatRate } from '../../shared/domain/catalog/catalog.js';
import { appointmentKinds, appointmentStatuses } from '../../shared/domain/appointment/appointment.js';
import {
  actionKinds,
  complaintSeverities,
  complaintStatuses,
  noSaleReasons,
  reactions,
  visitOutcomes,
  visitSteps,
} from '../../shared/domain/activity/activity.js';
import type { Motive, Playbook } from '../../shared/domain/playbook/playbook.js';
import type { VisitObjection } from '../../shared/domain/activity/activity.js';
import { companySizes } from '../../shared/domain/customer/customer.js';
import { campaignChannels, campaignSources } from '../../shared/domain/campaign/campaign.js';
import { conflictEntities, entityNames } from '../../shared/sync/protocol.js';
import { refusalHandlings } from '../../shared/sync/records.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A jsonb list column, `[]` by default. */
const jsonList = <T>(name: string) =>
  jsonb(name)
    .$type<T[]>()
    .notNull()
    .default(sql`'[]'::jsonb`);

/**
 * Per-field merge state of a row edited on several laptops: the version at which each field
 * last changed, and who wrote it (user id).
 */
const fieldMergeColumns = () => ({
  fieldVersions: jsonb('field_versions')
    .$type<FieldVersions>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  fieldAuthors: jsonb('field_authors')
    .$type<FieldAuthors>()
    .notNull()
    .default(sql`'{}'::jsonb`),
});

/** The customer a row belongs to (its scope follows the customer's). */
const customerRef = () =>
  uuid('customer_id')
    .notNull()
    .references(() => customers.id);

/** A person a row names (rep, author). */
const userRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id);

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['rep', 'manager', 'admin'] }).notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['fr', 'en'] })
      .notNull()
      .default('fr'),
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    /** The largest discount the rep gives without their manager's approval (basis points). */
    maxDiscountBp: integer('max_discount_bp').notNull().default(1000),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_team_idx').on(t.teamId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: userRef('user_id'),
    tokenHash: text('token_hash').notNull(),
    deviceName: text('device_name').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at'),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_hash_unique').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip'),
    success: boolean('success').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [
    index('login_attempts_email_at_idx').on(t.email, t.at),
    index('login_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

export const loginLinks = pgTable('login_links', {
  codeHash: text('code_hash').primaryKey(),
  userId: userRef('user_id'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** `{ field: version at which it last changed }` and `{ field: user id who wrote it }`. */
export type FieldVersions = Record<string, number>;
export type FieldAuthors = Record<string, string>;

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    siret: text('siret').notNull().default(''),
    nafCode: text('naf_code').notNull().default(''),
    legalForm: text('legal_form').notNull().default(''),
    address: text('address').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    size: text('size', { enum: companySizes }).notNull().default(''),
    sector: text('sector').notNull().default(''),
    firstContactDate: date('first_contact_date', { mode: 'string' }),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    needs: text('needs').notNull().default(''),
    preferredVisitDays: jsonList<number>('preferred_visit_days'),
    preferredVisitHours: text('preferred_visit_hours').notNull().default(''),
    openingHours: text('opening_hours').notNull().default(''),
    competitors: jsonList<string>('competitors'),
    budgetCycle: text('budget_cycle').notNull().default(''),
    declarativeNotes: text('declarative_notes').notNull().default(''),
    status: text('status', { enum: ['prospect', 'customer', 'lost'] }).notNull(),
    priceGroup: text('price_group').notNull().default(''),
    externalRef: text('external_ref'),
    ownerId: uuid('owner_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...fieldMergeColumns(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    index('customers_owner_idx').on(t.ownerId),
    // The live customers' reps, read whole (index only) where figures join customers for their rep.
    index('customers_live_owner_idx')
      .on(t.ownerId, t.id)
      .where(sql`deleted_at is null`),
    uniqueIndex('customers_external_ref_unique').on(t.externalRef),
  ],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    authorId: userRef('author_id'),
    body: text('body').notNull(),
    /** Client clock, display only. */
    createdAt: ts('created_at').notNull(),
    receivedAt: ts('received_at').notNull(),
    version: integer('version').notNull().default(1),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('notes_customer_idx').on(t.customerId)],
);

export const syncClients = pgTable(
  'sync_clients',
  {
    id: uuid('id').primaryKey(),
    userId: userRef('user_id'),
    lastMid: integer('last_mid').notNull().default(0),
    /** The pull cookie: bumped each time ops are recorded in the client's view. */
    viewVersion: integer('view_version').notNull().default(0),
    /**
     * The view version of the last reset. A laptop whose cookie is older never applied that
     * reset (its answer was lost) and may still hold rows the reset forgot: it resets again.
     */
    resetVersion: integer('reset_version').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    /** Changes waiting on the laptop as it said at its last pull (null before it ever said). */
    reportedPending: integer('reported_pending'),
    /**
     * Where a download of several pages stands: the last (entity, row) its page at view version
     * `pullCursorVersion` sent. The next page, asked with that cookie, reads the scope after it
     * instead of diffing the whole scope again; the last page is always a full diff (pull.ts).
     */
    pullCursorVersion: integer('pull_cursor_version'),
    pullCursorEntity: text('pull_cursor_entity'),
    pullCursorRowId: uuid('pull_cursor_row_id'),
    /**
     * The sum of the change marks over this user's scope (syncChangeMarks) read by the last pull
     * that compared the whole scope: a wait that finds another sum answers at once (sync-wait).
     */
    wakeMark: bigint('wake_mark', { mode: 'number' }),
  },
  (t) => [index('sync_clients_user_idx').on(t.userId)],
);

/**
 * What wakes a laptop's long poll (sync-wait, decision 0022): a counter per person whose
 * customers (or conflicts) changed, the customers' owner; the nil uuid counts changes to rows
 * everyone holds (catalogue, playbook). Bumped by triggers on every table a pull's scope reads,
 * in the writing transaction (migration 0021), so no write path can forget it; a row per
 * person, in PostgreSQL, so every head-office instance sees it.
 */
export const syncChangeMarks = pgTable('sync_change_marks', {
  ownerId: uuid('owner_id').primaryKey(),
  counter: bigint('counter', { mode: 'number' }).notNull().default(0),
});

/** Per-client view record: what each laptop holds, so pull sends the difference. */
export const syncClientViews = pgTable(
  'sync_client_views',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => syncClients.id),
    entity: text('entity', { enum: entityNames }).notNull(),
    rowId: uuid('row_id').notNull(),
    rowVersion: integer('row_version').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    changedAt: integer('changed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clientId, t.entity, t.rowId] }),
    index('sync_client_views_changed_idx').on(t.clientId, t.changedAt),
  ],
);

export const mutationOutcomes = pgTable(
  'mutation_outcomes',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => syncClients.id),
    mid: integer('mid').notNull(),
    name: text('name').notNull(),
    code: text('code', { enum: errorCodes }).notNull(),
    message: text('message').notNull(),
    /** The message's key and parameters (shared/lib/messages.ts); null on rows stored before. */
    messageKey: text('message_key'),
    messageParams: jsonb('message_params').$type<MessageParams>(),
    detail: text('detail').notNull().default(''),
    /**
     * The name of the customer the refused write was about, when the laptop that sent it once
     * held that customer (so it tells nobody a name they did not have); null otherwise.
     */
    customerName: text('customer_name'),
    at: ts('at').notNull(),
    /**
     * The refused mutation's arguments as head office validated them (NUL and lone surrogates
     * replaced, null when larger than MAX_KEPT_ARGS_BYTES), so the rep's manager can read and
     * re-apply the work (decision 0021); null on refusals stored before.
     */
    args: jsonb('args').$type<unknown>(),
    /** The customer it was about, when head office knew it at the refusal (never sent to a laptop). */
    customerId: uuid('customer_id'),
    /** Bumped when the refusal is handled, so the laptop's view record sends it again. */
    version: integer('version').notNull().default(1),
    /** What the rep's manager did with it: null while open; never deleted once set. */
    handledAction: text('handled_action', { enum: refusalHandlings }),
    handledBy: uuid('handled_by').references(() => users.id),
    handledAt: ts('handled_at'),
    handledReason: text('handled_reason'),
  },
  (t) => [index('mutation_outcomes_client_idx').on(t.clientId)],
);

export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey(),
    entity: text('entity', { enum: conflictEntities }).notNull(),
    entityId: uuid('entity_id').notNull(),
    entityLabel: text('entity_label').notNull(),
    field: text('field').notNull(),
    lostValue: text('lost_value').notNull(),
    keptValue: text('kept_value').notNull(),
    lostByUserId: uuid('lost_by_user_id'),
    lostBy: text('lost_by').notNull(),
    keptByUserId: uuid('kept_by_user_id'),
    keptBy: text('kept_by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('conflicts_entity_idx').on(t.entityId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id'),
    method: text('method').notNull(),
    entity: text('entity'),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    at: ts('at').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// ---- The customer file (portfolio): contacts, catalogue, orders, activity -------------------
// Every synced table: a uuid id made by the client or the seed/import, `version` bumped on
// every change (it is what the pull compares), `updated_at`, a `deleted_at` tombstone, and
// `external_ref` (the id in the system an import came from; unique where imports upsert).

const syncedColumns = {
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  deletedAt: ts('deleted_at'),
  externalRef: text('external_ref'),
};

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull(),
    role: text('role').notNull().default(''),
    phone: text('phone').notNull().default(''),
    mobile: text('mobile').notNull().default(''),
    email: text('email').notNull().default(''),
    decisionMaker: boolean('decision_maker').notNull().default(false),
    preferredChannel: text('preferred_channel', { enum: channels }).notNull().default('visit'),
    anonymisedAt: ts('anonymised_at'),
    ...syncedColumns,
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    uniqueIndex('contacts_external_ref_unique').on(t.externalRef),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    granted: boolean('granted').notNull(),
    at: ts('at').notNull(),
    source: text('source').notNull().default(''),
    ...syncedColumns,
  },
  (t) => [index('consents_customer_idx').on(t.customerId), index('consents_contact_idx').on(t.contactId)],
);

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    reference: text('reference').notNull(),
    name: text('name').notNull(),
    family: text('family').notNull(),
    unit: text('unit').notNull(),
    vatRate: integer('vat_rate').$type<VatRate>().notNull(),
    active: boolean('active').notNull().default(true),
    ...syncedColumns,
  },
  (t) => [
    uniqueIndex('products_reference_unique').on(t.reference),
    uniqueIndex('products_external_ref_unique').on(t.externalRef),
  ],
);

export const priceLists = pgTable(
  'price_lists',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    customerGroup: text('customer_group').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    ...syncedColumns,
  },
  (t) => [uniqueIndex('price_lists_code_unique').on(t.code)],
);

export const prices = pgTable(
  'prices',
  {
    id: uuid('id').primaryKey(),
    priceListId: uuid('price_list_id')
      .notNull()
      .references(() => priceLists.id),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    breaks: jsonb('breaks').$type<PriceBreak[]>().notNull(),
    ...syncedColumns,
  },
  (t) => [
    uniqueIndex('prices_list_product_unique').on(t.priceListId, t.productId),
    index('prices_product_idx').on(t.productId),
  ],
);

/**
 * The last CMD-YYYY-NNNNNN handed out, per year: taking the next one is one row update, where it
 * was a scan of every order for the highest number (247 ms at the demo's 100,000 orders, under a
 * lock every order waited for). The first number of a year still starts from the highest one
 * already there (imported), and a number an import took meanwhile is skipped.
 */
export const orderNumberCounters = pgTable('order_number_counters', {
  year: integer('year').primaryKey(),
  last: bigint('last', { mode: 'number' }).notNull(),
});

/** Totals in cents: bigint in SQL (a year of a big account can pass 2^31 cents), JS numbers. */
const cents = (name: string) => bigint(name, { mode: 'number' });

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    repId: uuid('rep_id').references(() => users.id),
    number: text('number').notNull(),
    orderedAt: ts('ordered_at').notNull(),
    deliveryDate: date('delivery_date', { mode: 'string' }),
    status: text('status', { enum: orderStatuses }).notNull(),
    approval: text('approval', { enum: orderApprovals }).notNull().default('not-needed'),
    note: text('note').notNull().default(''),
    /** The customer's signature, a PNG data URL (at most 200 KB). */
    signature: text('signature'),
    confirmedAt: ts('confirmed_at'),
    totalExclCents: cents('total_excl_cents').notNull(),
    totalVatCents: cents('total_vat_cents').notNull(),
    totalInclCents: cents('total_incl_cents').notNull(),
    ...syncedColumns,
  },
  (t) => [
    uniqueIndex('orders_number_unique').on(t.number),
    uniqueIndex('orders_external_ref_unique').on(t.externalRef),
    index('orders_customer_idx').on(t.customerId, t.orderedAt),
    // The orders that count as purchases (RFM, the team figures), for index-only reads: each
    // customer's history in order, and a period's orders. Migration 0015 adds INCLUDE columns
    // (total_excl_cents; and customer_id, rep_id for the second), which Drizzle cannot declare.
    index('orders_counted_customer_idx')
      .on(t.customerId, t.orderedAt)
      .where(sql`deleted_at is null and status not in ('cancelled', 'draft')`),
    index('orders_counted_at_idx')
      .on(t.orderedAt)
      .where(sql`deleted_at is null and status not in ('cancelled', 'draft')`),
  ],
);

/**
 * Head office's derived copy of the orders that count as purchases (not deleted, not cancelled,
 * not drafts), one narrow row each with the days since the same customer's previous purchase:
 * what RFM and the rhythm read, in (customer, instant) order, without a window over the orders.
 * Kept by triggers on `orders` in the writing statement's transaction, whatever writes the
 * orders (migration 0017 holds them and its INCLUDE columns, which Drizzle cannot declare).
 * Never synced: the laptop keeps its own (`orderFacts` in Dexie, decision 0016).
 */
export const orderFacts = pgTable(
  'order_facts',
  {
    orderId: uuid('order_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    orderedAt: ts('ordered_at').notNull(),
    totalExclCents: cents('total_excl_cents').notNull(),
    /** Days (fractional) since the customer's previous purchase; null for their first. */
    gapDays: doublePrecision('gap_days'),
  },
  (t) => [
    index('order_facts_customer_idx').on(t.customerId, t.orderedAt),
    // Covering (INCLUDE customer_id, total_excl_cents, gap_days: added by hand in 0018) for the
    // team review, which reads a window of every customer's purchases.
    index('order_facts_at_idx').on(t.orderedAt),
  ],
);

/** Lines belong to their order: changing a line bumps the order's version (it syncs as one record). */
export const orderLines = pgTable(
  'order_lines',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    position: integer('position').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    productReference: text('product_reference').notNull(),
    productName: text('product_name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceCents: cents('unit_price_cents').notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    vatRate: integer('vat_rate').$type<VatRate>().notNull(),
    totalExclCents: cents('total_excl_cents').notNull(),
  },
  (t) => [uniqueIndex('order_lines_order_position_unique').on(t.orderId, t.position)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    contactId: uuid('contact_id').references(() => contacts.id),
    repId: userRef('rep_id'),
    kind: text('kind', { enum: appointmentKinds }).notNull(),
    startAt: ts('start_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    objective: text('objective').notNull().default(''),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: appointmentStatuses }).notNull(),
    setByManagerName: text('set_by_manager_name'),
    ...fieldMergeColumns(),
    ...syncedColumns,
  },
  (t) => [
    index('appointments_customer_idx').on(t.customerId),
    index('appointments_rep_idx').on(t.repId, t.startAt),
  ],
);

export const marketingActions = pgTable(
  'marketing_actions',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    kind: text('kind', { enum: actionKinds }).notNull(),
    at: ts('at').notNull(),
    label: text('label').notNull().default(''),
    reaction: text('reaction', { enum: reactions }).notNull(),
    ...syncedColumns,
  },
  (t) => [index('marketing_actions_customer_idx').on(t.customerId)],
);

export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    repId: userRef('rep_id'),
    at: ts('at').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    outcome: text('outcome', { enum: visitOutcomes }).notNull(),
    objections: jsonList<VisitObjection>('objections'),
    summary: text('summary').notNull().default(''),
    /**
     * The visit report's fields (empty for imported history). The appointment ids carry no
     * foreign key on purpose: a report must be stored even when the appointment it names was
     * refused or has not reached head office (the report is what the rep must never lose).
     */
    appointmentId: uuid('appointment_id'),
    noSaleReason: text('no_sale_reason', { enum: noSaleReasons }),
    followUpAppointmentId: uuid('follow_up_appointment_id'),
    needs: jsonList<string>('needs'),
    motives: jsonList<Motive>('motives'),
    offered: jsonList<string>('offered'),
    orderIds: jsonList<string>('order_ids'),
    nextStep: text('next_step').notNull().default(''),
    /** What the rep typed along the steps (step notes, the reformulation), kept with the report. */
    notes: text('notes').notNull().default(''),
    /** How far the interview went (the manager's "where visits fail"); null for history. */
    reachedStep: text('reached_step', { enum: visitSteps }),
    closingId: text('closing_id'),
    closingName: text('closing_name'),
    families: jsonList<string>('families'),
    ...syncedColumns,
  },
  (t) => [
    index('visits_customer_idx').on(t.customerId),
    index('visits_rep_at_idx').on(t.repId, t.at),
    // A period's live visits, for the team review (migration 0018 adds INCLUDE rep_id, channel,
    // outcome, which Drizzle cannot declare).
    index('visits_live_at_idx')
      .on(t.at)
      .where(sql`deleted_at is null`),
  ],
);

/**
 * The sales playbook head office edits (one company document; every save is a new version, the
 * previous ones kept for audit). The laptops pull the newest.
 */
export const playbooks = pgTable(
  'playbooks',
  {
    id: uuid('id').primaryKey(),
    document: jsonb('document').$type<Playbook>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    ...syncedColumns,
  },
  // One row per version: two saves can never both become "version N".
  (t) => [uniqueIndex('playbooks_version_unique').on(t.version)],
);

export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey(),
    customerId: customerRef(),
    orderId: uuid('order_id').references(() => orders.id),
    productId: uuid('product_id').references(() => products.id),
    category: text('category').notNull().default(''),
    description: text('description').notNull().default(''),
    severity: text('severity', { enum: complaintSeverities }).notNull(),
    status: text('status', { enum: complaintStatuses }).notNull(),
    ...syncedColumns,
  },
  (t) => [index('complaints_customer_idx').on(t.customerId)],
);

/** A complaint's history, append-only: its reception, each status change, each note. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** The complaint's customer, so the events follow the customer's scope like the complaint. */
    customerId: customerRef(),
    previousStatus: text('previous_status', { enum: complaintStatuses }),
    status: text('status', { enum: complaintStatuses }).notNull(),
    note: text('note').notNull().default(''),
    byUserId: userRef('by_user_id'),
    byName: text('by_name').notNull(),
    at: ts('at').notNull(),
    /** 1–5, recorded with the move to "resolved". */
    satisfaction: integer('satisfaction'),
    ...syncedColumns,
  },
  (t) => [
    index('complaint_events_customer_idx').on(t.customerId),
    index('complaint_events_complaint_idx').on(t.complaintId, t.at),
  ],
);

/** PostgreSQL bytea as bytes (node-postgres gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A complaint's photos and files: metadata synced to laptops, the content kept here. */
export const complaintAttachments = pgTable(
  'complaint_attachments',
  {
    id: uuid('id').primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    customerId: customerRef(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    byUserId: userRef('by_user_id'),
    byName: text('by_name').notNull(),
    at: ts('at').notNull(),
    ...syncedColumns,
  },
  (t) => [
    index('complaint_attachments_customer_idx').on(t.customerId),
    index('complaint_attachments_complaint_idx').on(t.complaintId),
  ],
);

// ---- Campaigns: target → personalise → read the results against a control group ------------

/** A campaign a manager (or head office) ran: its objective, period, offer and control share. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    objective: text('objective').notNull(),
    offer: text('offer').notNull().default(''),
    family: text('family'),
    discountPercent: doublePrecision('discount_percent'),
    channel: text('channel', { enum: campaignChannels }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    controlPercent: integer('control_percent').notNull(),
    source: text('source', { enum: campaignSources }).notNull(),
    sourceLabel: text('source_label').notNull().default(''),
    createdById: userRef('created_by_id'),
    createdByName: text('created_by_name').notNull(),
    /** The creator's team (null for head office): a manager lists their team's campaigns. */
    teamId: uuid('team_id').references(() => teams.id),
    ...syncedColumns,
  },
  (t) => [index('campaigns_created_idx').on(t.createdAt)],
);

/**
 * Every targeted customer of a campaign, control group included, with their rep when the
 * campaign was created. Not synced.
 */
export const campaignMembers = pgTable(
  'campaign_members',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    customerId: customerRef(),
    repId: uuid('rep_id').references(() => users.id),
    control: boolean('control').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.customerId] }),
    index('campaign_members_customer_idx').on(t.customerId),
  ],
);

/** A targeted (not held-out) customer's task for their rep; synced, ticked by a visit report. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: uuid('id').primaryKey(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    customerId: customerRef(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    doneVisitId: uuid('done_visit_id'),
    doneAt: ts('done_at'),
    ...syncedColumns,
  },
  (t) => [
    uniqueIndex('campaign_tasks_campaign_customer_unique').on(t.campaignId, t.customerId),
    index('campaign_tasks_customer_idx').on(t.customerId, t.status),
  ],
);
