/**
 * Writes a generated company into the head-office database in bulk: rows go in chunks of a
 * few thousand as ONE JSON parameter expanded by `json_populate_recordset` (no per-row round
 * trip, no 65,535-parameter limit), one transaction per entity, parents before children.
 * Idempotent: the admin user is written last and marks a complete company; when it exists the
 * writer does nothing, and a run interrupted half-way is completed (`on conflict do nothing`).
 */
import { eq } from 'drizzle-orm';
import {
  appointments,
  complaintEvents,
  complaints,
  consents,
  contacts,
  customers,
  marketingActions,
  notes,
  orderLines,
  orders,
  priceLists,
  prices,
  products,
  teams,
  users,
  visits,
} from '../db/schema.js';
import { bulkInsert } from '../db/bulk.js';
import type { DbOrTx } from '../db/types.js';
import type { CompanyUser, GeneratedCompany } from './company.js';

export const ADMIN_EMAIL = 'admin@tournee.test';

export interface WriteCompanyOptions {
  /** Password hash per user key ("admin", "camille"…); every demo user needs one. */
  passwordHashes: ReadonlyMap<string, string>;
  /** Called after each entity: its name and the number of rows written. */
  onProgress?: (entity: string, rows: number, ms: number) => void;
  /**
   * Called after each chunk of an entity (every `chunkSize` rows): rows written so far and the
   * entity's total, so a step of hundreds of thousands of rows (orders) is never silent.
   */
  onRows?: (entity: string, written: number, total: number) => void;
  /** Rows per statement (default 5,000). */
  chunkSize?: number;
}

export interface WriteCompanyResult {
  written: boolean;
  rows: Record<string, number>;
}

export class MissingPasswordHashError extends Error {
  constructor(key: string) {
    super(`No password hash for demo user ${key}`);
    this.name = 'MissingPasswordHashError';
  }
}

/** True when a complete demo company is in the database (its admin user is written last). */
export async function isCompanySeeded(db: DbOrTx): Promise<boolean> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN_EMAIL)).limit(1);
  return admin !== undefined;
}

const date = (iso: string) => new Date(iso);

export async function writeCompany(
  db: DbOrTx,
  company: GeneratedCompany,
  options: WriteCompanyOptions,
): Promise<WriteCompanyResult> {
  const rows: Record<string, number> = {};
  if (await isCompanySeeded(db)) return { written: false, rows };
  const chunkSize = options.chunkSize ?? 5_000;
  const step = async <T extends Parameters<typeof bulkInsert>[1]>(
    entity: string,
    table: T,
    data: readonly T['$inferInsert'][],
  ) => {
    const started = performance.now();
    let written = 0;
    const onChunk = (chunk: number) => {
      written += chunk;
      options.onRows?.(entity, written, data.length);
    };
    await db.transaction(async (tx) => {
      await bulkInsert(tx, table, data, { chunkSize, onChunk });
    });
    rows[entity] = data.length;
    options.onProgress?.(entity, data.length, performance.now() - started);
  };
  const userRow = (u: CompanyUser) => {
    const hash = options.passwordHashes.get(u.key);
    if (hash === undefined) throw new MissingPasswordHashError(u.key);
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      teamId: u.teamId,
      passwordHash: hash,
      locale: 'fr' as const,
      timeZone: 'Europe/Paris',
      createdAt: date(u.createdAt),
    };
  };
  const setupAt = date(company.users[0]?.createdAt ?? company.referenceDate);

  await step(
    'teams',
    teams,
    company.teams.map((t) => ({ id: t.id, name: t.name, createdAt: date(t.createdAt) })),
  );
  await step('users', users, company.users.filter((u) => u.role !== 'admin').map(userRow));
  await step(
    'products',
    products,
    company.products.map((p) => ({
      id: p.id,
      reference: p.reference,
      name: p.name,
      family: p.family,
      unit: p.unit,
      vatRate: p.vatRate,
      active: p.active,
      version: p.version,
      createdAt: setupAt,
      updatedAt: date(p.updatedAt),
    })),
  );
  await step(
    'price lists',
    priceLists,
    company.priceLists.map((l) => ({
      id: l.id,
      code: l.code,
      name: l.name,
      customerGroup: l.customerGroup,
      validFrom: l.validFrom,
      validTo: l.validTo,
      version: l.version,
      createdAt: setupAt,
      updatedAt: date(l.updatedAt),
    })),
  );
  await step(
    'prices',
    prices,
    company.prices.map((p) => ({
      id: p.id,
      priceListId: p.priceListId,
      productId: p.productId,
      breaks: p.breaks,
      version: p.version,
      createdAt: setupAt,
      updatedAt: setupAt,
    })),
  );
  await step(
    'customers',
    customers,
    company.customers.map((c) => {
      const { ownerName: _ownerName, firstContactDate, updatedAt, ...rest } = c;
      return {
        ...rest,
        firstContactDate,
        fieldVersions: {},
        fieldAuthors: {},
        createdAt: date(`${firstContactDate ?? company.referenceDate}T08:00:00.000Z`),
        updatedAt: date(updatedAt),
      };
    }),
  );
  await step(
    'contacts',
    contacts,
    company.contacts.map((c) => ({
      ...c,
      anonymisedAt: null,
      createdAt: date(c.createdAt),
      updatedAt: date(c.updatedAt),
    })),
  );
  await step(
    'consents',
    consents,
    company.consents.map((c) => ({ ...c, at: date(c.at), createdAt: date(c.at), updatedAt: date(c.at) })),
  );
  await step(
    'orders',
    orders,
    company.orders.map(({ lines: _lines, orderedAt, updatedAt, confirmedAt, ...o }) => ({
      ...o,
      confirmedAt: confirmedAt ? date(confirmedAt) : null,
      orderedAt: date(orderedAt),
      createdAt: date(orderedAt),
      updatedAt: date(updatedAt),
    })),
  );
  await step(
    'order lines',
    orderLines,
    company.orders.flatMap((o) => o.lines.map((l, position) => ({ ...l, orderId: o.id, position }))),
  );
  await step(
    'visits',
    visits,
    company.visits.map((v) => ({ ...v, at: date(v.at), createdAt: date(v.at), updatedAt: date(v.at) })),
  );
  await step(
    'complaints',
    complaints,
    company.complaints.map((c) => ({
      ...c,
      createdAt: date(c.createdAt),
      updatedAt: date(c.createdAt),
    })),
  );
  await step(
    'complaint events',
    complaintEvents,
    company.complaintEvents.map((e) => ({
      ...e,
      at: date(e.at),
      createdAt: date(e.at),
      updatedAt: date(e.at),
    })),
  );
  await step(
    'marketing actions',
    marketingActions,
    company.marketingActions.map((a) => ({
      ...a,
      at: date(a.at),
      createdAt: date(a.at),
      updatedAt: date(a.at),
    })),
  );
  await step(
    'appointments',
    appointments,
    company.appointments.map((a) => ({
      ...a,
      startAt: date(a.startAt),
      createdAt: date(a.updatedAt),
      updatedAt: date(a.updatedAt),
    })),
  );
  await step(
    'notes',
    notes,
    company.notes.map((n) => ({
      ...n,
      createdAt: date(n.createdAt),
      receivedAt: date(n.createdAt),
    })),
  );
  // Last: the admin marks the company as complete.
  await step('admin', users, company.users.filter((u) => u.role === 'admin').map(userRow));
  return { written: true, rows };
}
