import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv.js';

describe('detectDelimiter', () => {
  it.each([
    ['Nom;Ville;CP\n', ';'],
    ['name,city,zip\n', ','],
    ['name\tcity\tzip\n', '\t'],
    ['"a;b",c,d\n', ','],
    ['single\n', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('parseCsv', () => {
  it('keeps physical line numbers across multi-line quoted fields, CRLF and empty lines', () => {
    const text = 'Nom;Adresse\r\nA;"1 rue X\r\nBât. B"\r\n\r\nB;"dit ""le chef"""\nC;"x\n\ny"\r\nD;z';
    const t = parseCsv(text);
    expect(t.delimiter).toBe(';');
    expect(t.header).toEqual(['Nom', 'Adresse']);
    expect(t.records).toEqual([
      { line: 2, cells: ['A', '1 rue X\nBât. B'] },
      { line: 5, cells: ['B', 'dit "le chef"'] },
      { line: 6, cells: ['C', 'x\n\ny'] },
      { line: 9, cells: ['D', 'z'] },
    ]);
    expect(t.errors).toEqual([]);
  });

  it('handles a file whose header ends in LF and rows in CRLF (like cdnow_master.csv)', () => {
    const t = parseCsv('customer_id,date\n00001,1997-01-01\r\n00002,1997-01-12\r\n');
    expect(t.records).toEqual([
      { line: 2, cells: ['00001', '1997-01-01'] },
      { line: 3, cells: ['00002', '1997-01-12'] },
    ]);
  });

  it('reads tab-separated text', () => {
    expect(parseCsv('a\tb\n1\t2\n').records).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });

  it('reports a quoting problem on its line', () => {
    const t = parseCsv('a,b\n1,2\n3,"unclosed\n');
    expect(t.errors).toHaveLength(1);
    expect(t.errors[0]).toMatchObject({ line: 3, code: 'bad-csv' });
  });
});
