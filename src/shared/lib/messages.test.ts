import { describe, expect, it } from 'vitest';
import {
  dateParamsOf,
  englishText,
  isServerMessageKey,
  msg,
  paramsOf,
  serverMessageKeys,
  serverMessages,
} from './messages.js';
import { fail } from './result.js';

const placeholders = (text: string) =>
  [...new Set([...text.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('server messages', () => {
  it('declare exactly the parameters their English text uses', () => {
    for (const key of serverMessageKeys) {
      expect(placeholders(serverMessages[key].en), key).toEqual(paramsOf(key).sort());
    }
  });

  it('fill the English fallback with the parameters', () => {
    expect(msg('order.transition', { from: 'shipped', to: 'received' })).toEqual({
      key: 'order.transition',
      params: { from: 'shipped', to: 'received' },
      message: 'An order shipped cannot become received.',
    });
    expect(englishText('order.confirmed', { on: '2026-03-02' })).toBe(
      'Head office confirmed this order on 2026-03-02; it can no longer be changed here. Call head office.',
    );
    expect(dateParamsOf('playbook.stale')).toEqual(['when']);
  });

  it('travel in an AppError beside the code', () => {
    expect(fail('not-found', msg('order.notFound'), { field: 'id' })).toEqual({
      ok: false,
      error: { code: 'not-found', key: 'order.notFound', params: {}, message: 'No such order.', field: 'id' },
    });
    expect(isServerMessageKey('order.notFound')).toBe(true);
    expect(isServerMessageKey('toString')).toBe(false);
  });
});
