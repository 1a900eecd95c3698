import { describe, expect, it } from 'vitest';
import {
  MAX_ATTACHMENT_BYTES,
  checkAttachments,
  checkTransition,
  complaintCategoryOf,
  complaintStatuses,
  nextStatuses,
  transitionMessage,
  safeAttachmentType,
} from './complaint.js';

describe('complaint lifecycle', () => {
  it('head office moves a complaint one step at a time, and may reopen a resolved one', () => {
    expect(checkTransition('received', 'acknowledged', 'staff', '')).toBeNull();
    expect(checkTransition('acknowledged', 'in-progress', 'staff', '')).toBeNull();
    expect(checkTransition('in-progress', 'resolved', 'staff', 'Avoir émis')).toBeNull();
    expect(checkTransition('resolved', 'closed', 'staff', '')).toBeNull();
    expect(checkTransition('resolved', 'in-progress', 'staff', 'Pas satisfait')).toBeNull();
    expect(checkTransition('received', 'resolved', 'staff', '')).toEqual({
      code: 'not-allowed',
      from: 'received',
      to: 'resolved',
    });
    expect(checkTransition('in-progress', 'received', 'staff', '')).toMatchObject({ code: 'not-allowed' });
  });

  it('the rep adds notes, and only closes or reopens once resolved', () => {
    expect(checkTransition('received', 'received', 'rep', 'Client rappelé')).toBeNull();
    expect(checkTransition('received', 'acknowledged', 'rep', '')).toMatchObject({ code: 'not-yours' });
    expect(checkTransition('in-progress', 'resolved', 'rep', '')).toMatchObject({ code: 'not-yours' });
    expect(checkTransition('resolved', 'closed', 'rep', '')).toBeNull();
    expect(checkTransition('resolved', 'in-progress', 'rep', '')).toBeNull();
    expect(nextStatuses('received', 'rep')).toEqual([]);
    expect(nextStatuses('resolved', 'rep')).toEqual(['closed', 'in-progress']);
  });

  it('a note needs text; a closed complaint never changes again', () => {
    expect(checkTransition('acknowledged', 'acknowledged', 'rep', '   ')).toEqual({ code: 'empty-note' });
    for (const to of complaintStatuses) {
      for (const actor of ['rep', 'staff'] as const) {
        expect(checkTransition('closed', to, actor, 'x')).toEqual({ code: 'closed', from: 'closed' });
      }
    }
    expect(transitionMessage({ code: 'closed', from: 'closed' })).toMatch(/closed/);
  });

  it('every status but closed has a way forward for head office', () => {
    for (const s of complaintStatuses) {
      expect(nextStatuses(s, 'staff').length > 0).toBe(s !== 'closed');
    }
  });
});

describe('attachments', () => {
  it('refuses files over 5 MB, empty files and more than 5 per complaint', () => {
    expect(checkAttachments([{ fileName: 'a.jpg', sizeBytes: MAX_ATTACHMENT_BYTES }])).toEqual([]);
    expect(checkAttachments([{ fileName: 'big.jpg', sizeBytes: MAX_ATTACHMENT_BYTES + 1 }])).toEqual([
      { code: 'too-big', fileName: 'big.jpg', sizeBytes: MAX_ATTACHMENT_BYTES + 1 },
    ]);
    expect(checkAttachments([{ fileName: 'e.txt', sizeBytes: 0 }])).toEqual([
      { code: 'empty', fileName: 'e.txt' },
    ]);
    const six = Array.from({ length: 6 }, (_, i) => ({ fileName: `${i}.png`, sizeBytes: 10 }));
    expect(checkAttachments(six)).toEqual([{ code: 'too-many', count: 6 }]);
    expect(checkAttachments(six.slice(0, 2), 4)).toEqual([{ code: 'too-many', count: 6 }]);
  });
});

describe('opening an attachment', () => {
  it('opens photos and PDF as such, and hands any other declared type over as bytes', () => {
    expect(safeAttachmentType('image/jpeg')).toBe('image/jpeg');
    expect(safeAttachmentType(' Application/PDF ')).toBe('application/pdf');
    expect(safeAttachmentType('text/html')).toBe('application/octet-stream');
    expect(safeAttachmentType('image/svg+xml')).toBe('application/octet-stream');
    expect(safeAttachmentType('')).toBe('application/octet-stream');
  });
});

describe('complaint categories', () => {
  it('reads a code as is and the labels older demo databases stored as the code they mean', () => {
    expect(complaintCategoryOf('delivery')).toBe('delivery');
    expect(complaintCategoryOf('Retard de livraison')).toBe('delivery');
    expect(complaintCategoryOf('Livraison endommagée')).toBe('delivery');
    expect(complaintCategoryOf('Produit manquant')).toBe('wrong-item');
    expect(complaintCategoryOf('Erreur de préparation')).toBe('wrong-item');
    expect(complaintCategoryOf('Erreur de facturation')).toBe('billing');
    expect(complaintCategoryOf('Qualité produit')).toBe('product-defect');
    expect(complaintCategoryOf('Autre chose')).toBe('other');
  });
});
