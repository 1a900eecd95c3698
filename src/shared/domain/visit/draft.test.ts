import { describe, expect, it } from 'vitest';
import {
  adjacentStep,
  goToStep,
  newVisitDraft,
  skipStep,
  stepRecorded,
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

  it('moves freely; a step passed through without recording anything reads skipped', () => {
    expect(adjacentStep('opening', -1)).toBeNull();
    expect(adjacentStep('opening', 1)).toBe('discovery');
    const a = goToStep(draft, 'objections');
    // Jumped over: nothing recorded at the opening nor the steps in between.
    expect(stepState(a, 'opening')).toBe('skipped');
    expect(stepState(a, 'discovery')).toBe('skipped');
    expect(stepState(a, 'objections')).toBe('current');
    expect(stepState(a, 'price')).toBe('todo');
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

  it('reads a step done only once something was recorded in it', () => {
    const passed = goToStep(goToStep(draft, 'closing'), 'opening');
    expect(visitSteps.map((s) => stepState(passed, s))).toEqual([
      'current',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
    const recorded = {
      ...passed,
      notes: { opening: 'Accueil par le gérant' },
      discoveryAnswers: { q1: '  ' },
      motives: ['money' as const],
      reformulation: { text: '', edited: false, confirmed: true },
      argumentsPresented: ['arg-1'],
      objections: [{ id: draft.id, objectionId: null, text: 'Trop cher', lifted: false }],
      price: { announced: true },
      orderIds: [draft.customerId],
      currentStep: 'discovery' as const,
    };
    expect(visitSteps.map((s) => stepState(recorded, s))).toEqual([
      'done',
      'current',
      'done',
      'done',
      'done',
      'done',
      'done',
    ]);
    // Once the report is open, nothing is current: an empty step reads skipped.
    expect(stepState({ ...passed, reporting: true }, 'opening')).toBe('skipped');
    expect(stepState({ ...recorded, reporting: true }, 'discovery')).toBe('done');
    expect(stepRecorded({ ...draft, discoveryAnswers: { q1: '  ' } }, 'discovery')).toBe(false);
  });
});
