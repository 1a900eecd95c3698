/**
 * French towns for the map's labels, for placing customers without coordinates and for the
 * rep's start point: GeoNames towns of 1,000+ inhabitants with La Poste's postcodes, bundled
 * with the app (data/towns.json, built by scripts/build-geo-data.ts) and loaded lazily in its
 * own chunk on first use.
 */
import type { LatLon } from '../../../shared/domain/geo/geo.js';
import { normalizeForSearch } from '../../ui/normalize.js';

export interface Town extends LatLon {
  /** The name used in an address ("Lyon" for every Lyon arrondissement). */
  name: string;
  population: number;
  /** Every postcode of the commune, sorted. */
  postcodes: readonly string[];
}

export class TownDataError extends Error {
  constructor(what: string) {
    super(`Unexpected town data: ${what}`);
    this.name = 'TownDataError';
  }
}

/** Rows `[name, lat, lon, population, "postcode postcode…"]` → towns (throws on a bad row). */
export function parseTownRows(rows: unknown): Town[] {
  if (!Array.isArray(rows)) throw new TownDataError('not an array');
  return rows.map((row: unknown, index) => {
    if (!Array.isArray(row) || row.length !== 5) throw new TownDataError(`row ${index}`);
    const [name, lat, lon, population, postcodes] = row as unknown[];
    if (
      typeof name !== 'string' ||
      typeof lat !== 'number' ||
      typeof lon !== 'number' ||
      typeof population !== 'number' ||
      typeof postcodes !== 'string'
    )
      throw new TownDataError(`row ${index}`);
    return { name, lat, lon, population, postcodes: postcodes === '' ? [] : postcodes.split(' ') };
  });
}

/** Lower case, no accents, words separated by one space; "St"/"Ste" as whole words spelt out. */
export function normaliseTownQuery(text: string, spellOutSaint = true): string {
  const plain = normalizeForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return spellOutSaint
    ? plain.replace(/\b(ste?) (?=\S)/g, (_, w: string) => (w === 'st' ? 'saint ' : 'sainte '))
    : plain;
}

export interface TownIndex {
  /** Every town, most populous first. */
  readonly towns: readonly Town[];
  /**
   * Towns whose name starts with the query (accents, case and hyphens ignored; then towns with
   * a later word starting with it), or, for digits, whose postcode starts with it; most
   * populous first within each group.
   */
  search(query: string, limit?: number): Town[];
  /** The most populous town served by this postcode. */
  byPostcode(postcode: string): Town | undefined;
  /** The nearest town within `maxKm` (equirectangular approximation: fine at these scales). */
  nearest(point: LatLon, maxKm?: number): Town | undefined;
}

export function createTownIndex(towns: readonly Town[]): TownIndex {
  const sorted = [...towns].sort((a, b) => b.population - a.population);
  const keys = sorted.map((t) => normaliseTownQuery(t.name, false));
  const byPostcode = new Map<string, Town>();
  for (const town of sorted) {
    for (const postcode of town.postcodes) if (!byPostcode.has(postcode)) byPostcode.set(postcode, town);
  }
  return {
    towns: sorted,
    search(query, limit = 10) {
      const trimmed = query.trim();
      if (trimmed === '' || limit <= 0) return [];
      if (/^\d{1,5}$/.test(trimmed)) {
        const found: Town[] = [];
        for (const town of sorted) {
          if (town.postcodes.some((p) => p.startsWith(trimmed))) found.push(town);
          if (found.length >= limit) break;
        }
        return found;
      }
      const key = normaliseTownQuery(trimmed);
      if (key === '') return [];
      const starts: Town[] = [];
      const words: Town[] = [];
      for (const [i, town] of sorted.entries()) {
        const name = keys[i]!;
        if (name.startsWith(key)) starts.push(town);
        else if (words.length < limit && name.includes(` ${key}`)) words.push(town);
        if (starts.length >= limit) break;
      }
      return [...starts, ...words].slice(0, limit);
    },
    byPostcode(postcode) {
      return byPostcode.get(postcode.trim());
    },
    nearest(point, maxKm = 25) {
      const kmPerDegreeLat = 111.2;
      const kmPerDegreeLon = kmPerDegreeLat * Math.cos((point.lat * Math.PI) / 180);
      let best: Town | undefined;
      let bestKm = maxKm;
      for (const town of sorted) {
        const dy = (town.lat - point.lat) * kmPerDegreeLat;
        if (Math.abs(dy) > bestKm) continue;
        const km = Math.hypot(dy, (town.lon - point.lon) * kmPerDegreeLon);
        if (km <= bestKm) [best, bestKm] = [town, km];
      }
      return best;
    },
  };
}

let loading: Promise<TownIndex> | undefined;

/** The bundled towns, indexed; the data chunk is fetched once, on first call. */
export function loadTownIndex(): Promise<TownIndex> {
  loading ??= import('./data/towns.json').then(
    (module) => createTownIndex(parseTownRows(module.default)),
    (error: unknown) => {
      loading = undefined; // let a later call try again
      throw error;
    },
  );
  return loading;
}

/** Every bundled town, most populous first (cached). */
export async function loadTowns(): Promise<readonly Town[]> {
  return (await loadTownIndex()).towns;
}

/** Towns by name prefix (accent- and case-insensitive) or postcode prefix, most populous first. */
export async function searchTowns(query: string, limit = 10): Promise<Town[]> {
  return (await loadTownIndex()).search(query, limit);
}

/** The most populous town of a postcode, to place a customer or a start point without coordinates. */
export async function townByPostcode(
  postcode: string,
): Promise<{ name: string; lat: number; lon: number } | null> {
  const town = (await loadTownIndex()).byPostcode(postcode);
  return town ? { name: town.name, lat: town.lat, lon: town.lon } : null;
}

/**
 * Towns to label on the map: a city's districts (the Paris, Lyon and Marseille arrondissements
 * share their city's name) merged into one town at their population-weighted centre, so the
 * city is labelled once; most populous first.
 */
export function labelTowns(towns: readonly Town[], withinKm = 15): Town[] {
  const clusters = new Map<string, { lat: number; lon: number; population: number; first: Town }[]>();
  for (const town of [...towns].sort((a, b) => b.population - a.population)) {
    const list = clusters.get(town.name) ?? [];
    const kmPerDegreeLon = 111.2 * Math.cos((town.lat * Math.PI) / 180);
    const cluster = list.find(
      (c) =>
        Math.hypot((c.first.lat - town.lat) * 111.2, (c.first.lon - town.lon) * kmPerDegreeLon) <= withinKm,
    );
    if (cluster) {
      const [a, b] = [Math.max(1, cluster.population), Math.max(1, town.population)];
      cluster.lat = (cluster.lat * a + town.lat * b) / (a + b);
      cluster.lon = (cluster.lon * a + town.lon * b) / (a + b);
      cluster.population += town.population;
    } else {
      list.push({ lat: town.lat, lon: town.lon, population: town.population, first: town });
      clusters.set(town.name, list);
    }
  }
  return [...clusters.values()]
    .flat()
    .map((c) => ({ name: c.first.name, lat: c.lat, lon: c.lon, population: c.population, postcodes: [] }))
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
}
