/**
 * Head-office schema (PostgreSQL; PGlite in embedded mode). Ids are client-made UUID v7,
 * timestamps are timestamptz read as `Date` and sent on the wire as ISO UTC strings.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
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

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

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
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), index('users_team_idx').on(t.teamId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
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
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
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
    address: text('address').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    city: text('city').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    status: text('status', { enum: ['prospect', 'customer', 'lost'] }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    fieldVersions: jsonb('field_versions')
      .$type<FieldVersions>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    fieldAuthors: jsonb('field_authors')
      .$type<FieldAuthors>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [index('customers_owner_idx').on(t.ownerId)],
);

export const notes = pgTable(
  'notes',
  {
    id: uuid('id').primaryKey(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    lastMid: integer('last_mid').notNull().default(0),
    /** The pull cookie: bumped each time ops are recorded in the client's view. */
    viewVersion: integer('view_version').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
  },
  (t) => [index('sync_clients_user_idx').on(t.userId)],
);

/** Per-client view record: what each laptop holds, so pull sends the difference. */
export const syncClientViews = pgTable(
  'sync_client_views',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => syncClients.id),
    entity: text('entity', { enum: ['customer', 'note', 'conflict', 'outcome'] }).notNull(),
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
    at: ts('at').notNull(),
  },
  (t) => [index('mutation_outcomes_client_idx').on(t.clientId)],
);

export const conflicts = pgTable(
  'conflicts',
  {
    id: uuid('id').primaryKey(),
    entity: text('entity', { enum: ['customer'] }).notNull(),
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
