import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLuhnCheckDigit } from '../../../shared/domain/customer/siret.js';
import { csvFormats } from './export.js';
import {
  parseBoolean,
  parseDate,
  parseDateTime,
  parseInteger,
  parseMoneyCents,
  parseNumber,
  parsePercentBp,
  parseSiret,
  parseVatRate,
} from './values.js';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'error');
const code = (r: { ok: true } | { ok: false; code: string }) => (r.ok ? 'ok' : r.code);

describe('money', () => {
  it.each([
    ['1 234,56', 123456],
    ['1\u202f234,56', 123456],
    ['1\u00a0234,56', 123456],
    ['1\u00a0234,56\u00a0€', 123456],
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['1.234,56', 123456],
    ['1,234,567.89', 123456789],
    ['€12', 1200],
    ['12 €', 1200],
    ['0,29', 29],
    ['0.1', 10],
    ['.5', 50],
    ['-3,50', -350],
    ['12,340', 1234],
    ['1,5', 150],
  ])('%j → %i cents', (raw, cents) => {
    expect(value(parseMoneyCents(raw))).toBe(cents);
  });

  it.each(['', 'abc', '12,345,6', '1.2.3,4,5', '12,3456', '1,23.45', '--1', '12€34', '1e5'])(
    '%j is an error',
    (raw) => {
      expect(code(parseMoneyCents(raw))).toBe('bad-money');
    },
  );

  it('round-trips any amount through both formats with no float drift', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        expect(value(parseMoneyCents(csvFormats.fr.money(cents)))).toBe(cents);
        expect(value(parseMoneyCents(csvFormats.en.money(cents)))).toBe(cents);
      }),
    );
  });
});

describe('numbers and integers', () => {
  it.each([
    ['45,764043', 45.764043],
    ['-4.835659', -4.835659],
    ['1 000', 1000],
  ])('%j → %d', (raw, n) => {
    expect(value(parseNumber(raw))).toBe(n);
  });

  it('integers', () => {
    expect(value(parseInteger('1 200'))).toBe(1200);
    expect(value(parseInteger('3,0'))).toBe(3);
    expect(code(parseInteger('2,5'))).toBe('bad-integer');
    expect(code(parseInteger('douze'))).toBe('bad-integer');
  });
});

describe('dates', () => {
  it.each([
    ['31/12/2026', '2026-12-31'],
    ['1/2/2026', '2026-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['05.03.2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026-03-05T14:30:00Z', '2026-03-05'],
    ['2026-03-05 14:30', '2026-03-05'],
  ])('%j → %s', (raw, iso) => {
    expect(value(parseDate(raw))).toBe(iso);
  });

  it.each([
    '31/02/2026',
    '29/02/2025',
    '2026-13-01',
    '00/01/2026',
    '12/31/2026',
    '31/12/26',
    'demain',
    '2026-03-05T25:00',
  ])('%j is an error', (raw) => {
    expect(code(parseDate(raw))).toBe('bad-date');
  });

  it('gives the UTC instant of a datetime with an offset', () => {
    expect(value(parseDateTime('2026-03-05T09:30:00+01:00'))).toEqual({
      date: '2026-03-05',
      instant: '2026-03-05T08:30:00.000Z',
    });
    expect(value(parseDateTime('05/03/2026'))).toEqual({ date: '2026-03-05', instant: null });
  });
});

describe('booleans, VAT, percentages, SIRET', () => {
  it('booleans', () => {
    for (const t of ['oui', 'Oui', 'yes', '1', 'vrai', 'x', 'X', 'true'])
      expect(value(parseBoolean(t))).toBe(true);
    for (const f of ['non', 'NO', '0', 'faux', 'false']) expect(value(parseBoolean(f))).toBe(false);
    expect(code(parseBoolean('peut-être'))).toBe('bad-boolean');
  });

  it.each([
    ['20', 2000],
    ['20 %', 2000],
    ['20%', 2000],
    ['10', 1000],
    ['5,5', 550],
    ['5.5 %', 550],
    ['2,1', 210],
    ['0.2', 2000],
    ['0,055', 550],
    ['0.021', 210],
    ['20,00 %', 2000],
  ])('VAT %j → %i bp', (raw, bp) => {
    expect(value(parseVatRate(raw))).toBe(bp);
  });

  it.each(['19,6', '7', '0', '-20', '200', 'TVA'])('VAT %j is an error', (raw) => {
    expect(code(parseVatRate(raw))).toBe('bad-vat-rate');
  });

  it('percentages', () => {
    expect(value(parsePercentBp('5'))).toBe(500);
    expect(value(parsePercentBp('2,5 %'))).toBe(250);
    expect(code(parsePercentBp('120'))).toBe('bad-percent');
  });

  it('SIRET via the shared validator', () => {
    const siret = withLuhnCheckDigit(`${withLuhnCheckDigit('73282932')}0001`);
    const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
    expect(value(parseSiret(spaced))).toBe(siret);
    expect(code(parseSiret('12345678901234'))).toBe('bad-siret');
  });
});
