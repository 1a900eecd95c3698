import { getTableName } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { entityNames } from '../../../shared/sync/entities.js';
import { serverEntities } from './entities.js';

describe('server entity registry', () => {
  it('gives every shared entity a table, a scope and a wire mapper', () => {
    expect(Object.keys(serverEntities).sort()).toEqual([...entityNames].sort());
    for (const entity of entityNames) {
      const { table, scope, select } = serverEntities[entity];
      expect(getTableName(table), entity).not.toBe('');
      expect(typeof scope, entity).toBe('function');
      expect(typeof select, entity).toBe('function');
    }
    expect(new Set(entityNames.map((e) => getTableName(serverEntities[e].table))).size).toBe(
      entityNames.length,
    );
  });
});
