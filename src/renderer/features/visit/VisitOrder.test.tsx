import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { goToStep, newVisitDraft } from '../../../shared/domain/visit/index.js';
import { parseRoute } from '../../app/router.js';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { typeInField } from '../../test/dateFields.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { OrderScreen } from '../orders/index.js';
import { loadDraft, saveDraft } from './store.js';
import { VisitScreen } from './VisitScreen.js';

const customer = makeCustomer(1, { name: 'Brasserie Les Célestins', priceGroup: 'CHR' });
const draft = goToStep(
  newVisitDraft({
    id: '019ab000-0000-7000-8000-0000000000d3',
    customerId: customer.id,
    appointmentId: null,
    returnTo: `#/customers/${customer.id}`,
    playbookVersion: 1,
    now: '2026-11-24T09:00:00.000Z',
  }),
  'price',
);
const product = {
  id: '019ab000-0000-7000-8000-0000000000a1',
  reference: 'BIE-020',
  name: 'Bière blonde fût 20 L',
  family: 'Bières',
  unit: 'fût 20 L',
  vatRate: 2000 as const,
  active: true,
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000Z',
};
const priceList = {
  id: '019ab000-0000-7000-8000-0000000000b1',
  code: 'CHR',
  name: 'Tarif CHR',
  customerGroup: 'CHR',
  validFrom: '2020-01-01',
  validTo: null,
  version: 1,
  updatedAt: '2026-11-01T08:00:00.000Z',
};
const price = {
  id: '019ab000-0000-7000-8000-0000000000c1',
  priceListId: priceList.id,
  productId: product.id,
  breaks: [{ minQuantity: 1, unitPriceCents: 1000 }],
  version: 1,
};

let db: AppDB;
eachScreenDb('visit-order', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await db.products.put(product);
  await db.priceLists.put(priceList);
  await db.prices.put(price);
  await saveDraft(db, draft);
  window.location.hash = `#/visit/${draft.id}`;
});

describe('an order taken during a visit', () => {
  it('is taken from the price step, comes back to the visit and is listed in the conclusion', async () => {
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Annonce du prix' })).toBeTruthy();
    const take = screen.getByRole('link', { name: 'Prendre une commande' });
    const href = take.getAttribute('href') ?? '';
    expect(parseRoute(href)).toEqual({ name: 'orderNew', customerId: customer.id, visitId: draft.id });

    // The order screen, opened from the visit.
    cleanup();
    const route = parseRoute(href);
    if (route.name !== 'orderNew') throw new Error('not an order route');
    window.location.hash = href;
    renderWithApp(
      db,
      <OrderScreen customerId={route.customerId} orderId={null} visitId={route.visitId ?? null} />,
    );
    expect(
      await screen.findByRole('link', { name: /Retour à la visite : Brasserie Les Célestins/ }),
    ).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Ajouter un produit (nom, référence ou famille)'), {
      target: { value: 'BIE-020' },
    });
    fireEvent.click(await screen.findByRole('button', { name: /BIE-020 Bière blonde fût 20 L/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la commande' }));

    // Saved: recorded in the visit, and back to it.
    await waitFor(() => expect(window.location.hash).toBe(`#/visit/${draft.id}`));
    const stored = await loadDraft(db, draft.id);
    expect(stored?.orderIds).toHaveLength(1);
    expect(stored?.currentStep).toBe('price');
    const orderId = stored!.orderIds[0]!;
    expect((await db.orders.get(orderId))?.totalInclCents).toBe(1200);

    // Back in the visit, at the price step: the order is shown, amount excl. tax and lines.
    cleanup();
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Annonce du prix' })).toBeTruthy();
    const taken = await screen.findByRole('region', { name: 'Commandes prises pendant la visite' });
    const link = within(taken).getByRole('link', {
      name: 'Commande (numéro attribué à la synchronisation)',
    });
    expect(link.getAttribute('href')).toBe(`#/orders/${orderId}`);
    expect(taken.textContent).toMatch(/10,00\s€ HT, 1 ligne/);
    expect(taken.textContent).toMatch(/1 × Bière blonde fût 20 L : 10,00\s€ HT/);
    // The price step recorded nothing itself, the closing has the order: done.
    const rail = screen.getByRole('navigation', { name: 'Étapes de la visite' });
    expect(within(rail).getByRole('button', { name: /^Conclusion/ }).textContent).toContain('(faite)');

    // Also shown at the closing.
    fireEvent.keyDown(window, { key: '7', code: 'Digit7', altKey: true });
    await screen.findByRole('heading', { level: 2, name: 'Conclusion' });
    expect(
      within(await screen.findByRole('region', { name: 'Commandes prises pendant la visite' })).getByRole(
        'link',
        { name: 'Commande (numéro attribué à la synchronisation)' },
      ),
    ).toBeTruthy();
  });

  it('ends with a report stating the order and the complaint logged, and a follow-up planned with the order', async () => {
    const order = {
      id: '019ab000-0000-7000-8000-0000000000e1',
      customerId: customer.id,
      repId: null,
      number: 'CMD-2026-000412',
      orderedAt: '2026-11-24T09:20:00.000Z',
      deliveryDate: null,
      status: 'received' as const,
      lines: [
        {
          id: '019ab000-0000-7000-8000-0000000000e2',
          productId: product.id,
          productReference: product.reference,
          productName: product.name,
          quantity: 12,
          unitPriceCents: 1000,
          discountBp: 0,
          vatRate: 2000 as const,
          totalExclCents: 12_000,
        },
        {
          id: '019ab000-0000-7000-8000-0000000000e3',
          productId: '019ab000-0000-7000-8000-0000000000a2',
          productReference: 'EAU-050',
          productName: 'Eau plate 50 cl',
          quantity: 24,
          unitPriceCents: 50,
          discountBp: 0,
          vatRate: 550 as const,
          totalExclCents: 1_200,
        },
      ],
      totalExclCents: 13_200,
      totalVatCents: 2_466,
      totalInclCents: 15_666,
      version: 0,
      updatedAt: '2026-11-24T09:20:00.000Z',
    };
    await db.orders.put(order);
    await saveDraft(db, { ...draft, orderIds: [order.id] });
    const complaint = {
      customerId: customer.id,
      orderId: null,
      productId: null,
      description: 'Fût livré percé',
      severity: 'medium' as const,
      status: 'received' as const,
      version: 0,
    };
    // One logged during the visit, one long before it (not this visit's).
    await db.complaints.bulkPut([
      {
        ...complaint,
        id: '019ab000-0000-7000-8000-0000000000f1',
        category: 'delivery',
        createdAt: '2026-11-24T09:10:00.000Z',
      },
      {
        ...complaint,
        id: '019ab000-0000-7000-8000-0000000000f2',
        category: 'billing',
        createdAt: '2026-10-02T09:10:00.000Z',
      },
    ]);

    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    await screen.findByRole('heading', { level: 2, name: 'Annonce du prix' });
    fireEvent.keyDown(window, { key: '8', code: 'Digit8', altKey: true });
    await screen.findByRole('heading', { level: 2, name: 'Compte rendu' });
    const summary = screen.getByLabelText('Résumé') as HTMLTextAreaElement;
    await waitFor(() =>
      expect(summary.value).toMatch(
        /^Commande CMD-2026-000412 prise : 132,00\s€ HT, 2 lignes\. Réclamation enregistrée pendant la visite : Livraison \(retard, casse\)\.$/,
      ),
    );
    expect((screen.getByRole('radio', { name: 'Commande' }) as HTMLInputElement).checked).toBe(true);

    // A follow-up appointment as well as the order.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Planifier aussi un rendez-vous de suivi' }));
    const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
    const [y, m, d] = day.split('-');
    // The day and time fields read as the French UI writes them: jj/mm/aaaa, 24-hour.
    typeInField(await screen.findByRole('group', { name: 'Jour' }), `${d}${m}${y}`);
    typeInField(screen.getByRole('group', { name: 'Heure' }), '0715');
    fireEvent.change(screen.getByLabelText('Objectif du prochain rendez-vous'), {
      target: { value: 'Livrer la terrasse' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le compte rendu et terminer' }));
    await waitFor(() => expect(window.location.hash).toBe(draft.returnTo));

    const [visit] = await db.visits.toArray();
    expect(visit).toMatchObject({ outcome: 'order', orderIds: [order.id] });
    expect(visit?.followUpAppointmentId).toBeTruthy();
    expect(await db.appointments.get(visit!.followUpAppointmentId!)).toMatchObject({
      customerId: customer.id,
      objective: 'Livrer la terrasse',
      status: 'planned',
    });
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['appointment-create', 'visit-log']);
  });

  it('parses drafts saved before order taking (no orderIds)', async () => {
    const { orderIds: _omitted, ...old } = draft;
    await db.visitDrafts.put(old as typeof draft);
    expect((await loadDraft(db, draft.id))?.orderIds).toEqual([]);
  });
});
