import { describe, expect, it } from 'vitest';
import type { SearchableContact, SearchableCustomer } from './index.js';
import {
  buildSearchIndex,
  normaliseText,
  phoneDigits,
  searchByWordPrefix,
  searchCustomers,
} from './index.js';

const customer = (id: string, name: string, extra: Partial<SearchableCustomer> = {}): SearchableCustomer => ({
  id,
  name,
  city: 'Lyon',
  postcode: '69001',
  siret: '',
  phone: '',
  ...extra,
});
const contact = (
  customerId: string,
  firstName: string,
  lastName: string,
  phone = '',
  mobile = '',
): SearchableContact => ({
  customerId,
  firstName,
  lastName,
  phone,
  mobile,
});

const index = buildSearchIndex(
  [
    customer('1', 'Brasserie Les Célestins', {
      city: 'Lyon',
      phone: '04 72 41 00 01',
      siret: '732 829 320 00074',
    }),
    customer('2', 'Café de l’Étoile', { city: 'Épinal', postcode: '88000' }),
    customer('3', 'Étoile', { city: 'Mâcon', postcode: '71000' }),
    customer('4', 'Hôtel du Parc', { city: 'Villeurbanne', postcode: '69100', phone: '+33 4 78 12 34 56' }),
    customer('5', 'Restaurant Célestine', { city: 'Annecy', postcode: '74000' }),
  ],
  [
    contact('2', 'Hélène', 'Lefèvre', '', '06 12 34 56 78'),
    contact('4', 'Jérôme', 'Dupont', '04 72 99 88 77'),
  ],
);
const ids = (q: string) => searchCustomers(index, q).map((r) => r.customerId);

describe('normalising', () => {
  it('drops accents, case and punctuation', () => {
    expect(normaliseText('  Café de l’Étoile — ŒUVRE ')).toBe('cafe de l etoile oeuvre');
    expect(phoneDigits('+33 4 72 41 00 01')).toBe('0472410001');
    expect(phoneDigits('04.72.41.00.01')).toBe('0472410001');
  });
});

describe('searchCustomers', () => {
  it('ranks exact, then prefix, then word prefix, then substring', () => {
    // "etoile": exact name of 3, word prefix in 2's name.
    const results = searchCustomers(index, 'Etoile');
    expect(results.map((r) => [r.customerId, r.rank])).toEqual([
      ['3', 'exact'],
      ['2', 'wordPrefix'],
    ]);
    // "celest": prefix of a word in 1 ("… les celestins") and in 5 ("… celestine"): names decide.
    expect(ids('celest')).toEqual(['1', '5']);
    // "lestin": substring only.
    expect(searchCustomers(index, 'lestin').map((r) => r.rank)).toEqual(['substring', 'substring']);
    // Prefix of the whole field beats prefix of a word.
    expect(ids('hotel')).toEqual(['4']);
    expect(searchCustomers(index, 'brass')[0]).toMatchObject({
      customerId: '1',
      rank: 'prefix',
      field: 'name',
    });
  });

  it('ignores accents and case in the query and in the data', () => {
    expect(ids('ÉPINAL')).toEqual(['2']);
    expect(ids('macon')).toEqual(['3']);
    expect(ids('helene lefevre')).toEqual(['2']);
    expect(ids('lefevre')).toEqual(['2']);
  });

  it('finds a customer by a contact name, either order, and says which field matched', () => {
    expect(searchCustomers(index, 'dupont jerome')[0]).toMatchObject({
      customerId: '4',
      field: 'contact',
      matched: 'Jérôme Dupont',
    });
    expect(ids('Jerome Dupont')).toEqual(['4']);
  });

  it('matches phones on digits only', () => {
    expect(ids('0472')).toEqual(['1', '4']); // 04 72 41… (customer) and 04 72 99… (contact of 4)
    expect(ids('06 12 34')).toEqual(['2']);
    expect(ids('04 78 12')).toEqual(['4']); // stored as +33 4 78 12 34 56
    expect(searchCustomers(index, '0478')[0]).toMatchObject({ field: 'phone', matched: '+33 4 78 12 34 56' });
  });

  it('finds SIRET and postcode', () => {
    expect(ids('73282932000074')).toEqual(['1']);
    expect(ids('732 829')).toEqual(['1']);
    expect(searchCustomers(index, '69100')[0]).toMatchObject({
      customerId: '4',
      field: 'postcode',
      rank: 'exact',
    });
  });

  it('several words may match different fields', () => {
    expect(ids('parc villeurbanne')).toEqual(['4']);
    expect(ids('parc lyon')).toEqual([]);
  });

  it('an empty query finds nothing; the limit is respected', () => {
    expect(ids('   ')).toEqual([]);
    expect(searchCustomers(index, 'e', 2)).toHaveLength(2);
  });

  // Its speed per keystroke is measured by `npm run bench` (search), never by a test.
  it('finds the right customers among 2,000 customers and 8,000 contacts', () => {
    const cities = ['Lyon', 'Villeurbanne', 'Annecy', 'Chambéry', 'Grenoble', 'Mâcon'];
    const customers = Array.from({ length: 2000 }, (_, i) =>
      customer(`c${i}`, `Brasserie ${i} des Étoiles`, {
        city: cities[i % cities.length]!,
        postcode: String(69000 + (i % 900)),
        phone: `04 72 ${String(i)
          .padStart(4, '0')
          .replace(/(\d\d)(\d\d)/, '$1 $2')} 00`,
      }),
    );
    const contacts = Array.from({ length: 8000 }, (_, i) =>
      contact(
        `c${i % 2000}`,
        ['Hélène', 'Jérôme', 'Zoé', 'André'][i % 4]!,
        `Nom${i}`,
        `06 ${String(i).padStart(8, '0')}`,
      ),
    );
    const big = buildSearchIndex(customers, contacts);
    const queries = [
      'b',
      'br',
      'bra',
      'bras',
      'brasserie 1',
      'helene',
      'nom79',
      '0472',
      '06 0000',
      'grenob',
      'zzz',
    ];
    const found = (q: string) => searchCustomers(big, q).map((r) => r.customerId);
    for (const q of queries) expect(found(q).length).toBeLessThanOrEqual(50);
    expect(found('nom1999')).toEqual(['c1999']);
    expect(found('zzz')).toEqual([]);
    const grenoble = searchCustomers(big, 'grenob');
    expect(grenoble).toHaveLength(50);
    expect(grenoble.every((r) => Number(r.customerId.slice(1)) % cities.length === 4)).toBe(true);
  });
});

describe('searchByWordPrefix', () => {
  const items = [
    ['Orangina – bouteille 1 L', 'BSA-10002', 'Boissons sans alcool'],
    ['Tonic au gingembre', 'BSA-10003', 'Boissons sans alcool'],
    ['Gin Citadelle – bouteille 70 cl', 'SPI-10001', 'Spiritueux'],
    ['Café en grains Bistrot – sachet 1 kg', 'CAF-10004', 'Café & thé'],
  ] as const;
  const names = (query: string) => searchByWordPrefix(items, (i) => i, query).map((h) => h.item[0]);

  it('wants every word to start a word of a field, never inside one', () => {
    expect(names('gin')).toEqual(['Gin Citadelle – bouteille 70 cl', 'Tonic au gingembre']);
    expect(names('café grains')).toEqual(['Café en grains Bistrot – sachet 1 kg']);
    expect(names('CAFE thé grain')).toEqual(['Café en grains Bistrot – sachet 1 kg']);
    expect(names('rangina')).toEqual([]);
  });

  it('ranks the whole query at a field’s start first, the earlier field first', () => {
    expect(searchByWordPrefix(items, (i) => i, 'boissons').map((h) => h.rank)).toEqual(['prefix', 'prefix']);
    expect(searchByWordPrefix(items, (i) => i, 'bouteille')[0]).toMatchObject({ rank: 'wordPrefix' });
    expect(searchByWordPrefix(items, (i) => i, 'spi-10001')[0]).toMatchObject({ rank: 'exact' });
    expect(searchByWordPrefix(items, (i) => i, 'sachet café')[0]).toMatchObject({ rank: 'allWords' });
  });
});
