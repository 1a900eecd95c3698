import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('CSV for French Excel', () => {
  it('starts with a BOM, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv(['Commercial', 'CA HT'], [['Camille Martin', '1 234,50']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Commercial;CA HT\r\nCamille Martin;1 234,50\r\n');
  });

  it('quotes fields holding a separator, a quote or a line break, and defuses formulas', () => {
    const csv = toCsv(
      ['a'],
      [['Café; bar'], ['Le "Zinc"'], ['ligne\nsuite'], ['=HYPERLINK("x")'], [-3], [null]],
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      'a',
      '"Café; bar"',
      '"Le ""Zinc"""',
      '"ligne\nsuite"',
      '"\'=HYPERLINK(""x"")"',
      '-3',
      '',
      '',
    ]);
  });
});
