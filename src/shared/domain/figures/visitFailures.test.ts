import { describe, expect, it } from 'vitest';
import { objectionKey, visitFailures, visitFailuresBy, type FailureVisit } from './visitFailures.js';

const visit = (extra: Partial<FailureVisit>): FailureVisit => ({
  repId: 'camille',
  outcome: 'no-sale',
  noSaleReason: 'price',
  reachedStep: 'price',
  closingId: null,
  closingName: null,
  families: ['Bières'],
  objections: [],
  ...extra,
});

describe('where visits fail', () => {
  it('counts outcomes, no-sale reasons and the step where visits without an order stopped', () => {
    const f = visitFailures([
      visit({}),
      visit({ noSaleReason: 'competitor', reachedStep: 'objections' }),
      visit({ outcome: 'follow-up', noSaleReason: null, reachedStep: 'closing' }),
      visit({ outcome: 'order', noSaleReason: null, reachedStep: 'closing' }),
      visit({ outcome: 'not-met', noSaleReason: null, reachedStep: null }),
      visit({ noSaleReason: null, reachedStep: null }),
    ]);
    expect(f.visits).toBe(6);
    expect(f.outcomes).toEqual({ order: 1, 'follow-up': 1, 'no-sale': 3, 'not-met': 1 });
    expect(f.noSaleReasons).toMatchObject({ price: 1, competitor: 1, unknown: 1, timing: 0 });
    // The order and the customer not met did not stop anywhere.
    expect(f.stoppedAt).toMatchObject({ price: 1, objections: 1, closing: 1, unknown: 1, opening: 0 });
  });

  it('groups an objection however it was typed, and says how often it was lifted', () => {
    const f = visitFailures([
      visit({ objections: [{ text: 'Trop cher.', lifted: false }] }),
      visit({
        objections: [
          { text: 'trop  cher', lifted: true },
          { text: 'Pas le moment', lifted: true },
        ],
      }),
      visit({ objections: [{ text: 'TROP CHER !', lifted: true }] }),
    ]);
    expect(f.objections).toEqual([
      { text: 'Trop cher.', heard: 3, lifted: 2 },
      { text: 'Pas le moment', heard: 1, lifted: 1 },
    ]);
    expect(objectionKey('Élevé…')).toBe(objectionKey('eleve'));
  });

  it('gives each closing technique and how often it led to an order', () => {
    const f = visitFailures([
      visit({ outcome: 'order', closingId: 'direct', closingName: 'Conclusion directe' }),
      visit({ outcome: 'follow-up', closingId: 'direct', closingName: 'Conclusion directe' }),
      visit({ outcome: 'order', closingId: 'trial', closingName: 'Essai' }),
    ]);
    expect(f.closings).toEqual([
      { id: 'direct', name: 'Conclusion directe', used: 2, withOrder: 1 },
      { id: 'trial', name: 'Essai', used: 1, withOrder: 1 },
    ]);
  });

  it('splits per rep and per family, a visit about two families counting in both', () => {
    const by = visitFailuresBy([
      visit({ families: ['Bières', 'Vins'] }),
      visit({ repId: 'thomas', families: ['Vins'] }),
    ]);
    expect(by.team.visits).toBe(2);
    expect(by.reps.get('camille')?.visits).toBe(1);
    expect(by.families.get('Vins')?.visits).toBe(2);
    expect(by.families.get('Bières')?.visits).toBe(1);
  });
});
