import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  frenchTowns,
  normaliseTownName,
  townByPostcode,
  townsByPostcode,
  townsNear,
} from './geo.js';

describe('French towns (GeoNames × codes-postaux)', () => {
  // How fast it builds is measured by the benchmarks, never by a test.
  it('builds the joined table once and caches it', () => {
    const towns = frenchTowns();
    expect(towns.length).toBeGreaterThan(7_000);
    expect(frenchTowns()).toBe(towns);
  });

  it('knows real postcodes and coordinates', () => {
    const annecy = townByPostcode('74000');
    expect(annecy).toMatchObject({ name: 'Annecy', inseeCode: '74010', department: '74', region: '84' });
    expect(annecy?.latitude).toBeCloseTo(45.9, 1);
    expect(annecy?.longitude).toBeCloseTo(6.13, 1);
    expect(townByPostcode('69100')).toMatchObject({ name: 'Villeurbanne', inseeCode: '69266' });
    expect(townByPostcode('42000')).toMatchObject({ name: 'Saint-Étienne', department: '42' });
    expect(townByPostcode('38000')?.postcodes).toEqual(['38000', '38100', '38700']);
    expect(townByPostcode('06000')?.name).toBe('Nice');
  });

  it('splits Lyon, Paris and Marseille into arrondissements', () => {
    for (let n = 1; n <= 9; n += 1) {
      const town = townByPostcode(`6900${n}`);
      expect(town?.name).toBe('Lyon');
      expect(town?.inseeCode).toBe(`6938${n}`);
      expect(distanceKm(town?.latitude ?? 0, town?.longitude ?? 0, 45.76, 4.835)).toBeLessThan(6);
    }
    expect(townByPostcode('75116')).toMatchObject({ name: 'Paris', communeName: 'Paris 16e Arrondissement' });
    expect(townByPostcode('13001')).toMatchObject({ name: 'Marseille', inseeCode: '13201' });
    expect(townsByPostcode('99999')).toEqual([]);
  });

  it('finds towns near a point, nearest first', () => {
    const near = townsNear(45.764, 4.8357, 8);
    expect(near[0]?.name).toBe('Lyon');
    expect(near.map((t) => t.name)).toContain('Villeurbanne');
    expect(near.every((t, i) => i === 0 || t.distanceKm >= (near[i - 1]?.distanceKm ?? 0))).toBe(true);
    expect(near.every((t) => t.distanceKm <= 8)).toBe(true);
  });

  it('normalises names the way both sources write them', () => {
    expect(normaliseTownName('Saint-Étienne')).toBe('saint etienne');
    expect(normaliseTownName('Marseille 01')).toBe('marseille 1');
    expect(normaliseTownName('Marseille 1er Arrondissement')).toBe('marseille 1');
    expect(normaliseTownName('Lyon 9e Arrondissement')).toBe('lyon 9');
  });
});
