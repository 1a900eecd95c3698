/**
 * The demo company, deterministic and idempotent: the generated CHR distributor of
 * `company.ts` (teams Rhône-Alpes and Provence-Occitanie, admin, managers Julien Mercier and
 * Isabelle Faure, ten reps including Camille Martin and Thomas Bernard, all with the password
 * `tournee`), ~6,000 customers at scale 1 with three years of history. Tests pass a small
 * scale. `seedScale` adds a large flat portfolio to one rep for benchmarks.
 */
import { eq } from 'drizzle-orm';
import type { CustomerStatus } from '../../shared/domain/customer/customer.js';
import { customers, users } from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';
import { hashPassword, productionHashOptions } from '../features/auth/passwords.js';
import type { PasswordHashOptions } from '../features/auth/passwords.js';
import { CUSTOMERS_PER_REP_AT_SCALE_1, DEFAULT_COMPANY_SEED, generateCompany } from './company.js';
import type { GeneratedCompany } from './company.js';
import { createPrng } from './random.js';
import { ADMIN_EMAIL, isCompanySeeded, writeCompany } from './write.js';
import type { WriteCompanyResult } from './write.js';

export { createPrng } from './random.js';

export const DEMO_PASSWORD = 'tournee';
export const DEMO_TEAM_NAME = 'Rhône-Alpes';

/** A UUID v7-shaped id drawn from the PRNG (valid for RFC 9562 validators). */
function prngUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '7';
  hex[16] = ['8', '9', 'a', 'b'][Math.floor(random() * 4)] ?? '8';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

const towns = [
  { city: 'Lyon', postcode: '69001' },
  { city: 'Lyon', postcode: '69002' },
  { city: 'Lyon', postcode: '69003' },
  { city: 'Lyon', postcode: '69005' },
  { city: 'Lyon', postcode: '69007' },
  { city: 'Villeurbanne', postcode: '69100' },
  { city: 'Caluire-et-Cuire', postcode: '69300' },
  { city: 'Vienne', postcode: '38200' },
  { city: 'Villefranche-sur-Saône', postcode: '69400' },
] as const;
const kinds = ['Café', 'Brasserie', 'Hôtel', 'Restaurant', 'Bistrot', 'Bouchon', 'Auberge', 'Bar'] as const;
const names = ['du Commerce', 'de la Gare', 'des Halles', 'Saint-Jean', 'du Marché', 'des Terreaux'] as const;
const streets = ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'rue Mercière'] as const;
const statuses: readonly CustomerStatus[] = [
  'customer',
  'customer',
  'customer',
  'prospect',
  'prospect',
  'lost',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface DemoIds {
  teamId: string;
  adminId: string;
  managerId: string;
  repIds: { camille: string; thomas: string };
}

export interface SeedDemoOptions {
  /** Lower only in tests. */
  hashOptions?: PasswordHashOptions;
  /** 1 → ~6,000 customers and three years of history (`npm start`); tests use ~0.02. */
  scale?: number;
  /** Legacy knob: about this many customers per rep (sets the scale when `scale` is absent). */
  customersPerRep?: number;
  /** Notes written on the first customers of each rep. */
  notesPerRep?: number;
  seed?: number;
  /** "Today" for the generated history (default: now, truncated to the UTC day). */
  referenceDate?: Date | string;
  onProgress?: (entity: string, rows: number, ms: number) => void;
  /** After each chunk of rows: written so far and the entity's total (see `writeCompany`). */
  onRows?: (entity: string, written: number, total: number) => void;
  /** Rows per statement (default 5,000); tests lower it to watch the progress. */
  chunkSize?: number;
}

export interface SeedDemoResult extends WriteCompanyResult {
  ids: DemoIds;
}

function demoIds(company: GeneratedCompany): DemoIds {
  const byKey = new Map(company.users.map((u) => [u.key, u]));
  const id = (key: string) => byKey.get(key)?.id ?? '';
  return {
    teamId: company.teams[0]?.id ?? '',
    adminId: id('admin'),
    managerId: id('julien'),
    repIds: { camille: id('camille'), thomas: id('thomas') },
  };
}

/** The ids of an already seeded company (which may come from an older seed). */
async function existingIds(db: DbOrTx): Promise<DemoIds> {
  const rows = await db.select({ id: users.id, email: users.email, teamId: users.teamId }).from(users);
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const manager = byEmail.get('julien.mercier@tournee.test');
  return {
    teamId: manager?.teamId ?? '',
    adminId: byEmail.get(ADMIN_EMAIL)?.id ?? '',
    managerId: manager?.id ?? '',
    repIds: {
      camille: byEmail.get('camille.martin@tournee.test')?.id ?? '',
      thomas: byEmail.get('thomas.bernard@tournee.test')?.id ?? '',
    },
  };
}

export function demoScale(options: SeedDemoOptions): number {
  if (options.scale !== undefined) return options.scale;
  if (options.customersPerRep !== undefined) return options.customersPerRep / CUSTOMERS_PER_REP_AT_SCALE_1;
  return 1;
}

/** Seeds the demo company and reports what it wrote. Idempotent: a second call writes nothing. */
export async function seedDemoCompany(db: DbOrTx, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  if (await isCompanySeeded(db)) return { ids: await existingIds(db), written: false, rows: {} };
  const company = generateCompany({
    seed: options.seed ?? DEFAULT_COMPANY_SEED,
    scale: demoScale(options),
    referenceDate: options.referenceDate,
    notesPerRep: options.notesPerRep,
  });
  const hashOptions = options.hashOptions ?? productionHashOptions;
  const hashes = await Promise.all(company.users.map(() => hashPassword(DEMO_PASSWORD, hashOptions)));
  const passwordHashes = new Map(company.users.map((u, i) => [u.key, hashes[i] ?? '']));
  const result = await writeCompany(db, company, {
    passwordHashes,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.onRows ? { onRows: options.onRows } : {}),
    ...(options.chunkSize !== undefined ? { chunkSize: options.chunkSize } : {}),
  });
  return { ...result, ids: demoIds(company) };
}

/** Idempotent: a second call changes nothing. */
export async function seedDemo(db: DbOrTx, options: SeedDemoOptions = {}): Promise<DemoIds> {
  return (await seedDemoCompany(db, options)).ids;
}

function makeCustomer(random: () => number, id: string, ownerId: string, at: Date) {
  const town = pick(random, towns);
  const name = `${pick(random, kinds)} ${pick(random, names)}`;
  const hasEmail = random() < 0.6;
  return {
    id,
    name,
    address: `${1 + Math.floor(random() * 120)} ${pick(random, streets)}`,
    postcode: town.postcode,
    city: town.city,
    phone: `04 ${Array.from({ length: 4 }, () => String(Math.floor(random() * 100)).padStart(2, '0')).join(' ')}`,
    email: hasEmail ? `contact@${slug(name)}-${slug(town.city)}.fr` : '',
    status: pick(random, statuses),
    ownerId,
    version: 1,
    fieldVersions: {},
    fieldAuthors: {},
    createdAt: at,
    updatedAt: at,
  };
}

export class UnknownUserError extends Error {
  constructor(email: string) {
    super(`No user with email ${email}`);
    this.name = 'UnknownUserError';
  }
}

/** Adds `customers` deterministic customers to a rep (benchmarks). Idempotent. */
export async function seedScale(db: DbOrTx, options: { repEmail: string; customers: number }): Promise<void> {
  const [rep] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, options.repEmail.toLowerCase()))
    .limit(1);
  if (rep === undefined) throw new UnknownUserError(options.repEmail);
  const random = createPrng(
    [...options.repEmail].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 4_242),
  );
  const at = new Date('2026-01-05T08:00:00.000Z');
  const rows = Array.from({ length: options.customers }, () =>
    makeCustomer(random, prngUuid(random), rep.id, at),
  );
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insert(customers)
      .values(rows.slice(i, i + 1000))
      .onConflictDoNothing();
  }
}
