import 'fake-indexeddb/auto';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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
});
