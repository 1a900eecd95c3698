import { describe, expect, it } from 'vitest';
import { InvalidCookieError, parseCookies, serializeCookie } from './cookie.js';

describe('parseCookies', () => {
  it('parses several cookies and trims spaces', () => {
    expect(parseCookies('a=1; tournee_session=abc-_; b = 2')).toEqual({
      a: '1',
      tournee_session: 'abc-_',
      b: '2',
    });
  });
  it('ignores malformed parts and keeps the first duplicate', () => {
    expect(parseCookies('=x; novalue; a=1; a=2; c="q"')).toEqual({ a: '1', c: 'q' });
  });
  it('decodes percent-encoding and tolerates bad escapes', () => {
    expect(parseCookies('a=%20b; c=%E0%A4%A')).toEqual({ a: ' b', c: '%E0%A4%A' });
  });
  it('returns an empty object without a header', () => {
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies('')).toEqual({});
  });
});

describe('serializeCookie', () => {
  it('writes a strict HttpOnly session cookie', () => {
    expect(serializeCookie('tournee_session', 'tok', { maxAgeSeconds: 60 })).toBe(
      'tournee_session=tok; Max-Age=60; Path=/; HttpOnly; SameSite=Strict',
    );
  });
  it('clears with Max-Age=0', () => {
    expect(serializeCookie('s', '', { maxAgeSeconds: -5 })).toContain('Max-Age=0');
  });
  it('refuses an invalid name', () => {
    expect(() => serializeCookie('a b', 'x', { maxAgeSeconds: 1 })).toThrow(InvalidCookieError);
  });
});
