/** Deterministic randomness for generated data: a seeded PRNG, picks, and time-ordered ids. */

import { createPrng } from '../../shared/lib/random.js';

export { createPrng };

/** Mixes numbers into one 32-bit seed (so each customer gets its own stream). */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 13;
    h = Math.imul(h, 0x5bd1e995);
    h ^= h >>> 15;
  }
  return h >>> 0;
}

export class Random {
  constructor(readonly next: () => number) {}

  static seeded(...parts: number[]): Random {
    return new Random(createPrng(mixSeed(...parts)));
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** Picks by weight (weights need not sum to 1). */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new RangeError('pick from an empty list');
    return last[0];
  }

  /** `count` distinct items (order of draw). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length > 0) {
      const i = Math.floor(this.next() * copy.length);
      out.push(copy.splice(i, 1)[0] as T);
    }
    return out;
  }

  /** Roughly normal (sum of three uniforms), mean 0, sd ≈ 1. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i += 1) s += String(Math.floor(this.next() * 10));
    return s;
  }

  /**
   * A UUID v7 (RFC 9562) whose 48-bit time prefix is `atMs` and whose other bits come from the
   * PRNG: ids sort by the time of the record they name, and the same seed gives the same ids.
   */
  uuidV7(atMs: number): string {
    const time = Math.max(0, Math.floor(atMs)).toString(16).padStart(12, '0').slice(-12);
    let rand = '';
    for (let i = 0; i < 19; i += 1) rand += Math.floor(this.next() * 16).toString(16);
    const variant = (8 + Math.floor(this.next() * 4)).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(3, 6)}-${rand.slice(6, 18)}`;
  }
}
