import { describe, expect, it } from 'vitest';
import { entities, entityNames, entityPolicies, entitySchemas, isEntityName } from './entities.js';
import { patchOpSchema } from './protocol.js';

describe('shared entity registry', () => {
  it('lists the entities in pull order: customers, catalogue, then what hangs off a customer', () => {
    expect(entityNames).toEqual([
      'customer',
      'product',
      'priceList',
      'price',
      'playbook',
      'contact',
      'consent',
      'note',
      'order',
      'appointment',
      'action',
      'visit',
      'complaint',
      'complaintEvent',
      'complaintAttachment',
      'campaignTask',
      'conflict',
      'outcome',
    ]);
  });

  it('derives the schemas and keeps one policy and one name key per entity', () => {
    for (const entity of entityNames) {
      expect(entitySchemas[entity]).toBe(entities[entity].schema);
      expect(entityPolicies).toContain(entities[entity].policy);
      expect(entities[entity].nameKey).toBe(`entity.${entity}`);
      expect(isEntityName(entity)).toBe(true);
    }
    expect(isEntityName('toString')).toBe(false);
  });

  it('has a put for every entity and a del for any', () => {
    for (const entity of entityNames) {
      const put = patchOpSchema.safeParse({ op: 'put', entity, value: {} });
      // An empty value fails on the entity's own fields, not on an unknown entity.
      expect(put.success).toBe(false);
      expect(put.error?.issues.every((issue) => issue.path[0] === 'value')).toBe(true);
      expect(
        patchOpSchema.safeParse({ op: 'del', entity, id: '01900000-0000-7000-8000-000000000001' }).success,
      ).toBe(true);
    }
    expect(patchOpSchema.safeParse({ op: 'put', entity: 'nope', value: {} }).success).toBe(false);
  });
});
