import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64.js';

describe('toBase64', () => {
  it('round-trips through atob, across slice boundaries', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31) % 256);
    const decoded = Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(toBase64(new Uint8Array())).toBe('');
    expect(toBase64(new TextEncoder().encode('Dupré;42'))).toBe('RHVwcsOpOzQy');
  });
});
