import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../../shared/domain/order/order.js';
import type { AppDB } from '../../db/AppDB.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { CustomerPage } from './CustomerPage.js';
import { keyFigures } from './keyFigures.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const customer = makeCustomer(1, { name: 'Brasserie Les Célestins' });
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
let seq = 0;
function order(days: number, totalExclCents: number, status: Order['status'] = 'delivered'): Order {
  seq += 1;
  const hex = seq.toString(16).padStart(12, '0');
  return {
    id: `01900000-0000-7000-9000-${hex}`,
    customerId: customer.id,
    repId: null,
    number: `CMD-2026-${String(seq).padStart(6, '0')}`,
    orderedAt: daysAgo(days),
    deliveryDate: null,
    status,
    lines: [],
    totalExclCents,
    totalVatCents: Math.round(totalExclCents / 5),
    totalInclCents: totalExclCents + Math.round(totalExclCents / 5),
    version: 1,
    updatedAt: daysAgo(days),
  };
}
// Orders 71, 92, 113 and 134 days ago (rhythm 21 days), one 400 days ago (outside 12 months),
// one cancelled (ignored): 4 orders, 1 200,00 € → average ticket 300,00 €.
const orders = [
  order(71, 30_000),
  order(92, 50_000),
  order(113, 10_000),
  order(134, 30_000),
  order(400, 99_900),
  order(80, 77_700, 'cancelled'),
];

describe('keyFigures (hand-computed)', () => {
  it('gives last order, 12-month orders and revenue, average ticket and days vs rhythm', () => {
    expect(keyFigures(customer.id, orders, NOW)).toEqual({
      lastOrderAt: daysAgo(71),
      ordersLast12Months: 4,
      revenueLast12MonthsCents: 120_000,
      averageTicketCents: 30_000,
      daysSinceLastOrder: 71,
      rhythmDays: 21,
      overdue: true,
    });
  });
  it('no order: no average ticket', () => {
    expect(keyFigures(customer.id, [], NOW)).toMatchObject({
      averageTicketCents: null,
      daysSinceLastOrder: null,
    });
  });
});

let db: AppDB;
eachScreenDb('c360', async (fresh) => {
  db = fresh;
  await db.customers.put({ ...customer, competitors: ['Metro'], preferredVisitDays: [2] });
  await db.orders.bulkPut(orders);
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('customer 360', () => {
  it('shows the key figures through Intl, with the rhythm flag, and keyboard tabs', async () => {
    renderWithApp(db, <CustomerPage id={customer.id} />);
    await screen.findByRole('heading', { level: 1, name: 'Brasserie Les Célestins' });
    const figure = async (name: string) =>
      nbsp((await waitFor(() => document.querySelector(`[data-figure="${name}"]`)!)).textContent ?? '');
    expect(await figure('orders-12')).toBe('4');
    expect(await figure('revenue-12')).toBe('1 200,00 €');
    expect(await figure('average-ticket')).toBe('300,00 €');
    expect(await figure('rhythm')).toBe('71 j — rythme habituel 21 j Plus de 2× le rythme habituel');
    await waitFor(() =>
      expect(document.querySelector('[data-figure="rfm"]')?.textContent).toMatch(/R \d · F \d · M \d/),
    );

    const tabs = screen.getByRole('tablist', { name: 'Fiche client' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual([
      'Vue d’ensemble',
      'Contacts',
      'Commandes',
      'Visites',
      'Réclamations',
      'Données & consentements',
    ]);
    fireEvent.click(within(tabs).getByRole('tab', { name: 'Commandes' }));
    expect(await screen.findByText('6 commandes')).toBeTruthy();
  });

  it('in English, contacts’ roles and where a consent was collected are translated', async () => {
    const contactId = '01900000-0000-7000-a000-000000000001';
    await db.contacts.put({
      id: contactId,
      customerId: customer.id,
      firstName: 'Léa',
      lastName: 'Morel',
      role: 'Gérante',
      phone: '',
      mobile: '',
      email: '',
      decisionMaker: true,
      preferredChannel: 'visit',
      anonymisedAt: null,
      version: 1,
      updatedAt: daysAgo(10),
    });
    await db.consents.put({
      id: '01900000-0000-7000-a000-000000000002',
      customerId: customer.id,
      contactId,
      purpose: 'email-marketing',
      granted: true,
      at: daysAgo(10),
      source: 'visit',
    });
    renderWithApp(db, <CustomerPage id={customer.id} />, { locale: 'en' });
    const tabs = await screen.findByRole('tablist');
    fireEvent.click(within(tabs).getByRole('tab', { name: 'Contacts' }));
    expect(await screen.findByText('Manager')).toBeTruthy();
    fireEvent.click(within(tabs).getByRole('tab', { name: 'Data & consents' }));
    const table = await screen.findByRole('table');
    expect(table.textContent).toContain('Granted');
    expect(table.textContent).toContain('at a visit');
  });

  it('an invalid SIRET shows the summary and the inline error, and saves nothing', async () => {
    renderWithApp(db, <CustomerPage id={customer.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier la fiche' }));
    fireEvent.change(screen.getByLabelText('SIRET'), { target: { value: '732 829 320 00075' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Il y a un problème');
    expect(within(summary).getByRole('link', { name: /SIRET doit comporter 14 chiffres/ })).toBeTruthy();
    expect(screen.getByLabelText('SIRET').getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findAllByText(/SIRET doit comporter 14 chiffres/)).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.customers.get(customer.id))?.siret).toBe('');
  });

  it('a valid edit writes the row and one outbox entry (declarative fields and arrays)', async () => {
    renderWithApp(db, <CustomerPage id={customer.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier la fiche' }));
    fireEvent.change(screen.getByLabelText('SIRET'), { target: { value: '732 829 320 00074' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'jeudi' }));
    fireEvent.change(screen.getByLabelText('Concurrents aussi utilisés'), { target: { value: 'Promocash' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Retirer Metro' }));
    fireEvent.change(screen.getByLabelText('Horaires d’ouverture'), { target: { value: '7h–15h' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      name: 'customer-update',
      args: {
        id: customer.id,
        baseVersion: 1,
        changes: {
          siret: '73282932000074',
          preferredVisitDays: [2, 4],
          competitors: ['Promocash'],
          openingHours: '7h–15h',
        },
      },
    });
    if (entry?.name !== 'customer-update') throw new Error('expected a customer-update');
    expect(Object.keys(entry.args.changes).sort()).toEqual([
      'competitors',
      'openingHours',
      'preferredVisitDays',
      'siret',
    ]);
    expect(await db.customers.get(customer.id)).toMatchObject({
      siret: '73282932000074',
      competitors: ['Promocash'],
    });
    expect(await screen.findByText('Modifications enregistrées sur ce portable.')).toBeTruthy();
  });
});
