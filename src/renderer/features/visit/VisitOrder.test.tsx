import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { goToStep, newVisitDraft } from '../../../shared/domain/visit/index.js';
import { parseRoute } from '../../app/router.js';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
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

    cleanup();
    renderWithApp(db, <VisitScreen draftId={draft.id} />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Annonce du prix' })).toBeTruthy();
    fireEvent.keyDown(window, { key: '7', code: 'Digit7', altKey: true });
    const listed = await screen.findByRole('link', { name: /^Commande numéro en attente : 12,00\s€ TTC$/ });
    expect(listed.getAttribute('href')).toBe(`#/orders/${orderId}`);
  });

  it('parses drafts saved before order taking (no orderIds)', async () => {
    const { orderIds: _omitted, ...old } = draft;
    await db.visitDrafts.put(old as typeof draft);
    expect((await loadDraft(db, draft.id))?.orderIds).toEqual([]);
  });
});
