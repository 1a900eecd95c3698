import 'fake-indexeddb/auto';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { msg } from '../../../shared/lib/messages.js';
import type { MutationOutcome } from '../../../shared/sync/protocol.js';
import type { AppDB } from '../../db/AppDB.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { SyncPanelBody } from './SyncPanel.js';

const status = { state: 'idle', pending: 0, lastSyncAt: null, download: null } as const;
const outcome = (n: number, extra: Partial<MutationOutcome>): MutationOutcome => ({
  id: `0190f3a0-0000-7000-8000-00000000000${n}`,
  clientId: '0190f3a0-0000-7000-8000-0000000000c1',
  mid: n,
  name: 'order-update',
  code: 'conflict',
  message: 'English fallback',
  detail: '',
  at: `2026-03-0${n}T09:00:00.000Z`,
  ...extra,
});

let db: AppDB;
eachScreenDb('sync-panel', (fresh) => {
  db = fresh;
});

describe('sync panel refusals', () => {
  it('says head office’s refusal in French from its key, and an older refusal by its code', async () => {
    const { key, params } = msg('order.confirmed', { on: '2026-03-02' });
    await db.outcomes.bulkPut([
      outcome(1, { key, params }),
      outcome(2, { name: 'note-add', code: 'forbidden', key: 'note.customerLeft', params: {} }),
      outcome(3, { name: 'note-add', code: 'not-found' }),
    ]);
    renderWithApp(db, <SyncPanelBody status={{ ...status }} />);
    await screen.findByText(/Le siège a confirmé cette commande le 2 mars 2026/);
    expect(screen.getByText(/la note n’a pas été enregistrée au siège/)).toBeTruthy();
    expect(screen.getByText(/Cet élément n’existe plus au siège/)).toBeTruthy();
    expect(document.body.textContent).not.toContain('English fallback');
  });

  it('names the customer a refused write was about when head office says it, else « client inconnu »', async () => {
    await db.outcomes.bulkPut([
      outcome(1, { name: 'note-add', code: 'forbidden', customerName: 'Boulangerie du Départ' }),
      outcome(2, { name: 'note-add', code: 'forbidden' }),
    ]);
    renderWithApp(db, <SyncPanelBody status={{ ...status }} />);
    await screen.findByText(/Boulangerie du Départ/);
    expect(screen.getAllByText(/client inconnu/)).toHaveLength(1);
  });

  it('exports what was refused, with the rep’s own words, as a CSV file for French Excel', async () => {
    await db.outcomes.bulkPut([
      outcome(1, {
        name: 'note-add',
        code: 'forbidden',
        key: 'note.customerLeft',
        params: {},
        customerName: 'Boulangerie du Départ',
        detail: 'Rappeler ; veut 8 % à 200 unités',
      }),
    ]);
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:refusals';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    renderWithApp(db, <SyncPanelBody status={{ ...status }} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter les refus (CSV)' }));
    expect(blobs).toHaveLength(1);
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM French Excel needs
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFDate;Modification;Motif;Texte\r\n')).toBe(true);
    expect(text).toContain('Note pour Boulangerie du Départ');
    expect(text).toContain('la note n’a pas été enregistrée au siège');
    expect(text).toContain('"Rappeler ; veut 8 % à 200 unités"');
    vi.unstubAllGlobals();
  });
});
