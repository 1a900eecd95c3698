/**
 * The demo company, deterministic and idempotent: team "Rhône-Alpes", an admin, a manager
 * and two reps, all with the password `tournee`, ~60 CHR customers per rep in real
 * Rhône-Alpes towns and a few notes. `seedScale` adds a large portfolio for benchmarks.
 */
import { eq } from 'drizzle-orm';
import type { CustomerStatus } from '../../shared/domain/customer/customer.js';
import type { Role } from '../../shared/domain/user/user.js';
import { customers, notes, teams, users } from '../db/schema.js';
import type { DbOrTx } from '../db/types.js';
import { hashPassword, productionHashOptions } from '../features/auth/passwords.js';
import type { PasswordHashOptions } from '../features/auth/passwords.js';

export const DEMO_PASSWORD = 'tournee';
export const DEMO_TEAM_NAME = 'Rhône-Alpes';

/** Small deterministic PRNG (mulberry32). */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
  { city: 'Grenoble', postcode: '38000' },
  { city: 'Annecy', postcode: '74000' },
  { city: 'Chamonix-Mont-Blanc', postcode: '74400' },
  { city: 'Chambéry', postcode: '73000' },
  { city: 'Aix-les-Bains', postcode: '73100' },
  { city: 'Saint-Étienne', postcode: '42000' },
  { city: 'Roanne', postcode: '42300' },
  { city: 'Valence', postcode: '26000' },
  { city: 'Montélimar', postcode: '26200' },
  { city: 'Bourg-en-Bresse', postcode: '01000' },
  { city: 'Villefranche-sur-Saône', postcode: '69400' },
  { city: 'Annemasse', postcode: '74100' },
] as const;

const kinds = [
  'Café',
  'Brasserie',
  'Hôtel',
  'Restaurant',
  'Bistrot',
  'Bouchon',
  'Auberge',
  'Le Comptoir',
  'Bar',
  'Crêperie',
] as const;
const names = [
  'du Commerce',
  'de la Gare',
  'des Halles',
  'Saint-Jean',
  'du Marché',
  'des Terreaux',
  'de la Place',
  'Les Platanes',
  'du Lac',
  'des Alpes',
  'Bellecour',
  'de la Poste',
  'du Théâtre',
  'Le Central',
  'Les Arcades',
  'du Parc',
  'de la Fontaine',
  'des Voyageurs',
  "de l'Hôtel de Ville",
  'Le Lion d’Or',
] as const;
const streets = [
  'rue de la République',
  'avenue Jean Jaurès',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'quai Saint-Antoine',
  'rue du Président Carnot',
  'place du Marché',
  'rue Mercière',
  'avenue Alsace-Lorraine',
  'rue de la Liberté',
  'cours Berriat',
  'rue Sainte-Claire',
  'place Saint-Léger',
  'rue des Tanneurs',
] as const;
const statuses: readonly CustomerStatus[] = [
  'customer',
  'customer',
  'customer',
  'prospect',
  'prospect',
  'lost',
];
const noteBodies = [
  'Rencontré le gérant : intéressé par la nouvelle gamme de cafés en grains. Rappeler avant la saison.',
  'Terrasse refaite, 40 couverts de plus cet été. Prévoir une visite avec les nouveaux tarifs.',
  'Livraison du mardi à décaler au jeudi, la cuisine est fermée le mardi matin.',
] as const;

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

interface DemoUser {
  key: 'admin' | 'manager' | 'camille' | 'thomas';
  email: string;
  name: string;
  role: Role;
}

const demoUsers: readonly DemoUser[] = [
  { key: 'admin', email: 'admin@tournee.test', name: 'Administration Tournée', role: 'admin' },
  { key: 'manager', email: 'julien.mercier@tournee.test', name: 'Julien Mercier', role: 'manager' },
  { key: 'camille', email: 'camille.martin@tournee.test', name: 'Camille Martin', role: 'rep' },
  { key: 'thomas', email: 'thomas.bernard@tournee.test', name: 'Thomas Bernard', role: 'rep' },
];

export interface SeedDemoOptions {
  /** Lower only in tests. */
  hashOptions?: PasswordHashOptions;
  customersPerRep?: number;
  /** Notes written on the first customers of each rep. */
  notesPerRep?: number;
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

/** Idempotent: a second call changes nothing. */
export async function seedDemo(db: DbOrTx, options: SeedDemoOptions = {}): Promise<DemoIds> {
  const random = createPrng(20_260_301);
  const teamId = prngUuid(random);
  const userIds = Object.fromEntries(demoUsers.map((u) => [u.key, prngUuid(random)])) as Record<
    DemoUser['key'],
    string
  >;
  const ids: DemoIds = {
    teamId,
    adminId: userIds.admin,
    managerId: userIds.manager,
    repIds: { camille: userIds.camille, thomas: userIds.thomas },
  };
  const at = new Date('2026-01-05T08:00:00.000Z');
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.id, ids.adminId)).limit(1);
  if (existing !== undefined) return ids;

  await db.insert(teams).values({ id: teamId, name: DEMO_TEAM_NAME, createdAt: at }).onConflictDoNothing();
  const hashes = await Promise.all(
    demoUsers.map(() => hashPassword(DEMO_PASSWORD, options.hashOptions ?? productionHashOptions)),
  );
  await db
    .insert(users)
    .values(
      demoUsers.map((u, i) => ({
        id: userIds[u.key],
        email: u.email,
        name: u.name,
        role: u.role,
        teamId: u.role === 'admin' ? null : teamId,
        passwordHash: hashes[i] ?? '',
        locale: 'fr' as const,
        timeZone: 'Europe/Paris',
        createdAt: at,
      })),
    )
    .onConflictDoNothing();

  const perRep = options.customersPerRep ?? 60;
  const notesPerRep = options.notesPerRep ?? 3;
  for (const repId of [ids.repIds.camille, ids.repIds.thomas]) {
    const rows = Array.from({ length: perRep }, () => makeCustomer(random, prngUuid(random), repId, at));
    if (rows.length > 0) await db.insert(customers).values(rows).onConflictDoNothing();
    const noteRows = rows.slice(0, notesPerRep).map((c, i) => ({
      id: prngUuid(random),
      customerId: c.id,
      authorId: repId,
      body: noteBodies[i % noteBodies.length] ?? noteBodies[0],
      createdAt: new Date(at.getTime() + i * 3_600_000),
      receivedAt: new Date(at.getTime() + i * 3_600_000),
    }));
    if (noteRows.length > 0) await db.insert(notes).values(noteRows).onConflictDoNothing();
  }
  return ids;
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
