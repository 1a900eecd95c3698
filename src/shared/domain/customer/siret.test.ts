import { describe, expect, it } from 'vitest';
import { customerEditableSchema, customerFieldFromText } from './customer.js';
import { isValidSiren, isValidSiret, luhnValid, normaliseSiret, withLuhnCheckDigit } from './siret.js';

describe('SIRET', () => {
  it('accepts real-shaped SIRETs whose SIREN and SIRET pass Luhn', () => {
    expect(isValidSiret('73282932000017')).toBe(true);
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiret('732 829 320 00017')).toBe(true);
    expect(isValidSiret('732.829.320.00017')).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length and letters', () => {
    expect(isValidSiret('73282932000018')).toBe(false);
    expect(isValidSiret('7328293200001')).toBe(false);
    expect(isValidSiret('732829320000170')).toBe(false);
    expect(isValidSiret('7328293200001A')).toBe(false);
    expect(isValidSiret('')).toBe(false);
  });

  it('refuses a SIRET whose 14 digits pass Luhn but whose SIREN does not', () => {
    const siret = withLuhnCheckDigit('1234567800001');
    expect(luhnValid(siret)).toBe(true);
    expect(isValidSiren(siret.slice(0, 9))).toBe(false);
    expect(isValidSiret(siret)).toBe(false);
  });

  it("checks La Poste's establishments by the sum of their digits", () => {
    // 356 000 000 + NIC: valid when the 14 digits sum to a multiple of 5, Luhn or not.
    expect(isValidSiret('35600000000001')).toBe(true); // sum 15, fails Luhn
    expect(luhnValid('35600000000001')).toBe(false);
    expect(isValidSiret('356 000 000 10019')).toBe(true); // sum 25
    expect(isValidSiret('35600000000002')).toBe(false); // sum 16
    // Except the head office, which follows Luhn (its digits sum to 26).
    expect(isValidSiret('35600000000048')).toBe(true);
  });

  it('completes a partial number with its Luhn check digit', () => {
    const siren = withLuhnCheckDigit('73282932');
    expect(siren).toBe('732829320');
    expect(withLuhnCheckDigit(`${siren}0001`)).toBe('73282932000017');
  });

  it('normalises what people type', () => {
    expect(normaliseSiret(' 732\u00a0829 320-00017 ')).toBe('73282932000017');
  });

  it('is checked by the customer schema (empty allowed)', () => {
    expect(customerEditableSchema.shape.siret.safeParse('732 829 320 00017')).toEqual({
      success: true,
      data: '73282932000017',
    });
    expect(customerEditableSchema.shape.siret.safeParse('').success).toBe(true);
    expect(customerEditableSchema.shape.siret.safeParse('73282932000018').success).toBe(false);
  });
});

describe('customerFieldFromText', () => {
  it('reads numbers, nullables, arrays and dates with the field schema', () => {
    expect(customerFieldFromText('latitude', '45,7676')).toEqual({ success: true, data: 45.7676 });
    expect(customerFieldFromText('latitude', '')).toEqual({ success: true, data: null });
    expect(customerFieldFromText('latitude', 'north').success).toBe(false);
    expect(customerFieldFromText('preferredVisitDays', '2,4')).toEqual({ success: true, data: [2, 4] });
    expect(customerFieldFromText('preferredVisitDays', '[1,5]')).toEqual({ success: true, data: [1, 5] });
    expect(customerFieldFromText('preferredVisitDays', '8').success).toBe(false);
    expect(customerFieldFromText('competitors', 'Metro, Promocash')).toEqual({
      success: true,
      data: ['Metro', 'Promocash'],
    });
    expect(customerFieldFromText('firstContactDate', '2024-02-30').success).toBe(false);
    expect(customerFieldFromText('firstContactDate', '2024-02-28')).toEqual({
      success: true,
      data: '2024-02-28',
    });
    expect(customerFieldFromText('nafCode', '56.10a')).toEqual({ success: true, data: '56.10A' });
    expect(customerFieldFromText('city', 'Lyon')).toEqual({ success: true, data: 'Lyon' });
  });
});
