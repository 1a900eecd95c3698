import { describe, expect, it } from 'vitest';
import { wireFields } from './sql.js';

describe('wireFields', () => {
  it('keeps only the given keys and writes dates as ISO-8601 UTC', () => {
    const row = {
      id: 'a',
      at: new Date('2026-03-04T05:06:07.089Z'),
      gone: null as Date | null,
      tags: ['x'],
      secret: 's',
    };
    expect(wireFields(row, ['id', 'at', 'gone', 'tags'])).toEqual({
      id: 'a',
      at: '2026-03-04T05:06:07.089Z',
      gone: null,
      tags: ['x'],
    });
  });
});
