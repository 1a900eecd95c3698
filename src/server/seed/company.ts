/**
 * The realistic demo company: a French food & beverage distributor for cafés, hotels and
 * restaurants (CHR), with two teams, ten reps on real territories, ~6,000 customers at scale 1
 * and three years of orders, visits, complaints and campaigns up to a reference date.
 *
 * Pure and deterministic: the same seed, scale and reference date give the same objects (each
 * customer draws from its own PRNG stream, ids are UUID v7 stamped with the record's time).
 * The behaviour tells a story RFM can read: steady customers, growers, decliners, churners,
 * newcomers each month, converted prospects, lost customers, seasonal terraces and ski resorts,
 * and loyal customers who stopped ordering since the summer ("Loyal" → "At risk").
 */
import type { Appointment } from '../../shared/domain/appointment/appointment.js';
import { noReportFields } from '../../shared/domain/activity/activity.js';
import type {
  Complaint,
  MarketingAction,
  NoSaleReason,
  Visit,
  VisitStep,
} from '../../shared/domain/activity/activity.js';
import { defaultPlaybook } from '../../shared/domain/playbook/index.js';
import type { ComplaintEvent, ComplaintStatus } from '../../shared/domain/complaint/complaint.js';
import type { Price, PriceBreak, PriceList, Product } from '../../shared/domain/catalog/catalog.js';
import type { Channel, Consent, Contact } from '../../shared/domain/contact/contact.js';
import type { Customer, CustomerStatus } from '../../shared/domain/customer/customer.js';
import { withLuhnCheckDigit } from '../../shared/domain/customer/siret.js';
import type { Order, OrderLine, OrderStatus } from '../../shared/domain/order/order.js';
import type { Role } from '../../shared/domain/user/user.js';
import { lineTotalExclCents, orderTotals } from '../../shared/lib/money.js';
import { productTemplates } from './catalogData.js';
import type { ProductTemplate, Season } from './catalogData.js';
import { distanceKm, frenchTowns, townsNamed } from './geo.js';
import type { Town } from './geo.js';
import {
  complaintSamples,
  declarativeNotesPool,
  femaleFirstNames,
  lastNames,
  maleFirstNames,
  needsPool,
  objectionLibrary,
  placeSuffixes,
  streets,
  visitSummaries,
} from './people.js';
import { Random } from './random.js';

export const DEFAULT_COMPANY_SEED = 20_260_301;
/** Customers per rep at scale 1 (10 reps → 6,000 customers). */
export const CUSTOMERS_PER_REP_AT_SCALE_1 = 600;
const DAY = 86_400_000;
/**
 * Demo density: real CHR customers order weekly, often from several wholesalers; spacing the
 * sector rhythms keeps the scale-1 seed near 100,000 orders, written in well under a minute.
 */
const ORDER_SPACING = 3.5;

export interface GenerateCompanyOptions {
  seed?: number;
  /** 1 → ~6,000 customers; everything hanging off customers scales with it. */
  scale?: number;
  /** "Today": history ends here, appointments start here. Default: now, truncated to the UTC day. */
  referenceDate?: Date | string;
  /** Notes written on the first customers of each rep (the customer page shows them). */
  notesPerRep?: number;
}

export interface CompanyTeam {
  id: string;
  name: string;
  createdAt: string;
}

export interface CompanyUser {
  /** Stable key: "admin", "julien", "camille"… */
  key: string;
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  createdAt: string;
}

export interface RepTerritory {
  repId: string;
  teamId: string;
  managerName: string;
  baseTown: Town;
  /** The real towns of the territory, nearest the base first. */
  towns: readonly Town[];
}

export interface CompanyNote {
  id: string;
  customerId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

/** Behaviour behind a customer's history (kept for tests and stories, not stored). */
export type CustomerArchetype =
  'prospect' | 'steady' | 'grower' | 'decliner' | 'slipping' | 'churned' | 'lost' | 'newcomer';

export interface GeneratedCompany {
  seed: number;
  scale: number;
  /** ISO date of "today". */
  referenceDate: string;
  teams: CompanyTeam[];
  users: CompanyUser[];
  territories: RepTerritory[];
  customers: Customer[];
  /** Archetype and town of each customer, by customer id. */
  profiles: Map<string, { archetype: CustomerArchetype; town: Town; ski: boolean; terrace: boolean }>;
  contacts: (Contact & { createdAt: string })[];
  consents: Consent[];
  products: Product[];
  priceLists: PriceList[];
  prices: Price[];
  orders: Order[];
  visits: Visit[];
  complaints: Complaint[];
  /** Each complaint's history up to its status: received, then each move, by the rep then the manager. */
  complaintEvents: ComplaintEvent[];
  marketingActions: MarketingAction[];
  appointments: Appointment[];
  notes: CompanyNote[];
}

// ---- People and territories -------------------------------------------------------------------

interface RepSpec {
  key: string;
  name: string;
  team: 'ra' | 'po';
  base: readonly [string, string];
  radiusKm: number;
}

const teamSpecs = [
  { key: 'ra', name: 'Rhône-Alpes', manager: { key: 'julien', name: 'Julien Mercier' } },
  { key: 'po', name: 'Provence-Occitanie', manager: { key: 'isabelle', name: 'Isabelle Faure' } },
] as const;

const repSpecs: readonly RepSpec[] = [
  { key: 'camille', name: 'Camille Martin', team: 'ra', base: ['Lyon', '69'], radiusKm: 45 },
  { key: 'thomas', name: 'Thomas Bernard', team: 'ra', base: ['Grenoble', '38'], radiusKm: 60 },
  { key: 'sophie', name: 'Sophie Girard', team: 'ra', base: ['Annecy', '74'], radiusKm: 70 },
  { key: 'lucas', name: 'Lucas Fontaine', team: 'ra', base: ['Albertville', '73'], radiusKm: 80 },
  { key: 'manon', name: 'Manon Rousseau', team: 'ra', base: ['Saint-Étienne', '42'], radiusKm: 50 },
  { key: 'karim', name: 'Karim Benali', team: 'po', base: ['Marseille', '13'], radiusKm: 35 },
  { key: 'julie', name: 'Julie Lambert', team: 'po', base: ['Nice', '06'], radiusKm: 50 },
  { key: 'nicolas', name: 'Nicolas Chevalier', team: 'po', base: ['Avignon', '84'], radiusKm: 50 },
  { key: 'emilie', name: 'Émilie Dubois', team: 'po', base: ['Toulon', '83'], radiusKm: 45 },
  { key: 'antoine', name: 'Antoine Moreau', team: 'po', base: ['Montpellier', '34'], radiusKm: 50 },
];

/** Ski resorts (communes) of Savoie, Haute-Savoie and Isère: their season is the winter. */
const skiResorts = new Set([
  '74056', // Chamonix-Mont-Blanc
  '74173', // Megève
  '74191', // Morzine
  '74134', // Les Gets
  '74080', // La Clusaz
  '74136', // Le Grand-Bornand
  '74236', // Saint-Gervais-les-Bains
  '74083', // Combloux
  '74258', // Samoëns
  '74063', // Châtel
  '73304', // Val-d'Isère
  '73296', // Tignes
  '73227', // Courchevel
  '73015', // Les Allues (Méribel)
  '73257', // Les Belleville
  '73054', // Bourg-Saint-Maurice
  '73150', // La Plagne Tarentaise
  '73306', // Valloire
  '38191', // Huez
  '38548', // Villard-de-Lans
  '38253', // Les Deux Alpes
]);

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

export class UnknownTownError extends Error {
  constructor(name: string) {
    super(`No French town named ${name} in the geographic data`);
    this.name = 'UnknownTownError';
  }
}

function buildTerritories(): { base: Town; towns: Town[] }[] {
  const bases = repSpecs.map((spec) => {
    const [name, department] = spec.base;
    const town = townsNamed(name, department).find((t) => t.name === name) ?? townsNamed(name, department)[0];
    if (town === undefined) throw new UnknownTownError(name);
    return { spec, town, towns: [] as Town[] };
  });
  // Each town goes to the nearest base, if within that rep's radius (no overlap between reps).
  for (const town of frenchTowns()) {
    let best: (typeof bases)[number] | undefined;
    let bestKm = Infinity;
    for (const base of bases) {
      const km = distanceKm(town.latitude, town.longitude, base.town.latitude, base.town.longitude);
      if (km < bestKm) {
        bestKm = km;
        best = base;
      }
    }
    if (best !== undefined && bestKm <= best.spec.radiusKm) best.towns.push(town);
  }
  return bases.map((b) => ({
    base: b.town,
    towns: b.towns.sort(
      (x, y) =>
        distanceKm(x.latitude, x.longitude, b.town.latitude, b.town.longitude) -
          distanceKm(y.latitude, y.longitude, b.town.latitude, b.town.longitude) ||
        x.inseeCode.localeCompare(y.inseeCode),
    ),
  }));
}

// ---- Catalogue ---------------------------------------------------------------------------------

interface CatalogItem {
  product: Product;
  template: ProductTemplate;
  /** Orders after this instant no longer carry the product (inactive products). */
  discontinuedAt: number;
  breaks: Record<string, PriceBreak[]>;
}

const priceListSpecs = [
  { code: 'CHR-STD', name: 'Tarif CHR standard', factor: 1, breakStep: [2, 6] },
  { code: 'CHR-PREM', name: 'Tarif CHR premium et chaînes', factor: 0.93, breakStep: [2, 5] },
  { code: 'COLL', name: 'Tarif collectivités', factor: 0.9, breakStep: [4, 12] },
] as const;
type PriceGroup = (typeof priceListSpecs)[number]['code'];

function breaksFor(template: ProductTemplate, factor: number, steps: readonly number[]): PriceBreak[] {
  const base = Math.round(template.priceCents * factor);
  const q1 = Math.max(2, template.typicalQuantity * (steps[0] ?? 2));
  const q2 = Math.max(q1 + 1, template.typicalQuantity * (steps[1] ?? 6));
  return [
    { minQuantity: 1, unitPriceCents: base },
    { minQuantity: q1, unitPriceCents: Math.round(base * 0.96) },
    { minQuantity: q2, unitPriceCents: Math.round(base * 0.92) },
  ];
}

// ---- Customers ---------------------------------------------------------------------------------

type Sector = 'cafe' | 'brasserie' | 'restaurant' | 'fastfood' | 'hotel' | 'caterer' | 'canteen';

const sectorSpecs: Record<
  Sector,
  {
    label: string;
    naf: string;
    prefixes: readonly string[];
    rhythm: readonly [number, number];
    families: Record<string, number>;
    sizes: readonly (readonly [Customer['size'], number])[];
  }
> = {
  cafe: {
    label: 'Café-bar',
    naf: '56.30Z',
    prefixes: ['Café', 'Bar', 'Le Comptoir', 'Café-Tabac', 'Bar'],
    rhythm: [12, 28],
    families: { BSA: 5, BIE: 5, VIN: 2, SPI: 3, CAF: 5, EPI: 1, LAI: 1, SUR: 1, HYG: 1, ART: 2 },
    sizes: [
      ['0', 2],
      ['1-9', 6],
      ['10-49', 1],
    ],
  },
  brasserie: {
    label: 'Brasserie',
    naf: '56.10A',
    prefixes: ['Brasserie', 'Brasserie', 'La Brasserie'],
    rhythm: [10, 21],
    families: { BSA: 3, BIE: 4, VIN: 4, SPI: 2, CAF: 3, EPI: 3, LAI: 3, SUR: 3, HYG: 1, ART: 1 },
    sizes: [
      ['1-9', 5],
      ['10-49', 3],
    ],
  },
  restaurant: {
    label: 'Restaurant',
    naf: '56.10A',
    prefixes: ['Restaurant', 'Bistrot', 'Auberge', 'Le Bouchon', 'Crêperie', 'Pizzeria', 'La Table'],
    rhythm: [10, 28],
    families: { BSA: 2, BIE: 1, VIN: 5, SPI: 1, CAF: 2, EPI: 4, LAI: 4, SUR: 3, HYG: 1, ART: 1 },
    sizes: [
      ['1-9', 6],
      ['10-49', 2],
    ],
  },
  fastfood: {
    label: 'Restauration rapide',
    naf: '56.10C',
    prefixes: ['Snack', 'Sandwicherie', 'Burger', 'Pizza'],
    rhythm: [10, 24],
    families: { BSA: 5, BIE: 1, CAF: 1, EPI: 3, LAI: 2, SUR: 5, HYG: 1, ART: 4 },
    sizes: [
      ['0', 1],
      ['1-9', 5],
      ['10-49', 1],
    ],
  },
  hotel: {
    label: 'Hôtel',
    naf: '55.10Z',
    prefixes: ['Hôtel', 'Hôtel-Restaurant', 'Grand Hôtel', 'Résidence'],
    rhythm: [12, 30],
    families: { BSA: 3, BIE: 2, VIN: 3, SPI: 2, CAF: 4, EPI: 3, LAI: 3, SUR: 2, HYG: 3, ART: 2 },
    sizes: [
      ['1-9', 3],
      ['10-49', 4],
      ['50-249', 1],
    ],
  },
  caterer: {
    label: 'Traiteur',
    naf: '56.21Z',
    prefixes: ['Traiteur', 'Maison', 'Les Saveurs'],
    rhythm: [14, 35],
    families: { BSA: 2, BIE: 0.5, VIN: 2, SPI: 0.5, CAF: 1, EPI: 5, LAI: 4, SUR: 3, HYG: 1, ART: 4 },
    sizes: [
      ['1-9', 4],
      ['10-49', 2],
    ],
  },
  canteen: {
    label: 'Restauration collective',
    naf: '56.29A',
    prefixes: ['Restaurant scolaire', 'Restaurant d’entreprise', 'Cuisine centrale', 'EHPAD'],
    rhythm: [7, 14],
    families: { BSA: 1, CAF: 1, EPI: 5, LAI: 5, SUR: 5, HYG: 3, ART: 2 },
    sizes: [
      ['10-49', 3],
      ['50-249', 2],
      ['250+', 1],
    ],
  },
};

const sectorWeights: readonly (readonly [Sector, number])[] = [
  ['cafe', 22],
  ['brasserie', 12],
  ['restaurant', 30],
  ['fastfood', 10],
  ['hotel', 11],
  ['caterer', 6],
  ['canteen', 9],
];
const skiSectorWeights: readonly (readonly [Sector, number])[] = [
  ['cafe', 15],
  ['brasserie', 12],
  ['restaurant', 30],
  ['fastfood', 5],
  ['hotel', 35],
];

const archetypeWeights: readonly (readonly [CustomerArchetype, number])[] = [
  ['prospect', 12],
  ['steady', 31],
  ['grower', 10],
  ['decliner', 9],
  ['slipping', 3],
  ['churned', 10],
  ['lost', 5],
  ['newcomer', 20],
];

const competitorsPool: Record<string, readonly string[]> = {
  national: ['Metro', 'Promocash', 'Transgourmet', 'Sysco (ex-Brake)', 'France Boissons', 'Episaveurs'],
  '84': [
    'Distri-Alpes (grossiste local)',
    'Boissons du Lyonnais (grossiste local)',
    'Savoie Boissons (local)',
  ],
  '93': ['Provence Distribution (grossiste local)', 'Azur Boissons (local)'],
  '76': ['Occitanie Frais (grossiste local)'],
};

const budgetCycles = [
  'Commandes hebdomadaires, budget revu chaque janvier',
  'Référencement revu avant la saison d’été (mars)',
  'Budget annuel voté en septembre',
  'Tarifs négociés à la rentrée, commandes au fil de l’eau',
  'Décision du siège de la chaîne, revue semestrielle',
] as const;
const skiBudgetCycle = 'Référencement arrêté en octobre pour la saison d’hiver';
const visitHours = [
  '9h–11h, jamais pendant le service',
  '14h30–17h',
  'Avant 11h',
  'Après 15h',
  'Sur rendez-vous uniquement',
] as const;
const openingHoursPool = [
  'Lun–Sam 7h–20h',
  'Mar–Sam 12h–14h, 19h–22h30',
  'Tous les jours 7h–1h',
  'Lun–Ven 11h30–14h30',
  'Mer–Dim 12h–14h, 19h–23h',
  'Tous les jours, réception 24h/24',
] as const;

interface Profile {
  index: number;
  rng: Random;
  archetype: CustomerArchetype;
  sector: Sector;
  town: Town;
  ski: boolean;
  terrace: boolean;
  priceGroup: PriceGroup;
  sizeFactor: number;
  rhythmDays: number;
  firstContact: number;
  firstOrder: number;
  stopAt: number;
  /** Decline or slip starts here (ms). */
  turnAt: number;
  repertoire: CatalogItem[];
}

// ---- Time helpers -------------------------------------------------------------------------------

/** Last Sunday of a month (UTC day start), for the EU summer-time rule. */
function lastSunday(year: number, month: number): number {
  const last = Date.UTC(year, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}

/** The instant of a Paris wall-clock time on a given day (CET, CEST from March to October). */
export function parisInstant(dayMs: number, hour: number, minute: number): number {
  const d = new Date(dayMs);
  const year = d.getUTCFullYear();
  const local = Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), hour, minute);
  const summerStart = lastSunday(year, 2) + 3_600_000; // 01:00 UTC
  const summerEnd = lastSunday(year, 9) + 3_600_000;
  const guess = local - 3_600_000;
  const offsetHours = guess >= summerStart - 3_600_000 && guess < summerEnd - 3_600_000 ? 2 : 1;
  return local - offsetHours * 3_600_000;
}
function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function iso(ms: number): string {
  return new Date(ms).toISOString();
}
/** Truncates to 00:00 UTC. */
function utcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}
/** Moves Sundays to Monday (ISO weekday 7 → 1). */
function workingDay(dayMs: number): number {
  return new Date(dayMs).getUTCDay() === 0 ? dayMs + DAY : dayMs;
}

function seasonFactor(month: number, profile: Pick<Profile, 'ski' | 'terrace' | 'sector'>): number {
  if (profile.ski) return [2.4, 2.4, 2.2, 1.3, 0.15, 0.15, 0.6, 0.6, 0.15, 0.15, 0.3, 1.8][month] ?? 1;
  if (profile.sector === 'canteen') return month === 6 || month === 7 ? 0.15 : 1;
  const base = month === 7 ? 0.75 : 1; // August: holidays
  if (profile.terrace)
    return base * ([0.8, 0.8, 0.95, 1.05, 1.25, 1.6, 1.7, 1.6, 1.25, 1, 0.85, 0.95][month] ?? 1);
  return base;
}

function inSeason(season: Season, month: number): boolean {
  if (season === 'summer') return month >= 4 && month <= 8;
  if (season === 'winter') return month >= 10 || month <= 2;
  return true;
}

// ---- The generator -------------------------------------------------------------------------------

export function resolveReferenceDate(value: Date | string | undefined): number {
  const ms =
    value === undefined ? Date.now() : typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Invalid reference date: ${String(value)}`);
  return utcDay(ms);
}

export function generateCompany(options: GenerateCompanyOptions = {}): GeneratedCompany {
  const seed = options.seed ?? DEFAULT_COMPANY_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0)) throw new RangeError('scale must be positive');
  const today = resolveReferenceDate(options.referenceDate);
  const start = today - 3 * 365 * DAY;
  const setupAt = start - 60 * DAY;
  const rng = Random.seeded(seed, 1);

  // Teams and users.
  const teams: CompanyTeam[] = teamSpecs.map((t) => ({
    id: rng.uuidV7(setupAt),
    name: t.name,
    createdAt: iso(setupAt),
  }));
  const teamId = (key: 'ra' | 'po') => teams[key === 'ra' ? 0 : 1]?.id ?? '';
  const users: CompanyUser[] = [
    {
      key: 'admin',
      id: rng.uuidV7(setupAt),
      email: 'admin@tournee.test',
      name: 'Administration Tournée',
      role: 'admin',
      teamId: null,
      createdAt: iso(setupAt),
    },
  ];
  for (const t of teamSpecs) {
    users.push({
      key: t.manager.key,
      id: rng.uuidV7(setupAt),
      email: `${slug(t.manager.name)}@tournee.test`,
      name: t.manager.name,
      role: 'manager',
      teamId: teamId(t.key),
      createdAt: iso(setupAt),
    });
  }
  for (const spec of repSpecs) {
    users.push({
      key: spec.key,
      id: rng.uuidV7(setupAt),
      email: `${slug(spec.name)}@tournee.test`,
      name: spec.name,
      role: 'rep',
      teamId: teamId(spec.team),
      createdAt: iso(setupAt),
    });
  }
  const userByKey = new Map(users.map((u) => [u.key, u]));
  const managerOf = (team: 'ra' | 'po') =>
    userByKey.get(teamSpecs[team === 'ra' ? 0 : 1].manager.key) as CompanyUser;

  const territoryTowns = buildTerritories();
  const territories: RepTerritory[] = repSpecs.map((spec, i) => {
    const t = territoryTowns[i];
    if (t === undefined) throw new RangeError('territory missing');
    return {
      repId: (userByKey.get(spec.key) as CompanyUser).id,
      teamId: teamId(spec.team),
      managerName: managerOf(spec.team).name,
      baseTown: t.base,
      towns: t.towns,
    };
  });

  // Catalogue and price lists.
  const catalogRng = Random.seeded(seed, 2);
  const priceLists: PriceList[] = priceListSpecs.map((spec) => ({
    id: catalogRng.uuidV7(setupAt),
    code: spec.code,
    name: spec.name,
    customerGroup: spec.code,
    validFrom: isoDay(start),
    validTo: null,
    version: 1,
    updatedAt: iso(setupAt),
  }));
  const referenceCounters = new Map<string, number>();
  const catalog: CatalogItem[] = productTemplates().map((template) => {
    const n = (referenceCounters.get(template.prefix) ?? 10_000) + catalogRng.int(3, 40);
    referenceCounters.set(template.prefix, n);
    const inactive = catalogRng.chance(0.06);
    const product: Product = {
      id: catalogRng.uuidV7(setupAt),
      reference: `${template.prefix}-${n}`,
      name: template.name,
      family: template.family,
      unit: template.unit,
      vatRate: template.vatRate,
      active: !inactive,
      version: 1,
      updatedAt: iso(setupAt),
    };
    const breaks: Record<string, PriceBreak[]> = {};
    for (const spec of priceListSpecs) breaks[spec.code] = breaksFor(template, spec.factor, spec.breakStep);
    return {
      product,
      template,
      discontinuedAt: inactive ? today - catalogRng.int(150, 700) * DAY : Infinity,
      breaks,
    };
  });
  const prices: Price[] = [];
  for (const [i, list] of priceLists.entries()) {
    const code = priceListSpecs[i]?.code ?? 'CHR-STD';
    for (const item of catalog) {
      prices.push({
        id: catalogRng.uuidV7(setupAt),
        priceListId: list.id,
        productId: item.product.id,
        breaks: item.breaks[code] ?? [],
        version: 1,
      });
    }
  }
  const catalogByFamily = new Map<string, CatalogItem[]>();
  for (const item of catalog) {
    const list = catalogByFamily.get(item.template.prefix) ?? [];
    list.push(item);
    catalogByFamily.set(item.template.prefix, list);
  }

  const company: GeneratedCompany = {
    seed,
    scale,
    referenceDate: isoDay(today),
    teams,
    users,
    territories,
    customers: [],
    profiles: new Map(),
    contacts: [],
    consents: [],
    products: catalog.map((c) => c.product),
    priceLists,
    prices,
    orders: [],
    visits: [],
    complaints: [],
    complaintEvents: [],
    marketingActions: [],
    appointments: [],
    notes: [],
  };

  const perRep = Math.max(1, Math.round(CUSTOMERS_PER_REP_AT_SCALE_1 * scale));
  const notesPerRep = options.notesPerRep ?? 3;
  for (const [repIndex, spec] of repSpecs.entries()) {
    const territory = territories[repIndex] as RepTerritory;
    const rep = userByKey.get(spec.key) as CompanyUser;
    const manager = managerOf(spec.team);
    const townWeights = territory.towns.map(
      (t) => [t, Math.sqrt(t.population) * (skiResorts.has(t.inseeCode) ? 4 : 1)] as const,
    );
    const repCustomers: { customer: Customer; profile: Profile; contacts: Contact[] }[] = [];
    for (let i = 0; i < perRep; i += 1) {
      const r = Random.seeded(seed, 100 + repIndex, i);
      const profile = makeProfile(r, i, townWeights, catalogByFamily, start, today);
      const made = makeCustomer(profile, rep, start, today, company);
      repCustomers.push({ ...made, profile });
      simulateOrders(profile, made.customer, rep, company, today);
      simulateVisits(profile, made.customer, rep, company, today);
      if (i < notesPerRep) {
        company.notes.push({
          id: r.uuidV7(today - (notesPerRep - i) * 3_600_000),
          customerId: made.customer.id,
          authorId: rep.id,
          body: r.pick(noteBodies),
          createdAt: iso(today - (notesPerRep - i) * 3_600_000),
        });
      }
    }
    planAppointments(Random.seeded(seed, 500 + repIndex), repCustomers, rep, manager, company, today);
  }
  runCampaigns(Random.seeded(seed, 3), company, today, start);
  complaintHistories(Random.seeded(seed, 4), company, today);
  visitCourses(Random.seeded(seed, 5), company);
  numberOrders(company);
  return company;
}

const noteBodies = [
  'Rencontré le gérant : intéressé par la nouvelle gamme de cafés en grains. Rappeler avant la saison.',
  'Terrasse refaite, 40 couverts de plus cet été. Prévoir une visite avec les nouveaux tarifs.',
  'Livraison du mardi à décaler au jeudi, la cuisine est fermée le mardi matin.',
] as const;

function makeProfile(
  r: Random,
  index: number,
  townWeights: readonly (readonly [Town, number])[],
  catalogByFamily: Map<string, CatalogItem[]>,
  start: number,
  today: number,
): Profile {
  const town = r.weighted(townWeights);
  const ski = skiResorts.has(town.inseeCode);
  const sector = r.weighted(ski ? skiSectorWeights : sectorWeights);
  // Every 20th customer from the 8th is a loyal customer who stopped ordering after the summer.
  const archetype: CustomerArchetype = index % 20 === 7 ? 'slipping' : r.weighted(archetypeWeights);
  const terrace =
    (sector === 'cafe' || sector === 'brasserie' || sector === 'restaurant') &&
    r.chance(town.region === '84' ? 0.45 : 0.7);
  const spec = sectorSpecs[sector];
  const sizeFactor = sector === 'canteen' || sector === 'hotel' ? r.between(1.2, 2.5) : r.between(0.6, 1.6);
  const priceGroup: PriceGroup =
    sector === 'canteen'
      ? 'COLL'
      : sector === 'hotel' && r.chance(0.5)
        ? 'CHR-PREM'
        : r.chance(0.08)
          ? 'CHR-PREM'
          : 'CHR-STD';
  let rhythmDays = r.between(spec.rhythm[0], spec.rhythm[1]) * ORDER_SPACING;
  const window = today - start;
  let firstContact = start - r.int(60, 12 * 365) * DAY;
  let firstOrder = start + r.int(0, 20) * DAY;
  let stopAt = today;
  let turnAt = today;
  switch (archetype) {
    case 'prospect':
      firstContact = today - r.int(5, 540) * DAY;
      firstOrder = Infinity;
      break;
    case 'newcomer': {
      firstContact = start + Math.floor(r.next() * (window - 30 * DAY));
      firstOrder = firstContact + r.int(7, 100) * DAY;
      if (firstOrder >= today - DAY) firstOrder = today - r.int(1, 5) * DAY;
      break;
    }
    case 'steady':
    case 'grower':
      break;
    case 'decliner':
      turnAt = today - r.int(150, 300) * DAY;
      break;
    case 'slipping':
      rhythmDays = r.between(10, 16);
      turnAt = today - r.int(100, 140) * DAY;
      stopAt = r.chance(0.3) ? turnAt + r.int(10, 25) * DAY : turnAt;
      break;
    case 'churned':
      stopAt = today - r.int(110, 360) * DAY;
      break;
    case 'lost':
      stopAt = today - r.int(420, 900) * DAY;
      break;
  }
  if (firstContact > firstOrder) firstContact = firstOrder - r.int(7, 60) * DAY;
  // Repertoire: the products this customer buys, by the sector's family weights.
  const repertoire: CatalogItem[] = [];
  const familyWeights = Object.entries(spec.families);
  const size = r.int(8, 24);
  for (let k = 0; k < size * 2 && repertoire.length < size; k += 1) {
    const family = r.weighted(familyWeights);
    const items = catalogByFamily.get(family);
    if (items === undefined) continue;
    const item = r.pick(items);
    if (!repertoire.includes(item)) repertoire.push(item);
  }
  return {
    index,
    rng: r,
    archetype,
    sector,
    town,
    ski,
    terrace,
    priceGroup,
    sizeFactor,
    rhythmDays,
    firstContact: utcDay(firstContact),
    firstOrder,
    stopAt,
    turnAt,
    repertoire,
  };
}

function frenchPhone(r: Random, prefix: string): string {
  return `${prefix} ${Array.from({ length: 4 }, () => r.digits(2)).join(' ')}`;
}

function landlinePrefix(town: Town): string {
  return town.region === '11' ? '01' : '04';
}

function makeSiret(r: Random): string {
  let siren: string;
  do {
    siren = withLuhnCheckDigit(`${r.int(3, 9)}${r.digits(7)}`);
  } while (siren.startsWith('356000000'));
  return withLuhnCheckDigit(`${siren}${r.pick(['0001', '0001', '0002', '0003', '0011', '0024'])}`);
}

function makeCustomer(
  p: Profile,
  rep: CompanyUser,
  start: number,
  today: number,
  company: GeneratedCompany,
): { customer: Customer; contacts: Contact[] } {
  const r = p.rng;
  const spec = sectorSpecs[p.sector];
  const prefix = r.pick(spec.prefixes);
  const family = r.pick(lastNames);
  const name =
    p.sector === 'caterer' || (p.sector === 'restaurant' && r.chance(0.15))
      ? `${prefix} ${family}`
      : p.sector === 'canteen'
        ? `${prefix} ${r.pick(['Les Tilleuls', 'Jean Moulin', 'Pasteur', 'Les Érables', 'Victor Hugo', 'du Parc'])}`
        : `${prefix} ${r.pick(placeSuffixes)}`;
  const postcode = r.chance(0.7) ? (p.town.postcodes[0] ?? '') : r.pick(p.town.postcodes);
  // A few hundred metres around the town's centre.
  const distance = 0.05 + r.next() * 0.6;
  const bearing = r.next() * 2 * Math.PI;
  const latitude = p.town.latitude + (distance / 111.2) * Math.cos(bearing);
  const longitude =
    p.town.longitude + (distance / (111.2 * Math.cos((p.town.latitude * Math.PI) / 180))) * Math.sin(bearing);
  const status: CustomerStatus =
    p.archetype === 'prospect'
      ? 'prospect'
      : p.archetype === 'lost' || (p.archetype === 'churned' && p.stopAt < today - 240 * DAY)
        ? 'lost'
        : 'customer';
  const competitors = r.sample(
    [...(competitorsPool.national ?? []), ...(competitorsPool[p.town.region] ?? [])],
    r.int(p.archetype === 'prospect' ? 1 : 0, 3),
  );
  const domain = `${slug(name).replace(/\./g, '-')}.fr`;
  const createdAt = Math.max(p.firstContact, start - 60 * DAY);
  const customer: Customer = {
    id: r.uuidV7(p.firstContact + 9 * 3_600_000),
    name,
    siret: makeSiret(r),
    nafCode: spec.naf,
    legalForm: r.weighted([
      ['SARL', 4],
      ['SAS', 3],
      ['SASU', 2],
      ['EURL', 2],
      ['EI', p.sector === 'canteen' || p.sector === 'hotel' ? 0 : 2],
    ]),
    address: `${r.int(1, 140)} ${r.pick(streets)}`,
    postcode,
    city: p.town.name,
    latitude: Math.round(latitude * 1e6) / 1e6,
    longitude: Math.round(longitude * 1e6) / 1e6,
    size: r.weighted(spec.sizes),
    sector: spec.label,
    firstContactDate: isoDay(p.firstContact),
    phone: frenchPhone(r, landlinePrefix(p.town)),
    email: r.chance(0.7) ? `contact@${domain}` : '',
    needs: r.sample(needsPool, r.int(1, 2)).join(' '),
    preferredVisitDays: r.sample([1, 2, 3, 4, 5], r.int(1, 3)).sort((a, b) => a - b),
    preferredVisitHours: r.pick(visitHours),
    openingHours: p.sector === 'hotel' ? 'Tous les jours, réception 24h/24' : r.pick(openingHoursPool),
    competitors,
    budgetCycle: p.ski ? skiBudgetCycle : r.pick(budgetCycles),
    declarativeNotes: r.chance(0.5) ? r.pick(declarativeNotesPool) : '',
    status,
    priceGroup: p.priceGroup,
    ownerId: rep.id,
    ownerName: rep.name,
    externalRef: null,
    version: 1,
    updatedAt: iso(Math.max(createdAt, today - r.int(1, 60) * DAY)),
  };
  company.customers.push(customer);
  company.profiles.set(customer.id, { archetype: p.archetype, town: p.town, ski: p.ski, terrace: p.terrace });

  // Contacts: one decision maker, up to three others.
  const contacts: Contact[] = [];
  const count = p.sector === 'hotel' || p.sector === 'canteen' ? r.int(2, 4) : r.int(1, 3);
  const used = new Set<string>();
  for (let k = 0; k < count; k += 1) {
    const female = r.chance(0.5);
    const firstName = r.pick(female ? femaleFirstNames : maleFirstNames);
    const lastName = k === 0 && p.sector === 'caterer' ? family : r.pick(lastNames);
    const role = contactRole(r, p.sector, k === 0, female);
    if (used.has(role) && k > 0) continue;
    used.add(role);
    const contactAt = createdAt + (k === 0 ? 0 : r.int(0, 400) * DAY);
    const at = Math.min(contactAt, today - DAY);
    const email = r.chance(0.75) ? `${slug(firstName)}.${slug(lastName)}@${domain}` : '';
    const mobile = r.chance(0.8) ? frenchPhone(r, r.pick(['06', '07'])) : '';
    const channel: Channel = r.weighted([
      ['visit', 5],
      ['phone', 3],
      ['email', email === '' ? 0 : 1.5],
      ['sms', mobile === '' ? 0 : 0.5],
    ]);
    const contact: Contact & { createdAt: string } = {
      id: r.uuidV7(at),
      customerId: customer.id,
      firstName,
      lastName,
      role,
      phone: r.chance(0.5) ? customer.phone : '',
      mobile,
      email,
      decisionMaker: k === 0,
      preferredChannel: channel,
      anonymisedAt: null,
      version: 1,
      updatedAt: iso(at),
      createdAt: iso(at),
    };
    contacts.push(contact);
    company.contacts.push(contact);
    const source = r.pick(['visit', 'visit', 'web form', 'import']);
    if (email !== '') {
      company.consents.push({
        id: r.uuidV7(at),
        customerId: customer.id,
        contactId: contact.id,
        purpose: 'email-marketing',
        granted: r.chance(0.65),
        at: iso(at),
        source,
      });
    }
    if (mobile !== '' && r.chance(0.5)) {
      company.consents.push({
        id: r.uuidV7(at),
        customerId: customer.id,
        contactId: contact.id,
        purpose: 'sms-marketing',
        granted: r.chance(0.4),
        at: iso(at),
        source,
      });
    }
  }
  return { customer, contacts };
}

function contactRole(r: Random, sector: Sector, decisionMaker: boolean, female: boolean): string {
  if (decisionMaker) {
    if (sector === 'hotel') return female ? 'Directrice d’hôtel' : 'Directeur d’hôtel';
    if (sector === 'canteen') return 'Responsable des achats';
    return female ? 'Gérante' : 'Gérant';
  }
  const others =
    sector === 'hotel' || sector === 'restaurant'
      ? ['Chef de cuisine', 'Sommelier', 'Responsable des achats', 'Responsable de salle']
      : sector === 'cafe'
        ? ['Responsable de salle', 'Responsable des achats']
        : ['Chef de cuisine', 'Responsable des achats'];
  return r.pick(others);
}

// ---- Orders ----------------------------------------------------------------------------------------

function trend(p: Profile, at: number, start: number, today: number): number {
  switch (p.archetype) {
    case 'grower':
      return 0.55 + (1.0 * (at - start)) / (today - start);
    case 'decliner':
      return at < p.turnAt ? 1 : 1 - (0.65 * (at - p.turnAt)) / (today - p.turnAt);
    case 'slipping':
      return at < p.turnAt ? 1.4 : 0.4;
    case 'newcomer':
      return p.index % 5 === 0 ? 0.6 + (0.8 * (at - p.firstOrder)) / Math.max(DAY, today - p.firstOrder) : 1;
    case 'prospect':
    case 'steady':
    case 'churned':
    case 'lost':
      return 1;
  }
}

function orderStatusFor(r: Random, ageDays: number): OrderStatus {
  if (ageDays > 1 && r.chance(0.015)) return 'cancelled';
  if (ageDays > 7) return 'delivered';
  if (ageDays > 3) return r.chance(0.75) ? 'delivered' : 'shipped';
  if (ageDays > 1) return r.chance(0.5) ? 'shipped' : 'confirmed';
  return r.chance(0.5) ? 'confirmed' : 'received';
}

function simulateOrders(
  p: Profile,
  customer: Customer,
  rep: CompanyUser,
  company: GeneratedCompany,
  today: number,
) {
  if (p.firstOrder === Infinity) return;
  const r = p.rng;
  const start = today - 3 * 365 * DAY;
  let day = utcDay(Math.max(p.firstOrder, start));
  const end = Math.min(p.stopAt, today);
  const repertoire = p.repertoire;
  const dropped = new Set(
    p.archetype === 'decliner' ? r.sample(repertoire, Math.floor(repertoire.length * 0.4)) : [],
  );
  const customerOrders: Order[] = [];
  while (day < end) {
    const orderDay = workingDay(day);
    if (orderDay >= today) break;
    const month = new Date(orderDay).getUTCMonth();
    const season = seasonFactor(month, p);
    const t = Math.max(0.2, trend(p, orderDay, start, today));
    const orderedAt = parisInstant(orderDay, r.int(7, 17), r.int(0, 59));
    if (orderedAt >= today) break;
    const available = repertoire.filter(
      (item) =>
        orderedAt < item.discontinuedAt &&
        inSeason(item.template.season, month) &&
        !(dropped.has(item) && orderedAt > p.turnAt),
    );
    if (available.length > 0) {
      customerOrders.push(makeOrder(r, p, customer, rep, available, orderedAt, today, season * t));
    }
    let interval = p.rhythmDays * r.between(0.75, 1.3);
    interval /= season;
    if (p.archetype === 'decliner' && orderDay > p.turnAt)
      interval *= 1 + (1.5 * (orderDay - p.turnAt)) / (today - p.turnAt);
    if (p.archetype === 'slipping' && orderDay > p.turnAt) interval = 40;
    day = orderDay + Math.max(2, Math.round(interval)) * DAY;
  }
  company.orders.push(...customerOrders);
  // Complaints: a few per customer, more in the months before a rupture (churn signal).
  for (const order of customerOrders) {
    if (order.status === 'cancelled') continue;
    const at = Date.parse(order.orderedAt);
    const nearRupture =
      (p.archetype === 'churned' || p.archetype === 'lost' || p.archetype === 'slipping') &&
      at > Math.min(p.stopAt, p.turnAt) - 150 * DAY;
    const declining = p.archetype === 'decliner' && at > p.turnAt - 60 * DAY;
    if (!r.chance(nearRupture || declining ? 0.08 : 0.006)) continue;
    const createdAt = at + r.int(1, 4) * DAY + r.int(0, 8) * 3_600_000;
    if (createdAt >= today) continue;
    const [category, description] = r.pick(complaintSamples);
    const line = r.pick(order.lines);
    const ageDays = (today - createdAt) / DAY;
    company.complaints.push({
      id: r.uuidV7(createdAt),
      customerId: customer.id,
      orderId: order.id,
      productId: line.productId,
      category,
      description,
      severity: r.weighted([
        ['low', 3],
        ['medium', 4],
        ['high', 1],
      ]),
      status:
        ageDays > 60
          ? r.chance(0.85)
            ? 'closed'
            : 'resolved'
          : ageDays > 14
            ? r.weighted([
                ['in-progress', 1],
                ['resolved', 3],
                ['closed', 3],
              ])
            : r.weighted([
                ['received', 2],
                ['acknowledged', 2],
                ['in-progress', 2],
              ]),
      createdAt: iso(createdAt),
      version: 1,
    });
  }
}

/** The furthest step a visit without a sale reached, by its reason (a prospect without a need stops early). */
const stepOfReason: Readonly<Record<NoSaleReason, VisitStep>> = {
  price: 'price',
  budget: 'price',
  competitor: 'objections',
  'no-need': 'discovery',
  timing: 'argumentation',
  'decision-maker-absent': 'opening',
  stock: 'closing',
  other: 'reformulation',
};

/**
 * How far each generated visit went (its own random stream, so the rest of the company is the
 * same as without it): the step reached by outcome and no-sale reason, the closing technique of
 * the default playbook, the families talked about; a no-sale gets its reason from its objections.
 */
function visitCourses(r: Random, company: GeneratedCompany): void {
  const families = [...new Set(company.products.map((p) => p.family))].filter((f) => f !== '');
  const closings: readonly (readonly [string, number])[] = [
    ['direct', 3],
    ['alternative', 3],
    ['summary', 2],
    ['trial', 1],
  ];
  const closingName = new Map(defaultPlaybook.closings.map((c) => [c.id, c.name]));
  company.visits = company.visits.map((visit) => {
    if (visit.outcome === 'not-met') return visit;
    const talked = families.length === 0 ? [] : r.sample(families, r.int(1, 2));
    let reachedStep: VisitStep;
    let closingId: string | null = null;
    let noSaleReason = visit.noSaleReason;
    if (visit.outcome === 'order') {
      reachedStep = 'closing';
      closingId = r.weighted(closings);
    } else if (visit.outcome === 'follow-up') {
      reachedStep = r.weighted<VisitStep>([
        ['closing', 3],
        ['price', 2],
        ['argumentation', 1],
      ]);
      if (reachedStep === 'closing') closingId = r.chance(0.6) ? 'next-appointment' : r.weighted(closings);
    } else {
      const priceHeard = visit.objections.some((o) => /prix|cher|tarif|remise/i.test(o.text));
      noSaleReason ??= priceHeard
        ? r.weighted<NoSaleReason>([
            ['price', 4],
            ['budget', 1],
          ])
        : r.weighted<NoSaleReason>([
            ['competitor', 3],
            ['no-need', 2],
            ['timing', 2],
            ['decision-maker-absent', 1],
            ['stock', 1],
            ['other', 1],
          ]);
      reachedStep = stepOfReason[noSaleReason];
      if (reachedStep === 'closing') closingId = r.weighted(closings);
    }
    return {
      ...visit,
      noSaleReason,
      reachedStep,
      closingId,
      closingName: closingId === null ? null : (closingName.get(closingId) ?? null),
      families: talked,
    };
  });
}

/** The lifecycle in order; a complaint's history is the prefix up to its status. */
const complaintPath: readonly ComplaintStatus[] = [
  'received',
  'acknowledged',
  'in-progress',
  'resolved',
  'closed',
];
/** Hours after the previous step, [min, max]: acknowledged within a day or so, resolved in days. */
const stepHours: readonly (readonly [number, number])[] = [
  [0, 0],
  [2, 30],
  [6, 72],
  [24, 14 * 24],
  [24, 10 * 24],
];

/**
 * Events for every generated complaint (its own random stream, so the rest of the company is
 * the same as without them): received by the customer's rep, then each move by their manager,
 * squeezed to end an hour before today when the draw would pass it.
 */
function complaintHistories(r: Random, company: GeneratedCompany, today: number): void {
  const owner = new Map(company.customers.map((c) => [c.id, c.ownerId]));
  const byId = new Map(company.users.map((u) => [u.id, u]));
  const managerOfTeam = new Map(
    company.users.filter((u) => u.role === 'manager').map((u) => [u.teamId, u] as const),
  );
  for (const complaint of company.complaints) {
    const rep = byId.get(owner.get(complaint.customerId) ?? '');
    if (rep === undefined) continue;
    const manager = managerOfTeam.get(rep.teamId) ?? rep;
    const steps = complaintPath.slice(0, complaintPath.indexOf(complaint.status) + 1);
    const created = Date.parse(complaint.createdAt);
    const offsets: number[] = [];
    let offset = 0;
    for (const [i] of steps.entries()) {
      const [min, max] = stepHours[i]!;
      offset += i === 0 ? 0 : r.between(min, max) * 3_600_000;
      offsets.push(offset);
    }
    const room = today - 3_600_000 - created;
    const squeeze = offset > room && offset > 0 ? Math.max(0, room) / offset : 1;
    steps.forEach((status, i) => {
      const at = Math.round(created + offsets[i]! * squeeze);
      const by = i === 0 ? rep : manager;
      company.complaintEvents.push({
        id: r.uuidV7(at),
        complaintId: complaint.id,
        customerId: complaint.customerId,
        previousStatus: i === 0 ? null : steps[i - 1]!,
        status,
        note: '',
        byUserId: by.id,
        byName: by.name,
        at: iso(at),
        satisfaction:
          status === 'resolved'
            ? r.weighted([
                [5, 4],
                [4, 4],
                [3, 2],
                [2, 1],
                [1, 1],
              ])
            : null,
        version: 1,
      });
    });
  }
}

function makeOrder(
  r: Random,
  p: Profile,
  customer: Customer,
  rep: CompanyUser,
  available: CatalogItem[],
  orderedAt: number,
  today: number,
  intensity: number,
): Order {
  const lineCount = Math.min(
    available.length,
    Math.max(2, Math.round(r.between(2.5, 7) * Math.sqrt(intensity))),
  );
  const items = r.sample(available, lineCount);
  const yearsAgo = (today - orderedAt) / (365 * DAY);
  const inflation = 1 - 0.025 * yearsAgo;
  const lines: OrderLine[] = items.map((item) => {
    const quantity = Math.max(
      1,
      Math.round(item.template.typicalQuantity * p.sizeFactor * intensity * r.between(0.5, 1.4)),
    );
    const breaks = item.breaks[p.priceGroup] ?? [];
    let unit = breaks[0]?.unitPriceCents ?? item.template.priceCents;
    for (const b of breaks) if (quantity >= b.minQuantity) unit = b.unitPriceCents;
    const unitPriceCents = Math.round(unit * inflation);
    const discountBp = r.chance(0.12) ? r.pick([200, 300, 400, 500]) : 0;
    return {
      id: r.uuidV7(orderedAt),
      productId: item.product.id,
      productReference: item.product.reference,
      productName: item.product.name,
      quantity,
      unitPriceCents,
      discountBp,
      vatRate: item.product.vatRate,
      totalExclCents: lineTotalExclCents({ quantity, unitPriceCents, discountBp }),
    };
  });
  const { totalExclCents, totalVatCents, totalInclCents } = orderTotals(lines);
  const ageDays = (today - orderedAt) / DAY;
  const status = orderStatusFor(r, ageDays);
  return {
    id: r.uuidV7(orderedAt),
    customerId: customer.id,
    repId: rep.id,
    number: '',
    orderedAt: iso(orderedAt),
    deliveryDate: isoDay(workingDay(utcDay(orderedAt) + r.int(1, 2) * DAY)),
    status,
    lines,
    totalExclCents,
    totalVatCents,
    totalInclCents,
    version: 1,
    updatedAt: iso(status === 'delivered' ? Math.min(today - 1, orderedAt + 2 * DAY) : orderedAt),
  };
}

/** Numbers orders per year in time order: CMD-2026-000001… */
function numberOrders(company: GeneratedCompany) {
  company.orders.sort((a, b) =>
    a.orderedAt < b.orderedAt ? -1 : a.orderedAt > b.orderedAt ? 1 : a.id < b.id ? -1 : 1,
  );
  const counters = new Map<string, number>();
  for (const order of company.orders) {
    const year = order.orderedAt.slice(0, 4);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    order.number = `CMD-${year}-${String(n).padStart(6, '0')}`;
  }
}

// ---- Visits, appointments, campaigns ---------------------------------------------------------------

function simulateVisits(
  p: Profile,
  customer: Customer,
  rep: CompanyUser,
  company: GeneratedCompany,
  today: number,
) {
  const r = p.rng;
  const start = today - 3 * 365 * DAY;
  const from = Math.max(p.firstContact, start);
  const until =
    p.archetype === 'lost' || p.archetype === 'churned' ? Math.min(today, p.stopAt + 60 * DAY) : today;
  let at = from + r.int(3, 40) * DAY;
  const every = p.archetype === 'prospect' ? r.int(45, 120) : r.int(100, 200);
  while (at < until) {
    const day = workingDay(utcDay(at));
    const when = parisInstant(day, r.int(8, 16), r.pick([0, 15, 30, 45]));
    if (when >= today) break;
    const converted = p.firstOrder !== Infinity && when >= p.firstOrder;
    const atRisk =
      (p.archetype === 'slipping' || p.archetype === 'decliner' || p.archetype === 'churned') &&
      when > p.turnAt - 90 * DAY;
    const outcome: Visit['outcome'] = !converted
      ? r.weighted([
          ['follow-up', 4],
          ['no-sale', 3],
          ['not-met', 1],
        ])
      : r.weighted([
          ['order', atRisk ? 1 : 5],
          ['follow-up', 2],
          ['no-sale', atRisk ? 3 : 1],
          ['not-met', 1],
        ]);
    const objections =
      outcome === 'not-met'
        ? []
        : r.sample(objectionLibrary, r.int(atRisk || !converted ? 1 : 0, atRisk ? 2 : 1)).map((text) => ({
            text,
            lifted: r.chance(atRisk ? 0.25 : 0.6),
          }));
    const summaries =
      outcome === 'order'
        ? visitSummaries.order
        : outcome === 'follow-up'
          ? visitSummaries.followUp
          : outcome === 'no-sale'
            ? visitSummaries.noSale
            : visitSummaries.notMet;
    const competitor = customer.competitors[0];
    company.visits.push({
      id: r.uuidV7(when),
      customerId: customer.id,
      repId: rep.id,
      at: iso(when),
      channel: r.chance(0.8) ? 'visit' : 'phone',
      outcome,
      objections,
      summary:
        r.pick(summaries) +
        (atRisk && competitor !== undefined ? ` A évoqué une offre de ${competitor}.` : ''),
      ...noReportFields,
      version: 1,
    });
    at = day + Math.round(every * r.between(0.7, 1.3)) * DAY;
  }
  // A converted prospect: the visit that closed the first order.
  if (p.archetype === 'newcomer' && p.firstOrder < today) {
    const when = parisInstant(workingDay(utcDay(p.firstOrder)), 9, 30);
    if (when < today && when >= p.firstContact) {
      company.visits.push({
        id: r.uuidV7(when),
        customerId: customer.id,
        repId: rep.id,
        at: iso(when),
        channel: 'visit',
        outcome: 'order',
        objections: [{ text: r.pick(objectionLibrary), lifted: true }],
        summary: 'Première commande : le prospect devient client.',
        ...noReportFields,
        version: 1,
      });
    }
  }
}

const objectives = [
  'Présenter la gamme terrasse',
  'Relancer : pas de commande depuis plusieurs semaines',
  'Faire le point après la réclamation',
  'Découverte : premier rendez-vous',
  'Négocier le référencement des vins d’été',
  'Présenter les nouveaux tarifs',
  'Dégustation café en grains',
] as const;

function planAppointments(
  r: Random,
  repCustomers: { customer: Customer; profile: Profile; contacts: Contact[] }[],
  rep: CompanyUser,
  manager: CompanyUser,
  company: GeneratedCompany,
  today: number,
) {
  const candidates = repCustomers.filter((c) => c.customer.status !== 'lost');
  if (candidates.length === 0) return;
  const days: number[] = [];
  for (let d = today; days.length < 10; d += DAY) {
    const weekday = new Date(d).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  const slots: readonly (readonly [number, number])[] = [
    [9, 0],
    [10, 30],
    [14, 0],
    [15, 30],
    [17, 0],
  ];
  let next = 0;
  const order = r.sample(candidates, candidates.length);
  let managerTuesdayDone = false;
  for (const day of days) {
    const perDay = Math.min(r.int(3, 5), slots.length);
    for (const [hour, minute] of slots.slice(0, perDay)) {
      if (next >= order.length) return;
      const target = order[next] as (typeof order)[number];
      next += 1;
      const startAt = parisInstant(day, hour, minute);
      const isTuesday = new Date(day).getUTCDay() === 2;
      const byManager = (isTuesday && !managerTuesdayDone) || r.chance(0.12);
      if (isTuesday && byManager) managerTuesdayDone = true;
      const decisionMaker = target.contacts.find((c) => c.decisionMaker) ?? null;
      const kind = r.chance(0.85) ? 'visit' : 'call';
      const objective =
        target.customer.status === 'prospect'
          ? 'Découverte : premier rendez-vous'
          : target.profile.archetype === 'slipping' || target.profile.archetype === 'decliner'
            ? 'Relancer : pas de commande depuis plusieurs semaines'
            : r.pick(objectives);
      company.appointments.push({
        id: r.uuidV7(today - DAY + next * 60_000),
        customerId: target.customer.id,
        contactId: decisionMaker?.id ?? null,
        repId: rep.id,
        kind,
        startAt: iso(startAt),
        durationMinutes: kind === 'call' ? 15 : r.pick([30, 45, 60]),
        objective,
        notes: '',
        status: 'planned',
        setByManagerName: byManager ? manager.name : null,
        version: 1,
        updatedAt: iso(today - DAY),
      });
    }
  }
}

/** Mailings and promotions over the three years, with each customer's reaction. */
function runCampaigns(r: Random, company: GeneratedCompany, today: number, start: number) {
  const firstOrders = new Map<string, number>();
  const lastOrders = new Map<string, number>();
  for (const order of company.orders) {
    const at = Date.parse(order.orderedAt);
    if (at < (firstOrders.get(order.customerId) ?? Infinity)) firstOrders.set(order.customerId, at);
    if (at > (lastOrders.get(order.customerId) ?? -Infinity)) lastOrders.set(order.customerId, at);
  }
  const calendar: readonly (readonly [
    number,
    number,
    MarketingAction['kind'],
    string,
    'all' | 'ski' | 'terrace',
  ])[] = [
    [3, 20, 'mailing', 'Catalogue terrasse été', 'terrace'],
    [4, 15, 'promotion', 'Promotion bières pression : 1 fût offert pour 10', 'all'],
    [8, 10, 'mailing', 'Foire aux vins d’automne', 'all'],
    [9, 25, 'promotion', 'Offre saison de ski : gamme raclette et vins de Savoie', 'ski'],
    [10, 15, 'mailing', 'Catalogue des fêtes de fin d’année', 'all'],
    [0, 20, 'event', 'Soirée dégustation café en grains', 'all'],
  ];
  const customers = company.customers;
  for (let year = new Date(start).getUTCFullYear(); year <= new Date(today).getUTCFullYear(); year += 1) {
    for (const [month, dayOfMonth, kind, label, audience] of calendar) {
      const at = parisInstant(Date.UTC(year, month, dayOfMonth), 10, 0);
      if (at < start || at >= today) continue;
      for (const customer of customers) {
        const profile = company.profiles.get(customer.id);
        if (profile === undefined) continue;
        if (audience === 'ski' && !profile.ski) continue;
        if (audience === 'terrace' && !profile.terrace) continue;
        const first = firstOrders.get(customer.id);
        const isProspect = first === undefined || first > at;
        if (Date.parse(`${customer.firstContactDate ?? ''}T00:00:00Z`) > at) continue;
        if (!r.chance(kind === 'event' ? 0.05 : isProspect ? 0.2 : 0.45)) continue;
        const lapsed = (lastOrders.get(customer.id) ?? 0) < at - 120 * DAY;
        const reaction: MarketingAction['reaction'] = r.weighted([
          ['positive', profile.archetype === 'grower' ? 4 : isProspect || lapsed ? 0.5 : 2],
          ['neutral', 3],
          ['negative', lapsed ? 2 : 0.5],
          ['none', 6],
        ]);
        company.marketingActions.push({
          id: r.uuidV7(at),
          customerId: customer.id,
          kind,
          at: iso(at),
          label: `${label} ${year}`,
          reaction,
          version: 1,
        });
      }
    }
  }
}
