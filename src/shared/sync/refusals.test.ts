import { describe, expect, it } from 'vitest';
import { keptArgs, MAX_KEPT_ARGS_CHARS, refusalSummary } from './refusals.js';

const customerId = '0190a5b0-0000-7000-8000-000000000001';
const productId = '0190a5b0-0000-7000-8000-000000000002';

describe('what head office keeps of refused work', () => {
  it('keeps the arguments with NUL and lone surrogates replaced, so PostgreSQL can store them', () => {
    expect(keptArgs({ body: 'a\u0000b\uD800c\uDC00d😀', n: 3, list: ['\u0000'] })).toEqual({
      body: 'a\uFFFDb\uFFFDc\uFFFDd😀',
      n: 3,
      list: ['\uFFFD'],
    });
  });

  it('keeps nothing larger than the bound (an attachment): the refusal’s detail stays', () => {
    expect(keptArgs({ contentBase64: 'A'.repeat(MAX_KEPT_ARGS_CHARS) })).toBeNull();
  });

  it('summarises a note by its text and an order by its lines and total in cents', () => {
    expect(
      refusalSummary(
        'note-add',
        { id: customerId, customerId, body: 'Rappeler', createdAt: '2026-03-01T08:00:00.000Z' },
        '',
      ),
    ).toEqual({ kind: 'note', text: 'Rappeler' });
    const order = {
      id: customerId,
      customerId,
      orderedAt: '2026-03-01T08:00:00.000Z',
      deliveryDate: null,
      note: '',
      signature: null,
      lines: [
        { id: customerId, productId, quantity: 3, discountBp: 1000, previewUnitPriceCents: 1250 },
        { id: productId, productId, quantity: 2, discountBp: 0 },
      ],
    };
    expect(refusalSummary('order-create', order, '')).toMatchObject({ kind: 'order', totalCents: 3375 });
  });

  it('falls back to the rep’s words when nothing was kept or it no longer parses', () => {
    expect(refusalSummary('note-add', null, 'mots')).toEqual({ kind: 'text', text: 'mots' });
    expect(refusalSummary('note-add', { body: 1 }, 'mots')).toEqual({ kind: 'text', text: 'mots' });
    expect(refusalSummary('no-such-mutation', {}, 'mots')).toEqual({ kind: 'text', text: 'mots' });
  });
});
