import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { entities, entityNames } from '../../shared/sync/entities.js';
import { en } from '../i18n/en.js';
import type { MessageKey } from '../i18n/fr.js';
import { fr } from '../i18n/fr.js';
import { AppDB, localStores } from './AppDB.js';
import { rendererEntities } from './entities.js';

describe('renderer entity registry', () => {
  it('gives every shared entity a Dexie store that AppDB declares, none local', async () => {
    const db = new AppDB('entity-registry');
    await db.open();
    const declared = db.tables.map((t) => t.name);
    const tables = db.serverTables();
    for (const entity of entityNames) {
      const { store } = rendererEntities[entity];
      expect(declared, entity).toContain(store);
      expect(tables[entity].name, entity).toBe(store);
      expect(Object.keys(localStores), entity).not.toContain(store);
    }
    expect(Object.keys(tables)).toEqual(entityNames);
    expect(new Set(entityNames.map((e) => rendererEntities[e].store)).size).toBe(entityNames.length);
    db.close();
    await db.delete();
  });

  it("names every entity in both languages (the shared registry's nameKey)", () => {
    const keys: readonly MessageKey[] = entityNames.map((entity) => entities[entity].nameKey);
    for (const key of keys) {
      expect(fr, key).toHaveProperty([key]);
      expect(en, key).toHaveProperty([key]);
    }
  });
});
