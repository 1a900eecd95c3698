import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from './defaultPlaybook.js';
import { argumentsFor, playbookSchema, searchObjections } from './playbook.js';
import { draftReformulation } from './reformulation.js';

/** The demo catalogue's families and the objections its visits record (src/server/seed). */
const demoFamilies = [
  'Boissons sans alcool',
  'Bières',
  'Vins',
  'Spiritueux',
  'Café & thé',
  'Épicerie',
  'Produits laitiers',
  'Surgelés',
  'Hygiène & entretien',
  'Arts de la table',
];
const objectionLibrary = [
  'Vos créneaux de livraison sont trop tôt',
  'Vos prix sont plus élevés que chez Metro',
  'Je travaille déjà avec Promocash, ça me suffit',
  'Le minimum de commande est trop élevé',
  'Pas le temps, repassez après le service',
  'Je n’ai pas de place en réserve',
  'La dernière livraison est arrivée incomplète',
  'Transgourmet me fait une remise de fin d’année',
  'Je dois en parler à mon associé',
  'Le fût de 30 L est trop gros pour mon débit',
];

describe('default playbook', () => {
  it('is valid', () => {
    expect(playbookSchema.safeParse(defaultPlaybook).success).toBe(true);
  });

  it('argues for every product family of the demo catalogue', () => {
    const families = new Set(demoFamilies);
    for (const family of families)
      expect(argumentsFor(defaultPlaybook, family, []).length, family).toBeGreaterThan(0);
    for (const a of defaultPlaybook.arguments) expect(families.has(a.family), a.family).toBe(true);
  });

  it('answers every objection the demo visits record', () => {
    const texts = new Set(defaultPlaybook.objections.map((o) => o.text));
    for (const text of objectionLibrary) expect(texts.has(text), text).toBe(true);
  });

  it('refuses duplicate ids', () => {
    const copy = {
      ...defaultPlaybook,
      closings: [...defaultPlaybook.closings, defaultPlaybook.closings[0]!],
    };
    expect(playbookSchema.safeParse(copy).success).toBe(false);
  });
});

describe('argumentsFor', () => {
  it('keeps the arguments serving the motives found, the best match first', () => {
    const ids = argumentsFor(defaultPlaybook, 'Bières', ['novelty']).map((a) => a.id);
    expect(ids).toEqual(['bie-craft']);
    const both = argumentsFor(defaultPlaybook, 'Bières', ['pride', 'novelty', 'money']).map((a) => a.id);
    expect(both).toEqual(['bie-craft', 'bie-draught']);
  });

  it('gives the whole family with no motive, nothing for an unknown family', () => {
    expect(argumentsFor(defaultPlaybook, 'Bières', []).map((a) => a.id)).toEqual([
      'bie-draught',
      'bie-craft',
    ]);
    expect(argumentsFor(defaultPlaybook, 'Pneus', ['money'])).toEqual([]);
  });
});

describe('searchObjections', () => {
  it('ignores case and accents', () => {
    expect(searchObjections(defaultPlaybook, 'ASSOCIE').map((o) => o.id)).toEqual(['decision-partner']);
    expect(searchObjections(defaultPlaybook, '  ')).toHaveLength(defaultPlaybook.objections.length);
  });
});

describe('draftReformulation', () => {
  it('restates the needs noted and the motives ticked, and asks for confirmation', () => {
    const text = draftReformulation(
      { needs: '- Gamme terrasse pour l’été.\n\nLivraison avant 9 h', motives: ['money', 'comfort'] },
      'fr',
    );
    expect(text).toBe(
      [
        'Si j’ai bien compris, vous recherchez :',
        '– Gamme terrasse pour l’été',
        '– Livraison avant 9 h',
        'Ce qui compte pour vous, c’est maîtriser vos coûts et votre marge et vous simplifier le travail au quotidien.',
        'Est-ce bien cela ?',
      ].join('\n'),
    );
  });

  it('handles one need, none, and English', () => {
    expect(draftReformulation({ needs: 'Café en grains', motives: [] }, 'fr')).toBe(
      'Si j’ai bien compris, vous recherchez : café en grains.\nEst-ce bien cela ?',
    );
    expect(draftReformulation({ needs: '', motives: ['security'] }, 'en')).toBe(
      'If I understood correctly, you would like to review your current needs.\nWhat matters to you is reliable, regular service.\nIs that right?',
    );
  });
});
