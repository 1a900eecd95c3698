import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Windows-1252 bytes of Latin-1 text (code points ≤ 0xFF map to the same byte). */
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => c.codePointAt(0)!));

describe('decodeBytes', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeBytes(utf8('Nom;Ville\nCafé;Hôtel\n'))).toEqual({
      ok: true,
      text: 'Nom;Ville\nCafé;Hôtel\n',
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Nom\nCafé')]);
    expect(decodeBytes(bytes)).toEqual({ ok: true, text: 'Nom\nCafé', encoding: 'utf-8', bom: true });
  });

  it('falls back to Windows-1252 for invalid UTF-8 ("Café", "Hôtel", "€")', () => {
    const bytes = Uint8Array.from([...cp1252('Nom;Ville\nCafé;Hôtel '), 0x80]);
    expect(bytes).toContain(0xe9);
    expect(decodeBytes(bytes)).toEqual({
      ok: true,
      text: 'Nom;Ville\nCafé;Hôtel €',
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it.each([
    ['UTF-16 LE with BOM', Uint8Array.from([0xff, 0xfe, 0x4e, 0x00, 0x6f, 0x00])],
    ['UTF-16 BE with BOM', Uint8Array.from([0xfe, 0xff, 0x00, 0x4e, 0x00, 0x6f])],
    ['UTF-16 without BOM (NUL bytes)', Uint8Array.from([0x4e, 0x00, 0x6f, 0x00, 0x6d, 0x00])],
    ['binary', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ])('refuses %s with "wrong encoding"', (_name, bytes) => {
    const r = decodeBytes(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('wrong-encoding');
      expect(r.error.reason).toMatch(/^wrong encoding/);
    }
  });
});

describe('Windows-1252 high bytes', () => {
  it('maps 0x80–0x9F to their characters and refuses the undefined ones', () => {
    const r = decodeBytes(Uint8Array.from([0x92, 0x96, 0x9c, 0x8c]));
    expect(r.ok && r.text).toBe('\u2019\u2013\u0153\u0152');
    expect(decodeBytes(Uint8Array.from([0x41, 0x81])).ok).toBe(false);
  });
});
