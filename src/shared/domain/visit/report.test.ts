import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook/defaultPlaybook.js';
import { newVisitDraft, type VisitDraft } from './draft.js';
import { draftVisitReport, noSaleReasons, visitReportSchema, type VisitReport } from './report.js';

const orderId = '019ab000-0000-7000-8000-0000000000a1';

const draft: VisitDraft = {
  ...newVisitDraft({
    id: '019ab000-0000-7000-8000-000000000001',
    customerId: '019ab000-0000-7000-8000-000000000002',
    appointmentId: null,
    returnTo: '#/brief/019ab000-0000-7000-8000-000000000002',
    playbookVersion: 1,
    now: '2026-11-24T09:00:00.000Z',
  }),
  needs: '- Softs en verre pour la terrasse.\n\n',
  discoveryAnswers: {
    'supply-satisfaction': '  Livraisons   en retard le samedi ',
    'activity-trend': 'Bonne saison, terrasse pleine',
    'supply-storage': '   ',
  },
  notes: {
    discovery: 'Ouvre une deuxième salle en mars',
    opening: 'Gérant pressé',
    price: ' Veut 8 % à 200 unités ',
  },
  reformulation: { text: 'Vous voulez des softs en verre.', edited: true, confirmed: true },
  motives: ['security', 'comfort'],
  argumentsPresented: ['bsa-terrace', 'unknown-argument', 'bsa-new'],
  objections: [
    {
      id: '019ab000-0000-7000-8000-000000000003',
      objectionId: 'price-metro',
      text: 'C’est moins cher chez Metro',
      lifted: true,
    },
    {
      id: '019ab000-0000-7000-8000-000000000004',
      objectionId: null,
      text: 'Pas de place en réserve',
      lifted: false,
    },
  ],
};

const expectedParts = {
  orderIds: [],
  needs: [
    'Softs en verre pour la terrasse',
    'Bonne saison, terrasse pleine',
    'Livraisons en retard le samedi',
    'Ouvre une deuxième salle en mars',
  ],
  motives: ['security', 'comfort'],
  objections: [
    { text: 'C’est moins cher chez Metro', lifted: true },
    { text: 'Pas de place en réserve', lifted: false },
  ],
  offered: [
    'Boissons sans alcool : Gamme de softs et eaux en verre consigné, formats 25 et 33 cl',
    'Boissons sans alcool : Nouveautés : kombucha, limonades artisanales, sirops sans sucre ajouté',
  ],
  nextStep: '',
};

describe('visit report', () => {
  it('drafts the report from the visit, in French', () => {
    expect(draftVisitReport(draft, defaultPlaybook, 'fr')).toEqual({
      outcome: undefined,
      ...expectedParts,
      summary:
        'Besoins : Softs en verre pour la terrasse ; Bonne saison, terrasse pleine ; Livraisons en retard le samedi ; Ouvre une deuxième salle en mars. ' +
        'Motivations : Sécurité, Confort. ' +
        'Objections : « C’est moins cher chez Metro » (levée), « Pas de place en réserve » (non levée). ' +
        'Proposé : Boissons sans alcool : Gamme de softs et eaux en verre consigné, formats 25 et 33 cl ; Boissons sans alcool : Nouveautés : kombucha, limonades artisanales, sirops sans sucre ajouté.',
      // Nothing typed is dropped: step notes (discovery's are in the needs) and the rep's own
      // reformulation, in step order.
      notes:
        'Prise de contact : Gérant pressé\n\nReformulation : Vous voulez des softs en verre.\n\nAnnonce du prix : Veut 8 % à 200 unités',
    });
  });

  it('drafts the report in English, with the order outcome guessed from the orders taken', () => {
    const report = draftVisitReport({ ...draft, orderIds: [orderId] }, defaultPlaybook, 'en');
    expect(report).toEqual({
      outcome: 'order',
      ...expectedParts,
      orderIds: [orderId],
      summary:
        'Needs: Softs en verre pour la terrasse; Bonne saison, terrasse pleine; Livraisons en retard le samedi; Ouvre une deuxième salle en mars. ' +
        'Motives: Security, Comfort. ' +
        'Objections: “C’est moins cher chez Metro” (lifted), “Pas de place en réserve” (not lifted). ' +
        'Offered: Boissons sans alcool : Gamme de softs et eaux en verre consigné, formats 25 et 33 cl; Boissons sans alcool : Nouveautés : kombucha, limonades artisanales, sirops sans sucre ajouté. ' +
        'Order taken.',
      notes:
        'Opening: Gérant pressé\n\nReformulation: Vous voulez des softs en verre.\n\nPrice: Veut 8 % à 200 unités',
    });
    expect(visitReportSchema.safeParse(report).success).toBe(true);
  });

  it('states the orders and the complaints logged as the screen words them', () => {
    const empty = {
      ...draft,
      needs: '',
      discoveryAnswers: {},
      notes: {},
      motives: [],
      argumentsPresented: [],
      objections: [],
    };
    const facts = {
      orders: ['Commande prise : 120,00 € HT, 1 ligne.'],
      complaints: ['Réclamation enregistrée : Livraison.'],
    };
    expect(draftVisitReport({ ...empty, orderIds: [orderId] }, defaultPlaybook, 'fr', facts).summary).toBe(
      'Commande prise : 120,00 € HT, 1 ligne. Réclamation enregistrée : Livraison.',
    );
    // A complaint without an order: no order sentence.
    expect(draftVisitReport(empty, defaultPlaybook, 'fr', facts).summary).toBe(
      'Réclamation enregistrée : Livraison.',
    );
  });

  it('is deterministic and says so when nothing was noted', () => {
    const empty = {
      ...draft,
      needs: '',
      discoveryAnswers: {},
      notes: {},
      motives: [],
      argumentsPresented: [],
      objections: [],
    };
    expect(draftVisitReport(empty, defaultPlaybook, 'fr').summary).toBe('Rien de noté.');
    expect(draftVisitReport(empty, defaultPlaybook, 'en').summary).toBe('Nothing noted.');
    expect(draftVisitReport(draft, defaultPlaybook, 'fr')).toEqual(
      draftVisitReport(draft, defaultPlaybook, 'fr'),
    );
  });

  const valid: VisitReport = {
    ...expectedParts,
    motives: ['security'],
    outcome: 'not-met',
    summary: 'Client absent.',
    notes: '',
  };

  function issues(report: unknown): { path: string; message: string }[] {
    const result = visitReportSchema.safeParse(report);
    return result.success
      ? []
      : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }

  it('accepts each outcome with what it needs', () => {
    expect(noSaleReasons).toContain('decision-maker-absent');
    expect(issues(valid)).toEqual([]);
    expect(issues({ ...valid, outcome: 'no-sale', noSaleReason: 'price' })).toEqual([]);
    expect(
      issues({
        ...valid,
        outcome: 'follow-up',
        followUp: { startAt: '2026-12-01T10:00:00.000Z', objective: 'Présenter la gamme bière' },
      }),
    ).toEqual([]);
    expect(issues({ ...valid, outcome: 'order', orderIds: [orderId] })).toEqual([]);
  });

  it('accepts a follow-up planned with an order, not with a visit without a sale', () => {
    const followUp = { startAt: '2026-12-01T10:00:00.000Z', objective: 'Livrer la terrasse' };
    expect(issues({ ...valid, outcome: 'order', orderIds: [orderId], followUp })).toEqual([]);
    expect(issues({ ...valid, outcome: 'no-sale', noSaleReason: 'price', followUp })[0]?.path).toBe(
      'followUp',
    );
  });

  it('refuses a no-sale without a reason, naming the field', () => {
    expect(issues({ ...valid, outcome: 'no-sale' })).toEqual([
      { path: 'noSaleReason', message: 'noSaleReason: a reason is required when there was no sale' },
    ]);
    expect(issues({ ...valid, outcome: 'no-sale', noSaleReason: 'weather' })[0]?.path).toBe('noSaleReason');
  });

  it('refuses a follow-up without a date, naming the field', () => {
    expect(issues({ ...valid, outcome: 'follow-up' })).toEqual([
      { path: 'followUp', message: 'followUp: a date is required for a follow-up appointment' },
    ]);
    expect(
      issues({ ...valid, outcome: 'follow-up', followUp: { startAt: 'demain', objective: '' } })[0]?.path,
    ).toBe('followUp.startAt');
  });

  it('refuses an order without orders, naming the field', () => {
    expect(issues({ ...valid, outcome: 'order' })).toEqual([
      { path: 'orderIds', message: 'orderIds: at least one order is required when the outcome is an order' },
    ]);
  });

  it('refuses a summary over 10,000 characters', () => {
    expect(issues({ ...valid, summary: 'x'.repeat(10_001) })[0]?.path).toBe('summary');
  });
});
