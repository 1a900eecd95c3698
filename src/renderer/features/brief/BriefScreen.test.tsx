import 'fake-indexeddb/auto';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noReportFields } from '../../../shared/domain/activity/activity.js';
import type { Order } from '../../../shared/domain/order/order.js';
import type { AppDB } from '../../db/AppDB.js';
import type { AppointmentRow, ContactRow, VisitRow } from '../../db/schema.js';
import { makeCustomer, USER } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { BriefScreen } from './BriefScreen.js';

const NOW = new Date('2026-11-24T10:00:00.000Z');
const customer = makeCustomer(1, { name: 'Brasserie Les Célestins', city: 'Lyon', postcode: '69002' });
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
const id = (prefix: string, n: number) => `01900000-0000-7000-${prefix}-${n.toString(16).padStart(12, '0')}`;

function order(n: number, days: number, status: Order['status'], productIds: string[]): Order {
  return {
    id: id('9000', n),
    customerId: customer.id,
    repId: null,
    number: `CMD-2026-${String(n).padStart(6, '0')}`,
    orderedAt: daysAgo(days),
    deliveryDate: null,
    status,
    lines: productIds.map((p, i) => ({
      id: id('9100', n * 10 + i),
      productId: id('9200', Number(p)),
      productReference: `REF-${p}`,
      productName: `Produit ${p}`,
      quantity: 1,
      unitPriceCents: 10_000,
      discountBp: 0,
      vatRate: 2000,
      totalExclCents: 10_000,
    })),
    totalExclCents: 10_000 * productIds.length,
    totalVatCents: 2_000 * productIds.length,
    totalInclCents: 12_000 * productIds.length,
    version: 1,
    updatedAt: daysAgo(days),
  };
}

const contact: ContactRow = {
  id: id('9300', 1),
  customerId: customer.id,
  firstName: 'Léa',
  lastName: 'Morel',
  role: 'Gérante',
  phone: '04 78 00 00 01',
  mobile: '',
  email: 'lea.morel@example.fr',
  decisionMaker: true,
  preferredChannel: 'visit',
  anonymisedAt: null,
  version: 1,
  updatedAt: daysAgo(10),
};
const appointment: AppointmentRow = {
  id: id('9400', 1),
  customerId: customer.id,
  contactId: contact.id,
  repId: USER.id,
  kind: 'visit',
  startAt: '2026-11-26T08:30:00.000Z',
  durationMinutes: 45,
  objective: 'Présenter la gamme terrasse',
  notes: '',
  status: 'planned',
  setByManagerName: null,
  version: 1,
  updatedAt: daysAgo(1),
};
const visit: VisitRow = {
  id: id('9500', 1),
  customerId: customer.id,
  repId: USER.id,
  at: daysAgo(30),
  channel: 'visit',
  outcome: 'no-sale',
  objections: [{ text: 'Trop cher', lifted: false }],
  summary: 'Pas de budget avant janvier.',
  ...noReportFields,
  version: 1,
};

let db: AppDB;
eachScreenDb('brief', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await db.contacts.put(contact);
  await db.appointments.put(appointment);
  await db.visits.put(visit);
  // Gaps 30, 30, 80, 30, 25 days → rhythm 30 → quiet window 90 days. Product 1: 3 orders
  // before it, none since → stopped; product 2 bought since → not. One open order.
  await db.orders.bulkPut([
    order(1, 200, 'delivered', ['1', '2']),
    order(2, 170, 'delivered', ['1', '2']),
    order(3, 140, 'delivered', ['1', '2']),
    order(4, 60, 'delivered', ['2']),
    order(5, 30, 'delivered', ['2']),
    order(6, 5, 'confirmed', ['2', '3']),
  ]);
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('brief screen', () => {
  it('shows the visit header and every section from local data', async () => {
    renderWithApp(db, <BriefScreen appointmentId={appointment.id} />);
    await screen.findByRole('heading', { level: 1, name: 'Préparation de visite : Brasserie Les Célestins' });
    expect(document.querySelector('[data-brief="objective"]')?.textContent).toBe(
      'Présenter la gamme terrasse',
    );
    expect(document.querySelector('[data-brief="meet"]')?.textContent).toBe('Léa Morel — Gérante');
    const section = (name: string) => document.querySelector(`[data-section="${name}"]`)?.textContent ?? '';
    expect(section('people')).toContain('Décideur');
    expect(section('visits')).toContain('Pas de vente');
    expect(section('objections')).toContain('« Trop cher »');
    expect(section('objections')).toContain('non levée');
    expect(section('orders')).toContain('CMD-2026-000006');
    expect(section('orders')).toContain('Confirmée');
    expect(section('complaints')).toContain('Aucune réclamation ouverte.');
    expect(section('stopped')).toContain('Produit 1');
    expect(section('stopped')).not.toContain('Produit 2');
    expect(section('stopped')).toContain('3 commandes');
    expect(document.querySelector('[data-figure="rhythm"]')?.textContent).toContain(
      'rythme habituel 30 jours',
    );
    await waitFor(() =>
      expect(document.querySelector('article.brief')?.getAttribute('data-brief-ready')).toBe('true'),
    );
    expect(document.querySelector('[data-figure="rfm"]')?.textContent).toMatch(/R \d · F \d · M \d/);
    expect(section('freshness')).toContain('Jamais synchronisé');
    expect(section('freshness')).toContain('Données peut-être périmées');
  });

  it('in English, from the route, on a visit already done: the way back, no visit to start, words for today', async () => {
    await db.appointments.put({ ...appointment, status: 'done' });
    await db.complaints.put({
      id: id('9600', 1),
      customerId: customer.id,
      orderId: null,
      productId: null,
      // A label an older demo database stored instead of a category code.
      category: 'Retard de livraison',
      description: 'Livrée après le service.',
      severity: 'high',
      status: 'received',
      createdAt: NOW.toISOString(),
      version: 1,
    });
    renderWithApp(db, <BriefScreen appointmentId={appointment.id} from="route" />, { locale: 'en' });
    const back = await screen.findByRole('link', { name: 'Back to the route' });
    expect(back.getAttribute('href')).toBe('#/route/2026-11-26');
    expect(screen.queryByRole('button', { name: /Start the visit/ })).toBeNull();
    await waitFor(() =>
      expect(document.querySelector('[data-brief="meet"]')?.textContent).toBe('Léa Morel — Manager'),
    );
    const complaints = document.querySelector('[data-section="complaints"]')?.textContent ?? '';
    expect(complaints).toContain('Delivery (late, damaged)');
    expect(complaints).toContain('opened today');
  });

  it('says when the appointment is not on this laptop, with a way back to the agenda', async () => {
    renderWithApp(db, <BriefScreen appointmentId={id('9400', 99)} />);
    expect(await screen.findByText('Rendez-vous introuvable')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Retour à l’agenda' }).getAttribute('href')).toBe('#/agenda/day');
  });

  it('says when the customer left the portfolio', async () => {
    await db.customers.delete(customer.id);
    renderWithApp(db, <BriefScreen appointmentId={appointment.id} />);
    expect(await screen.findAllByText('Client sorti de votre portefeuille')).not.toHaveLength(0);
    expect(document.querySelector('[data-brief="objective"]')?.textContent).toBe(
      'Présenter la gamme terrasse',
    );
  });
});
