import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import type { Refusal } from '../../../shared/contract/refusals.js';
import type { Transport } from '../../../shared/contract/transport.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import type { AppDB } from '../../db/AppDB.js';
import type { SyncEngine, SyncStatus } from '../../sync/engine.js';
import { renderWithApp } from '../../test/renderWithApp.js';
import { ReviewScreen } from './ReviewScreen.js';

const MANAGER: User = {
  id: '01900000-0000-7000-8000-0000000000aa',
  email: 'julien.mercier@example.fr',
  name: 'Julien Mercier',
  role: 'manager',
  teamId: '01900000-0000-7000-8000-0000000000ee',
  locale: 'fr',
  timeZone: 'Europe/Paris',
};
const uuid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

const note: Refusal = {
  id: uuid(1),
  repId: uuid(10),
  repName: 'Camille Martin',
  at: '2026-11-24T09:00:00.000Z',
  name: 'note-add',
  code: 'forbidden',
  message: 'This customer is no longer in your portfolio; the note was not saved at head office.',
  key: 'note.customerLeft',
  params: {},
  customerName: 'Boulangerie du Départ',
  summary: { kind: 'note', text: 'Rappeler lundi ; veut 8 % à 200 unités' },
  reapplicable: true,
};
const order: Refusal = {
  ...note,
  id: uuid(2),
  repId: uuid(11),
  repName: 'Thomas Bernard',
  name: 'order-create',
  code: 'conflict',
  key: 'order.locked',
  summary: {
    kind: 'order',
    lines: [
      { productId: uuid(3), productName: 'Bière blonde', quantity: 3, discountBp: 0, unitPriceCents: 1250 },
    ],
    totalCents: 3750,
    deliveryDate: null,
    note: '',
  },
  reapplicable: false,
};

/** Head office as the refused-work tab sees it. */
class RefusalServer implements Transport {
  refusals: Refusal[] = [note, order];
  calls: { method: Method; input: unknown }[] = [];

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    return this.answer(method, input as never) as Result<Output<M>>;
  }

  private answer(method: Method, input: Record<string, unknown>): Result<unknown> {
    const handled = (action: 'reapplied' | 'dismissed', reason: string) => {
      const found = this.refusals.find((r) => r.id === input.id)!;
      const refusal: Refusal = {
        ...found,
        reapplicable: false,
        handled: { action, byName: MANAGER.name, at: '2026-11-25T10:00:00.000Z', reason },
      };
      this.refusals = this.refusals.map((r) => (r.id === refusal.id ? refusal : r));
      return ok({ refusal });
    };
    switch (method) {
      case 'refusal-list':
        return ok({ refusals: this.refusals });
      case 'refusal-reapply':
        return handled('reapplied', '');
      case 'refusal-dismiss':
        return handled('dismissed', input.reason as string);
      default:
        // The other tabs load too: they get nothing.
        return method === 'order-list' ? ok({ orders: [] }) : fail('unknown-method', method);
    }
  }
}

function fakeEngine(state: SyncStatus['state']): SyncEngine {
  const status: SyncStatus = { state, pending: 0, lastSyncAt: null, download: null };
  return { subscribe: () => () => {}, getStatus: () => status } as unknown as SyncEngine;
}

async function openTab(server: RefusalServer, state: SyncStatus['state'] = 'idle') {
  renderWithApp({} as AppDB, <ReviewScreen />, {
    user: MANAGER,
    transport: server,
    engine: fakeEngine(state),
  });
  fireEvent.click(screen.getByRole('tab', { name: 'Travail refusé' }));
}

let server: RefusalServer;
beforeEach(() => {
  server = new RefusalServer();
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('refused work tab', () => {
  it('lists the team’s refusals with the rep, the reason and the content; filters by rep', async () => {
    await openTab(server);
    const table = await screen.findByRole('table', { name: 'Travail de l’équipe refusé par le siège' });
    const noteRow = within(table).getByText('Note pour Boulangerie du Départ').closest('tr')!;
    expect(within(noteRow).getByText('Camille Martin')).toBeTruthy();
    expect(noteRow.textContent).toContain('la note n’a pas été enregistrée au siège');
    expect(noteRow.textContent).toContain('Rappeler lundi ; veut 8 % à 200 unités');
    const orderRow = within(table).getByText('Thomas Bernard').closest('tr')!;
    expect(orderRow.textContent).toMatch(/1 ligne, 37,50\s€ HT/);
    expect(orderRow.textContent).toContain('3 × Bière blonde');
    // Only what may be re-applied offers it.
    expect(within(orderRow).queryByRole('button', { name: /Réappliquer/ })).toBeNull();

    fireEvent.change(screen.getByLabelText('Commercial'), { target: { value: uuid(11) } });
    expect(within(table).queryByText('Camille Martin')).toBeNull();
    expect(screen.getByText('1 refus')).toBeTruthy();
  });

  it('re-applies a note, announces it, and shows who handled it', async () => {
    await openTab(server);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Réappliquer : Note pour Boulangerie du Départ' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Note pour Boulangerie du Départ : enregistré au siège au nom de Camille Martin.',
      ),
    );
    expect(server.calls.at(-1)).toEqual({ method: 'refusal-reapply', input: { id: note.id } });
    // Handled ones leave the "to handle" view and appear under "handled".
    expect(screen.queryByText('Note pour Boulangerie du Départ')).toBeNull();
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'handled' } });
    expect(screen.getByText('Réappliqué par Julien Mercier')).toBeTruthy();
  });

  it('a dismissal asks for a reason, refuses an empty one, and sends it', async () => {
    await openTab(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Écarter : Note pour Boulangerie du Départ' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Écarter' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Indiquez un motif pour écarter ce travail.');
    expect(server.calls.some((c) => c.method === 'refusal-dismiss')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Motif'), { target: { value: 'Déjà noté par Hugo' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Écarter' }));
    await waitFor(() =>
      expect(server.calls.at(-1)).toEqual({
        method: 'refusal-dismiss',
        input: { id: note.id, reason: 'Déjà noté par Hugo' },
      }),
    );
  });

  it('exports the refusals shown as a CSV file for French Excel', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:refusals';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    await openTab(server);
    fireEvent.click(await screen.findByRole('button', { name: 'Exporter (CSV)' }));
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFFDate;Commercial;Quoi;Motif du refus;Contenu;Suite donnée\r\n')).toBe(true);
    expect(text).toContain('"Rappeler lundi ; veut 8 % à 200 unités"');
    expect(text).toContain('Camille Martin;Note pour Boulangerie du Départ');
  });

  it('offline: says so and offers no action', async () => {
    await openTab(server, 'offline');
    expect(
      screen.getByText('Hors ligne : rien à afficher. Reconnectez-vous pour consulter le siège.'),
    ).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'refusal-list')).toBe(false);
  });
});
