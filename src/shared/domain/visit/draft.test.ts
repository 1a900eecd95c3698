import { describe, expect, it } from 'vitest';
import {
  adjacentStep,
  goToStep,
  newVisitDraft,
  skipStep,
  stepState,
  visitDraftSchema,
  visitSteps,
} from './draft.js';

const draft = newVisitDraft({
  id: '019ab000-0000-7000-8000-000000000001',
  customerId: '019ab000-0000-7000-8000-000000000002',
  appointmentId: null,
  returnTo: '#/customers/019ab000-0000-7000-8000-000000000002',
  playbookVersion: 1,
  now: '2026-11-24T09:00:00.000Z',
});

describe('visit draft', () => {
  it('has the seven steps in order and a valid fresh draft', () => {
    expect(visitSteps).toEqual([
      'opening',
      'discovery',
      'reformulation',
      'argumentation',
      'objections',
      'price',
      'closing',
    ]);
    expect(visitDraftSchema.parse(draft)).toEqual(draft);
  });

  it('refuses a bad step, a missing customer and an outside return address', () => {
    expect(visitDraftSchema.safeParse({ ...draft, currentStep: 'nap' }).success).toBe(false);
    expect(visitDraftSchema.safeParse({ ...draft, customerId: 'x' }).success).toBe(false);
    expect(visitDraftSchema.safeParse({ ...draft, returnTo: 'https://evil.example' }).success).toBe(false);
  });

  it('moves freely, marks visited steps done and skipped ones skipped', () => {
    expect(adjacentStep('opening', -1)).toBeNull();
    expect(adjacentStep('opening', 1)).toBe('discovery');
    const a = goToStep(draft, 'objections');
    expect(stepState(a, 'opening')).toBe('done');
    expect(stepState(a, 'objections')).toBe('current');
    expect(stepState(a, 'discovery')).toBe('todo');
    const b = skipStep(a);
    expect(b.currentStep).toBe('price');
    expect(stepState(b, 'objections')).toBe('skipped');
    const c = goToStep(b, 'objections');
    expect(stepState(c, 'objections')).toBe('current');
    expect(c.skippedSteps).toEqual([]);
    const last = skipStep(goToStep(draft, 'closing'));
    expect(last.currentStep).toBe('closing');
    expect(last.skippedSteps).toEqual(['closing']);
  });
});
