import { describe, expect, it } from 'vitest';
import {
  createTownIndex,
  labelTowns,
  loadTowns,
  normaliseTownQuery,
  parseTownRows,
  searchTowns,
  townByPostcode,
  TownDataError,
} from './towns.js';
import type { Town } from './towns.js';

const town = (name: string, lat: number, lon: number, population: number, postcodes: string[]): Town => ({
  name,
  lat,
  lon,
  population,
  postcodes,
});

const sample = [
  town('Saint-Étienne', 45.4339, 4.39, 172_565, ['42000', '42100']),
  town('Grenoble', 45.1667, 5.7167, 158_552, ['38000', '38100']),
  town('Échirolles', 45.1436, 5.7202, 36_000, ['38130']),
  town('Saint-Égrève', 45.2327, 5.6827, 16_000, ['38120']),
  town('Saint-Martin-d’Hères', 45.1672, 5.7653, 38_000, ['38400']),
  town('Vaulnaveys-le-Haut', 45.1, 5.82, 3_500, ['38410']),
  town('Vaulnaveys-le-Bas', 45.1, 5.81, 1_200, ['38410']),
  town('Épinal', 48.1724, 6.4495, 34_000, ['88000']),
];

describe('parseTownRows', () => {
  it('reads the bundled row format', () => {
    expect(
      parseTownRows([
        ['Lyon', 45.76, 4.83, 30_000, '69001'],
        ['Nowhere', 1, 2, 1000, ''],
      ]),
    ).toEqual([
      { name: 'Lyon', lat: 45.76, lon: 4.83, population: 30_000, postcodes: ['69001'] },
      { name: 'Nowhere', lat: 1, lon: 2, population: 1000, postcodes: [] },
    ]);
  });

  it('rejects anything else', () => {
    expect(() => parseTownRows({})).toThrow(TownDataError);
    expect(() => parseTownRows([['Lyon', '45.76', 4.83, 1, '69001']])).toThrow(TownDataError);
    expect(() => parseTownRows([['Lyon', 45.76]])).toThrow(TownDataError);
  });
});

describe('normaliseTownQuery', () => {
  it('ignores case, accents and punctuation, and spells out St / Ste', () => {
    expect(normaliseTownQuery('  SAINT-Étienne ')).toBe('saint etienne');
    expect(normaliseTownQuery('St Égrève')).toBe('saint egreve');
    expect(normaliseTownQuery('Ste-Foy')).toBe('sainte foy');
    // A word still being typed is left alone: "st" may be the start of "Strasbourg".
    expect(normaliseTownQuery('st')).toBe('st');
  });
});

describe('createTownIndex', () => {
  const index = createTownIndex(sample);

  it('finds towns by name prefix, accent- and case-insensitively, most populous first', () => {
    expect(index.search('saint').map((t) => t.name)).toEqual([
      'Saint-Étienne',
      'Saint-Martin-d’Hères',
      'Saint-Égrève',
    ]);
    expect(index.search('EPI').map((t) => t.name)).toEqual(['Épinal']);
    expect(index.search('echi').map((t) => t.name)).toEqual(['Échirolles']);
    expect(index.search('st egr').map((t) => t.name)).toEqual(['Saint-Égrève']);
    expect(index.search('saint etienne').map((t) => t.name)).toEqual(['Saint-Étienne']);
  });

  it('then finds towns with a later word starting with the query', () => {
    expect(index.search('etienne').map((t) => t.name)).toEqual(['Saint-Étienne']);
    expect(index.search('le').map((t) => t.name)).toEqual(['Vaulnaveys-le-Haut', 'Vaulnaveys-le-Bas']);
  });

  it('finds towns by postcode prefix', () => {
    expect(index.search('38').map((t) => t.name)).toEqual([
      'Grenoble',
      'Saint-Martin-d’Hères',
      'Échirolles',
      'Saint-Égrève',
      'Vaulnaveys-le-Haut',
      'Vaulnaveys-le-Bas',
    ]);
    expect(index.search('3841').map((t) => t.name)).toEqual(['Vaulnaveys-le-Haut', 'Vaulnaveys-le-Bas']);
  });

  it('honours the limit and ignores blank queries', () => {
    expect(index.search('38', 2)).toHaveLength(2);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zzz')).toEqual([]);
  });

  it('gives the most populous town of a postcode', () => {
    expect(index.byPostcode('38410')?.name).toBe('Vaulnaveys-le-Haut');
    expect(index.byPostcode('38100')?.name).toBe('Grenoble');
    expect(index.byPostcode('99999')).toBeUndefined();
  });

  it('gives the nearest town within a distance', () => {
    expect(index.nearest({ lat: 45.17, lon: 5.72 })?.name).toBe('Grenoble');
    expect(index.nearest({ lat: 45.145, lon: 5.72 })?.name).toBe('Échirolles');
    expect(index.nearest({ lat: 43.3, lon: 5.4 })).toBeUndefined();
  });
});

describe('labelTowns', () => {
  it('merges a city’s districts into one town at their weighted centre', () => {
    const merged = labelTowns([
      town('Lyon', 45.76, 4.83, 30_000, ['69001']),
      town('Lyon', 45.74, 4.87, 90_000, ['69008']),
      town('Villeurbanne', 45.77, 4.88, 150_000, ['69100']),
      town('Lyon', 47.0, 1.0, 1_000, []), // a namesake far away stays apart
    ]);
    expect(merged.map((t) => [t.name, t.population])).toEqual([
      ['Villeurbanne', 150_000],
      ['Lyon', 120_000],
      ['Lyon', 1_000],
    ]);
    expect(merged[1]!.lat).toBeCloseTo(45.745, 3);
    expect(merged[1]!.lon).toBeCloseTo(4.86, 3);
  });
});

describe('the bundled towns', () => {
  it('loads once, most populous first, with postcodes', async () => {
    const towns = await loadTowns();
    expect(towns.length).toBeGreaterThan(7000);
    expect(await loadTowns()).toBe(towns);
    expect(towns[0]!.population).toBeGreaterThanOrEqual(towns[1]!.population);
    for (const t of towns.slice(0, 50)) {
      expect(t.lat).toBeGreaterThan(41);
      expect(t.lat).toBeLessThan(51.2);
      expect(t.postcodes.length).toBeGreaterThan(0);
    }
  });

  it('answers the route screen’s questions', async () => {
    expect(await townByPostcode('38000')).toMatchObject({ name: 'Grenoble' });
    const lyon = await townByPostcode('69003');
    expect(lyon?.name).toBe('Lyon');
    expect(lyon?.lat).toBeCloseTo(45.76, 1);
    expect(await townByPostcode('00000')).toBeNull();
    expect((await searchTowns('saint-etie', 3))[0]?.name).toBe('Saint-Étienne');
    expect((await searchTowns('3800', 3))[0]?.name).toBe('Grenoble');
    expect((await searchTowns('epinal', 1))[0]?.name).toBe('Épinal');
  });
});
