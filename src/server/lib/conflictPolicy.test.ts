import { describe, expect, it } from 'vitest';
import { customerEditableDefaults } from '../../shared/domain/customer/customer.js';
import {
  authorKey,
  authorUserId,
  decideFieldWrite,
  displayValue,
  entityPolicies,
  laptopMayEdit,
  planAppointmentUpdate,
  planCustomerUpdate,
  stableJson,
} from './conflictPolicy.js';
import type { AppointmentState, CustomerState } from './conflictPolicy.js';

const rep = '00000000-0000-7000-8000-000000000001';
const manager = '00000000-0000-7000-8000-000000000002';

const state: CustomerState = {
  values: {
    ...customerEditableDefaults,
    name: 'Café du Port',
    address: '1 quai',
    postcode: '69001',
    city: 'Lyon',
    phone: '',
    email: '',
    status: 'prospect',
  },
  version: 3,
  fieldVersions: { phone: 3, name: 1 },
  fieldAuthors: { phone: manager, name: rep },
};

describe('entity policies', () => {
  it('lets laptops edit customers and contacts only', () => {
    expect(entityPolicies.customer).toBe('field-last-writer-wins');
    expect(laptopMayEdit('customer')).toBe(true);
    expect(laptopMayEdit('contact')).toBe(true);
    expect(laptopMayEdit('order')).toBe(false);
    expect(laptopMayEdit('price')).toBe(false);
    expect(laptopMayEdit('note')).toBe(false);
    expect(laptopMayEdit('conflict')).toBe(false);
    expect(laptopMayEdit('outcome')).toBe(false);
  });
  it('merges appointments field by field too', () => {
    expect(entityPolicies.appointment).toBe('field-last-writer-wins');
    expect(laptopMayEdit('appointment')).toBe(true);
  });
});

describe('decideFieldWrite', () => {
  const base = { currentValue: 'a', newValue: 'b', fieldVersion: 3, currentAuthorId: manager, writerId: rep };
  it('ignores identical values', () => {
    expect(decideFieldWrite({ ...base, newValue: 'a', baseVersion: 1 })).toBe('unchanged');
  });
  it('applies when the writer saw the current value', () => {
    expect(decideFieldWrite({ ...base, baseVersion: 3 })).toBe('apply');
  });
  it('logs a conflict on a stale base version', () => {
    expect(decideFieldWrite({ ...base, baseVersion: 2 })).toBe('apply-and-log-conflict');
  });
  it('head-office edits without a base version just apply', () => {
    expect(decideFieldWrite({ ...base, baseVersion: undefined })).toBe('apply');
  });
  it('overwriting your own value is not a conflict', () => {
    expect(decideFieldWrite({ ...base, currentAuthorId: rep, baseVersion: 0 })).toBe('apply');
  });
  it('the same laptop editing twice before it pulls is not a conflict; the same rep on another laptop is', () => {
    const laptop = authorKey(rep, 'laptop-1');
    expect(decideFieldWrite({ ...base, currentAuthorId: laptop, writerId: laptop, baseVersion: 0 })).toBe(
      'apply',
    );
    expect(
      decideFieldWrite({
        ...base,
        currentAuthorId: laptop,
        writerId: authorKey(rep, 'laptop-2'),
        baseVersion: 0,
      }),
    ).toBe('apply-and-log-conflict');
  });
  it('names the user who lost, whichever laptop they wrote from', () => {
    const plan = planCustomerUpdate(
      {
        ...state,
        fieldVersions: { ...state.fieldVersions, phone: 3 },
        fieldAuthors: { phone: authorKey(rep, 'l1') },
      },
      { phone: '0478000001' },
      2,
      authorKey(rep, 'l2'),
    );
    expect(plan.changes).toMatchObject([{ field: 'phone', conflict: true, lostByUserId: rep }]);
    expect(authorUserId(manager)).toBe(manager);
  });
});

describe('planCustomerUpdate', () => {
  it('bumps the version once and records field versions and authors', () => {
    const plan = planCustomerUpdate(state, { city: 'Villeurbanne', postcode: '69100' }, 3, rep);
    expect(plan.newVersion).toBe(4);
    expect(plan.values.city).toBe('Villeurbanne');
    expect(plan.fieldVersions).toMatchObject({ city: 4, postcode: 4, phone: 3 });
    expect(plan.fieldAuthors).toMatchObject({ city: rep, postcode: rep });
    expect(plan.changes.every((c) => !c.conflict)).toBe(true);
  });
  it('keeps the new value and flags the overwritten one when stale', () => {
    const plan = planCustomerUpdate(state, { phone: '0478000000', name: 'Café du Port' }, 2, rep);
    expect(plan.changes).toEqual([
      { field: 'phone', lostValue: '', keptValue: '0478000000', conflict: true, lostByUserId: manager },
    ]);
    expect(plan.values.phone).toBe('0478000000');
  });
  it('changes nothing when every value is the same', () => {
    const plan = planCustomerUpdate(state, { city: 'Lyon' }, 0, rep);
    expect(plan.changes).toEqual([]);
    expect(plan.newVersion).toBe(3);
  });
});

describe('non-string fields', () => {
  it('encodes values stably', () => {
    expect(stableJson({ b: 1, a: [1, 'x', null] })).toBe('{"a":[1,"x",null],"b":1}');
    expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
    expect(displayValue('Lyon')).toBe('Lyon');
    expect(displayValue(null)).toBe('null');
    expect(displayValue([2, 4])).toBe('[2,4]');
    expect(displayValue(45.76)).toBe('45.76');
  });

  it('an equal array or number is unchanged, a different one applies', () => {
    const base = { fieldVersion: 3, currentAuthorId: manager, writerId: rep, baseVersion: 1 };
    expect(decideFieldWrite({ ...base, currentValue: [2, 4], newValue: [2, 4] })).toBe('unchanged');
    expect(decideFieldWrite({ ...base, currentValue: 45.76, newValue: 45.76 })).toBe('unchanged');
    expect(decideFieldWrite({ ...base, currentValue: null, newValue: null })).toBe('unchanged');
    expect(decideFieldWrite({ ...base, currentValue: [2, 4], newValue: [4, 2] })).toBe(
      'apply-and-log-conflict',
    );
    expect(decideFieldWrite({ ...base, currentValue: null, newValue: 4.83 })).toBe('apply-and-log-conflict');
  });

  it('plans array, number and date changes and logs JSON in conflicts', () => {
    const current: CustomerState = {
      ...state,
      values: { ...state.values, preferredVisitDays: [2], latitude: 45.76, competitors: ['Metro'] },
      fieldVersions: { preferredVisitDays: 3, latitude: 3 },
      fieldAuthors: { preferredVisitDays: manager, latitude: manager },
    };
    const plan = planCustomerUpdate(
      current,
      {
        preferredVisitDays: [2, 4],
        latitude: 45.76,
        competitors: ['Metro'],
        firstContactDate: '2025-03-01',
      },
      2,
      rep,
    );
    expect(plan.values.preferredVisitDays).toEqual([2, 4]);
    expect(plan.values.firstContactDate).toBe('2025-03-01');
    expect(plan.changes).toEqual([
      {
        field: 'firstContactDate',
        lostValue: 'null',
        keptValue: '2025-03-01',
        conflict: false,
        lostByUserId: null,
      },
      {
        field: 'preferredVisitDays',
        lostValue: '[2]',
        keptValue: '[2,4]',
        conflict: true,
        lostByUserId: manager,
      },
    ]);
    expect(plan.fieldVersions).toMatchObject({ preferredVisitDays: 4, firstContactDate: 4, latitude: 3 });
  });
});

describe('planAppointmentUpdate', () => {
  const appointment: AppointmentState = {
    values: {
      startAt: '2026-11-26T09:00:00.000Z',
      durationMinutes: 60,
      kind: 'visit',
      contactId: null,
      objective: 'Présenter la gamme hiver',
      notes: '',
      status: 'planned',
    },
    version: 1,
    fieldVersions: {},
    fieldAuthors: {},
  };

  it("a manager move then a rep move from the old base: the rep wins, the manager's start is logged", () => {
    const byManager = planAppointmentUpdate(appointment, { startAt: '2026-11-26T10:00:00.000Z' }, 1, manager);
    expect(byManager.changes).toMatchObject([{ field: 'startAt', conflict: false }]);
    const afterManager: AppointmentState = {
      values: byManager.values,
      version: byManager.newVersion,
      fieldVersions: byManager.fieldVersions,
      fieldAuthors: byManager.fieldAuthors,
    };
    const byRep = planAppointmentUpdate(afterManager, { startAt: '2026-11-26T14:00:00.000Z' }, 1, rep);
    expect(byRep.values.startAt).toBe('2026-11-26T14:00:00.000Z');
    expect(byRep.newVersion).toBe(3);
    expect(byRep.changes).toEqual([
      {
        field: 'startAt',
        lostValue: '2026-11-26T10:00:00.000Z',
        keptValue: '2026-11-26T14:00:00.000Z',
        conflict: true,
        lostByUserId: manager,
      },
    ]);
  });

  it('different fields from both sides merge without conflict', () => {
    const byManager = planAppointmentUpdate(appointment, { objective: 'Relancer' }, 1, manager);
    const byRep = planAppointmentUpdate(
      {
        values: byManager.values,
        version: byManager.newVersion,
        fieldVersions: byManager.fieldVersions,
        fieldAuthors: byManager.fieldAuthors,
      },
      { status: 'cancelled', durationMinutes: 90 },
      1,
      rep,
    );
    expect(byRep.values).toMatchObject({ objective: 'Relancer', status: 'cancelled', durationMinutes: 90 });
    expect(byRep.changes.every((c) => !c.conflict)).toBe(true);
  });
});
