import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import type { ComplaintReview } from '../../../shared/contract/complaints.js';
import type { OrderListItem } from '../../../shared/contract/orders.js';
import type { VisitReview } from '../../../shared/contract/visits.js';
import { noReportFields } from '../../../shared/domain/activity/activity.js';
import type { Transport } from '../../../shared/contract/transport.js';
import type { User } from '../../../shared/domain/user/user.js';
import { fail, ok, type Result } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
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
const REP_ID = '01900000-0000-7000-8000-000000000001';
const uuid = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function order(n: number, extra: Partial<OrderListItem> = {}): OrderListItem {
  return {
    id: uuid(100 + n),
    customerId: uuid(200 + n),
    repId: REP_ID,
    number: `CMD-2026-00000${n}`,
    orderedAt: '2026-11-24T09:00:00.000Z',
    deliveryDate: null,
    status: 'received',
    approval: 'not-needed',
    note: '',
    signature: null,
    confirmedAt: null,
    lines: [
      {
        id: uuid(300 + n),
        productId: uuid(400 + n),
        productReference: `REF-${n}`,
        productName: `Bière blonde ${n}`,
        quantity: 10,
        unitPriceCents: 123_456,
        discountBp: 0,
        vatRate: 20,
        totalExclCents: 1_234_560,
      },
    ],
    totalExclCents: 1_234_560,
    totalVatCents: 246_912,
    totalInclCents: 1_481_472,
    version: 1,
    updatedAt: '2026-11-24T09:00:00.000Z',
    customerName: `Brasserie ${n}`,
    repName: 'Camille Martin',
    repMaxDiscountBp: 1000,
    ...extra,
  } as OrderListItem;
}

function complaint(n: number, createdAt: string): ComplaintReview {
  const id = uuid(500 + n);
  return {
    complaint: {
      id,
      customerId: uuid(200 + n),
      orderId: null,
      productId: null,
      category: 'delivery',
      description: `Cartons écrasés ${n}`,
      severity: 'high',
      status: 'received',
      createdAt,
      version: 1,
    },
    customerName: `Brasserie ${n}`,
    repId: REP_ID,
    repName: 'Camille Martin',
    events: [
      {
        id: uuid(600 + n),
        complaintId: id,
        customerId: uuid(200 + n),
        previousStatus: null,
        status: 'received',
        note: '',
        byUserId: REP_ID,
        byName: 'Camille Martin',
        at: createdAt,
        satisfaction: null,
        version: 1,
      },
    ],
    attachments: [],
  };
}

/** Head office as the review screen sees it: a few orders and complaints, and their rules. */
class ReviewServer implements Transport {
  orders: OrderListItem[] = [];
  complaints: ComplaintReview[] = [];
  visits: VisitReview[] = [];
  calls: { method: Method; input: unknown }[] = [];

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    this.calls.push({ method, input });
    return this.answer(method, input as never) as Result<Output<M>>;
  }

  private answer(method: Method, input: Record<string, unknown>): Result<unknown> {
    switch (method) {
      case 'order-list':
        return ok({
          orders: this.orders.filter((o) => input.approval === undefined || o.approval === input.approval),
        });
      case 'order-approve': {
        const found = this.orders.find((o) => o.id === input.id)!;
        found.approval = input.decision as 'approved' | 'rejected';
        return ok({ order: found });
      }
      case 'order-set-status': {
        const found = this.orders.find((o) => o.id === input.id)!;
        if (input.status === 'confirmed' && found.approval === 'pending') {
          return fail('conflict', msg('order.approvalPending'), { field: 'status' });
        }
        found.status = input.status as OrderListItem['status'];
        return ok({ order: found });
      }
      case 'complaint-list':
        return ok({ complaints: this.complaints });
      case 'visit-list':
        return ok({ visits: this.visits });
      case 'complaint-update-status': {
        const found = this.complaints.find((c) => c.complaint.id === input.complaintId)!;
        const event = {
          ...found.events[0]!,
          id: uuid(700 + this.calls.length),
          previousStatus: found.complaint.status,
          status: input.status as ComplaintReview['complaint']['status'],
          note: input.note as string,
          byUserId: MANAGER.id,
          byName: MANAGER.name,
          at: '2026-11-25T10:00:00.000Z',
        };
        return ok({ complaint: { ...found.complaint, status: event.status, version: 2 }, event });
      }
      default:
        return fail('unknown-method', method);
    }
  }
}

function fakeEngine(state: SyncStatus['state']): SyncEngine {
  const status: SyncStatus = { state, pending: 0, lastSyncAt: null, download: null };
  return { subscribe: () => () => {}, getStatus: () => status } as unknown as SyncEngine;
}

function renderReview(server: ReviewServer, state: SyncStatus['state'] = 'idle') {
  return renderWithApp({} as AppDB, <ReviewScreen />, {
    user: MANAGER,
    transport: server,
    engine: fakeEngine(state),
  });
}

let server: ReviewServer;
beforeEach(() => {
  server = new ReviewServer();
  // React Aria's modal uses CSS.escape, which jsdom lacks.
  vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, (c) => `\\${c}`) });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('team review', () => {
  it('lists a discount above the limit, highlighted; approving removes it and announces it', async () => {
    const pending = order(1, { approval: 'pending' });
    pending.lines[0]!.discountBp = 1500;
    server.orders = [pending, order(2)];
    renderReview(server);
    expect(screen.getByRole('heading', { level: 1, name: 'Suivi équipe' })).toBeTruthy();
    const row = (await screen.findByText('CMD-2026-000001')).closest('tr')!;
    expect(within(row).getByText('Brasserie 1')).toBeTruthy();
    expect(within(row).getByText('Camille Martin')).toBeTruthy();
    expect(row.textContent).toMatch(/12\s345,60\s€/);
    expect(within(row).getByText(/Bière blonde 1 : 15\s%/).tagName).toBe('MARK');
    expect(within(row).getByText(/plafond 10\s%/)).toBeTruthy();
    expect(screen.queryByText('CMD-2026-000002')).toBeNull();

    fireEvent.click(
      within(row).getByRole('button', { name: 'Valider la remise de la commande CMD-2026-000001' }),
    );
    await waitFor(() => expect(screen.queryByText('CMD-2026-000001')).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Remise de la commande CMD-2026-000001 (Brasserie 1) validée.',
      ),
    );
    expect(server.calls.at(-1)).toEqual({
      method: 'order-approve',
      input: { id: pending.id, decision: 'approved' },
    });
    expect(screen.getByText('Aucune remise n’attend votre validation.')).toBeTruthy();
  });

  it('a rejection asks for confirmation first', async () => {
    server.orders = [order(1, { approval: 'pending' })];
    renderReview(server);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Refuser la remise de la commande CMD-2026-000001' }),
    );
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Refuser la remise de la commande CMD-2026-000001 ?')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revenir sans rien changer' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(server.calls.filter((c) => c.method === 'order-approve')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Refuser la remise de la commande CMD-2026-000001' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Refuser la remise' }),
    );
    await waitFor(() => expect(screen.queryByText('CMD-2026-000001')).toBeNull());
    expect(server.orders[0]?.approval).toBe('rejected');
  });

  it('orders tab: only legal moves; head office’s refusal to confirm a pending discount is shown', async () => {
    server.orders = [
      order(1, { approval: 'pending' }),
      order(2, { status: 'shipped', repName: 'Thomas Bernard', repId: uuid(9) }),
    ];
    renderReview(server);
    fireEvent.click(await screen.findByRole('tab', { name: 'Commandes' }));
    const first = (await screen.findByText('CMD-2026-000001')).closest('tr')!;
    expect(
      within(first)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Confirmer', 'Annuler']);
    const second = screen.getByText('CMD-2026-000002').closest('tr')!;
    expect(
      within(second)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Marquer livrée']);

    fireEvent.click(within(first).getByRole('button', { name: 'Confirmer la commande CMD-2026-000001' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le siège a refusé de changer la commande CMD-2026-000001.');
    expect(alert.textContent).toContain(
      'La remise de cette commande attend une validation : validez-la ou refusez-la d’abord.',
    );

    fireEvent.click(
      within(second).getByRole('button', { name: 'Marquer livrée la commande CMD-2026-000002' }),
    );
    await waitFor(() => expect(within(second).getByText('Livrée')).toBeTruthy());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain('Commande CMD-2026-000002 : Livrée.'),
    );

    fireEvent.change(screen.getByLabelText('Commercial'), { target: { value: uuid(9) } });
    expect(screen.queryByText('CMD-2026-000001')).toBeNull();
    expect(screen.getByText('CMD-2026-000002')).toBeTruthy();
  });

  it('complaints tab: filters by age, opens the timeline, refuses an empty note, moves it with a note', async () => {
    const now = Date.now();
    server.complaints = [
      complaint(1, new Date(now - 10 * 86_400_000).toISOString()),
      complaint(2, new Date(now - 3600_000).toISOString()),
    ];
    renderReview(server);
    fireEvent.click(await screen.findByRole('tab', { name: 'Réclamations' }));
    const old = (await screen.findByRole('button', { name: 'Brasserie 1' })).closest('tr')!;
    expect(old.textContent).toMatch(/10\sjours/);
    expect(within(old).getByText('Gravité forte')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Ancienneté'), { target: { value: '7' } });
    expect(screen.queryByRole('button', { name: 'Brasserie 2' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Brasserie 1' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('par Camille Martin', { exact: false })).toBeTruthy();
    expect(within(dialog).getByText('Cartons écrasés 1')).toBeTruthy();
    fireEvent.click(within(dialog).getByLabelText('Note seulement'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer au siège' }));
    const note = within(dialog).getByLabelText('Note (visible par le commercial)');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Écrivez une note, ou choisissez un nouveau statut.')).toBeTruthy();
    expect(server.calls.filter((c) => c.method === 'complaint-update-status')).toEqual([]);

    fireEvent.click(within(dialog).getByLabelText('Passer à « Prise en compte »'));
    fireEvent.change(note, { target: { value: 'Transporteur prévenu' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer au siège' }));
    await waitFor(() => expect(within(dialog).getByText('Transporteur prévenu')).toBeTruthy());
    expect(within(dialog).getByText('Reçue → Prise en compte', { exact: false })).toBeTruthy();
    expect(server.calls.at(-1)).toEqual({
      method: 'complaint-update-status',
      input: {
        complaintId: server.complaints[0]!.complaint.id,
        status: 'acknowledged',
        note: 'Transporteur prévenu',
      },
    });
    expect(within(dialog).getByRole('status').textContent).toBe('Enregistré au siège : Prise en compte.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toContain(
        'Réclamation de Brasserie 1 : Prise en compte.',
      ),
    );
    expect(
      within(screen.getByRole('button', { name: 'Brasserie 1' }).closest('tr')!).getByText('Prise en compte'),
    ).toBeTruthy();
  });

  it('complaints tab: resolving asks the customer’s satisfaction and sends it with the move', async () => {
    const c = complaint(1, new Date(Date.now() - 86_400_000).toISOString());
    c.complaint.status = 'in-progress';
    server.complaints = [c];
    renderReview(server);
    fireEvent.click(await screen.findByRole('tab', { name: 'Réclamations' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Brasserie 1' }));
    const dialog = await screen.findByRole('dialog');
    // Asked only when resolving.
    fireEvent.click(within(dialog).getByLabelText('Note seulement'));
    expect(within(dialog).queryByLabelText('Satisfaction du client sur la réponse')).toBeNull();
    fireEvent.click(within(dialog).getByLabelText('Passer à « Résolue »'));
    const satisfaction = await within(dialog).findByLabelText('Satisfaction du client sur la réponse');
    fireEvent.change(satisfaction, { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer au siège' }));
    await waitFor(() =>
      expect(server.calls.at(-1)).toEqual({
        method: 'complaint-update-status',
        input: { complaintId: c.complaint.id, status: 'resolved', note: '', satisfaction: 4 },
      }),
    );
  });

  it('offline: says so and asks head office nothing', async () => {
    server.orders = [order(1, { approval: 'pending' })];
    renderReview(server, 'offline');
    expect(screen.getByText('Hors ligne : cet écran a besoin du siège.')).toBeTruthy();
    expect(screen.getByText(/Hors ligne : rien à afficher/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(server.calls).toEqual([]);
  });

  it('visits tab: the team’s reports newest first, with the outcome, the reason and the next step; filtered by outcome', async () => {
    const visit = (n: number, extra: Partial<VisitReview>): VisitReview => ({
      ...noReportFields,
      id: uuid(900 + n),
      customerId: uuid(100 + n),
      repId: REP_ID,
      at: `2026-11-2${String(n)}T09:30:00.000Z`,
      channel: 'visit',
      outcome: 'order',
      objections: [],
      summary: `Résumé ${String(n)}`,
      version: 1,
      customerName: `Brasserie ${String(n)}`,
      repName: 'Camille Martin',
      ...extra,
    });
    server.visits = [
      visit(4, { outcome: 'no-sale', noSaleReason: 'competitor', nextStep: 'Rappeler en janvier' }),
      visit(3, { outcome: 'order', nextStep: 'Livrer lundi' }),
    ];
    renderReview(server);
    fireEvent.click(await screen.findByRole('tab', { name: 'Visites' }));
    const table = await screen.findByRole('table', { name: 'Comptes rendus de visite de l’équipe' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(
        /Brasserie 4.*Camille Martin.*Pas de vente.*Reste chez un concurrent.*Rappeler en janvier.*Résumé 4/,
      ),
      expect.stringMatching(/Brasserie 3.*Commande.*Livrer lundi.*Résumé 3/),
    ]);
    expect(server.calls.find((c) => c.method === 'visit-list')?.input).toMatchObject({ reported: true });
    fireEvent.change(screen.getByLabelText('Issue'), { target: { value: 'order' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 compte rendu')).toBeTruthy();
  });
});
