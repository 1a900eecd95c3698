import { describe, expect, it } from 'vitest';
import { applyMapping, checkMapping, normaliseHeader, overrideColumn, suggestMapping } from './headers.js';

describe('headers', () => {
  it('normalises case, accents, spaces and punctuation', () => {
    expect(normaliseHeader(' N° Commande ')).toBe('ncommande');
    expect(normaliseHeader('E-MAIL')).toBe('email');
    expect(normaliseHeader('Téléphone')).toBe('telephone');
  });

  it('maps French and English customer headers to the same fields', () => {
    const fr = suggestMapping('customers', [
      'Raison sociale',
      'SIRET',
      'Code postal',
      'VILLE',
      'Tél.',
      'Courriel',
      'Réf.',
      'Commercial',
      'Date premier contact',
    ]);
    const en = suggestMapping('customers', [
      'Company',
      'siret',
      'Zip',
      'City',
      'Phone',
      'E-mail',
      'External ref',
      'Rep',
      'First contact',
    ]);
    expect(fr.columns.map((c) => c.field)).toEqual(en.columns.map((c) => c.field));
    expect(fr.columns.map((c) => c.field)).toEqual([
      'name',
      'siret',
      'postcode',
      'city',
      'phone',
      'email',
      'externalRef',
      'repEmail',
      'firstContactDate',
    ]);
    expect(fr.columns.every((c) => c.confidence === 1)).toBe(true);
  });

  it('gives a lower confidence to a header that only contains a known name, and ignores unknown ones', () => {
    const m = suggestMapping('orders', [
      'Numéro de commande',
      'Code client',
      'Date',
      'Référence produit',
      'Quantité livrée',
      'Prix unitaire HT (€)',
      'Commentaire',
    ]);
    expect(m.columns.map((c) => [c.field, c.confidence])).toEqual([
      ['number', 1],
      ['customerRef', 1],
      ['date', 1],
      ['productReference', 1],
      ['quantity', 0.6],
      ['unitPriceCents', 1],
      [null, 0],
    ]);
    const check = checkMapping(m);
    expect(check.errors).toEqual([]);
    expect(check.warnings).toEqual([
      {
        code: 'unknown-column',
        line: 1,
        column: 'Commentaire',
        reason: 'column "Commentaire" is not recognised and is ignored',
      },
    ]);
  });

  it('maps a field once: the exact match wins over a containing header', () => {
    const m = suggestMapping('contacts', ['Client', 'Nom', 'Téléphone portable', 'Téléphone']);
    expect(m.columns.map((c) => c.field)).toEqual(['customerRef', 'lastName', 'mobile', 'phone']);
  });

  it('names a missing required column', () => {
    const check = checkMapping(suggestMapping('products', ['Référence', 'Désignation', 'Famille', 'Unité']));
    expect(check.errors).toHaveLength(1);
    expect(check.errors[0]).toMatchObject({ code: 'missing-column', field: 'vatRate', line: 1 });
    expect(check.errors[0]!.reason).toContain('"TVA"');
  });

  it('lets the admin override a column and applies the mapping', () => {
    let m = suggestMapping('products', ['Ref', 'Libellé', 'Gamme', 'Colisage', 'Taux']);
    expect(m.columns[3]!.field).toBeNull();
    m = overrideColumn(m, 3, 'unit');
    m = overrideColumn(m, 4, 'vatRate');
    expect(checkMapping(m).errors).toEqual([]);
    expect(applyMapping(m, [' B-001 ', 'Bière', 'Bières', 'fût 30 L', '20'])).toEqual({
      reference: 'B-001',
      name: 'Bière',
      family: 'Bières',
      unit: 'fût 30 L',
      vatRate: '20',
    });
  });
});
