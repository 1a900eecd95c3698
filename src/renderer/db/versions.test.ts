import { describe, expect, it } from 'vitest';
import { derivedStores, localStores } from './AppDB.js';
import { serverStores } from './entities.js';
import { dexieVersions, latestVersion, storesAt } from './versions.js';

describe('database versions', () => {
  it('are numbered 1, 2, 3… with no gap', () => {
    expect(dexieVersions.map((v) => v.version)).toEqual(dexieVersions.map((_, i) => i + 1));
    expect(latestVersion).toBe(dexieVersions.length);
  });

  it('end at the stores the registries declare (a changed spec needs a new version)', () => {
    expect(storesAt(latestVersion)).toEqual({ ...serverStores(), ...localStores, ...derivedStores });
  });

  it('merge each version over the previous ones', () => {
    expect(storesAt(1)).toEqual(dexieVersions[0].stores);
    expect(storesAt(2)).toEqual(storesAt(1));
    expect(storesAt(4)).toEqual({ ...storesAt(3), dayPlans: 'day' });
  });
});
