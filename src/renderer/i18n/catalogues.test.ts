import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { serverMessageKeys } from '../../shared/lib/messages.js';
import { errorCodes } from '../../shared/lib/result.js';
import { catalogues } from './catalogues.js';
import { en } from './en.js';
import { fr } from './fr.js';

describe('catalogues', () => {
  it('fr and en have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('every message is valid ICU and not empty', () => {
    for (const [locale, messages] of Object.entries(catalogues)) {
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), `${locale}:${key}`).not.toBe('');
        expect(() => parse(message), `${locale}:${key}`).not.toThrow();
      }
    }
  });

  it('the same placeholders are used in both languages', () => {
    const args = (m: string) => [...m.matchAll(/\{(\w+)\s*[,}]/g)].map((x) => x[1]).sort();
    for (const key of Object.keys(fr) as (keyof typeof fr)[]) {
      expect(args(en[key]), key).toEqual(args(fr[key]));
    }
  });

  it('every error code has a localised message', () => {
    for (const code of errorCodes) {
      expect(fr).toHaveProperty(`error.${code}`);
      expect(en).toHaveProperty(`error.${code}`);
    }
  });

  it('every message key head office sends has a French and an English text', () => {
    for (const key of serverMessageKeys) {
      expect(fr, key).toHaveProperty([`server.${key}`]);
      expect(en, key).toHaveProperty([`server.${key}`]);
    }
  });
});
