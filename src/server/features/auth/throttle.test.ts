import { describe, expect, it } from 'vitest';
import { THROTTLE_WINDOW_MS, throttleDecision } from './throttle.js';

const now = new Date('2026-03-01T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('throttleDecision', () => {
  it('allows under the limit', () => {
    expect(throttleDecision([ago(1000), ago(2000)], now, 5)).toEqual({ allowed: true });
  });
  it('blocks at the limit, until the 5th most recent failure leaves the window', () => {
    const failures = [ago(60_000), ago(120_000), ago(180_000), ago(240_000), ago(300_000), ago(600_000)];
    const decision = throttleDecision(failures, now, 5);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: (THROTTLE_WINDOW_MS - 300_000) / 1000 });
  });
  it('ignores failures outside the window', () => {
    const failures = [1, 2, 3, 4, 5].map((i) => ago(THROTTLE_WINDOW_MS + i));
    expect(throttleDecision(failures, now, 5)).toEqual({ allowed: true });
  });
  it('counts a failure recorded after now (a parallel attempt that read the clock later)', () => {
    const failures = [1, 2, 3, 4].map((i) => ago(i * 1000));
    expect(throttleDecision([...failures, new Date(now.getTime() + 5)], now, 5)).toMatchObject({
      allowed: false,
    });
  });
  it('never answers a retry of zero seconds', () => {
    const failures = [1, 2, 3, 4, 5].map(() => ago(THROTTLE_WINDOW_MS - 1));
    expect(throttleDecision(failures, now, 5)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
