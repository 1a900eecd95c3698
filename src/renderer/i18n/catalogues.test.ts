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
    const args = (m: string) => [...icuArguments(m)].sort();
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

/**
 * The argument names of an ICU message, branches of `select`/`plural` read as messages (so that
 * `{channel, select, phone {Appel} other {Visite}}` names `channel` only, not Appel or Visite).
 */
function icuArguments(message: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  const skipSpaces = () => {
    while (/\s/.test(message[i] ?? '')) i += 1;
  };
  const word = () => {
    const start = i;
    while (/[\w=-]/.test(message[i] ?? '')) i += 1;
    return message.slice(start, i);
  };
  /** Reads text and arguments up to the `}` that closes the enclosing branch (or the end). */
  const body = (): void => {
    while (i < message.length && message[i] !== '}') {
      if (message[i] === '{') {
        i += 1;
        argument();
      } else i += 1;
    }
  };
  const argument = (): void => {
    skipSpaces();
    names.add(word());
    skipSpaces();
    if (message[i] === '}') {
      i += 1;
      return;
    }
    i += 1; // ','
    skipSpaces();
    const type = word();
    skipSpaces();
    if (type === 'select' || type === 'plural' || type === 'selectordinal') {
      i += 1; // ','
      for (;;) {
        skipSpaces();
        if (message[i] === '}' || i >= message.length) break;
        word(); // the branch's key (other, one, =0, phone…)
        skipSpaces();
        if (message[i] !== '{') break;
        i += 1;
        body();
        i += 1; // the branch's '}'
      }
      i += 1; // the argument's '}'
      return;
    }
    let depth = 1; // number/date/time with a style: skip to the closing brace
    while (i < message.length && depth > 0) {
      if (message[i] === '{') depth += 1;
      if (message[i] === '}') depth -= 1;
      i += 1;
    }
  };
  body();
  return names;
}
