import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ComplaintEventRow, ComplaintRow, OrderRow } from '../../db/schema.js';
import type { AppDB } from '../../db/AppDB.js';
import { instantOn, todayIn } from '../../../shared/lib/calendar.js';
import { USER, makeAppointment, makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { TodayScreen } from './TodayScreen.js';

const TZ = 'Europe/Paris';
const MANAGER = '01900000-0000-7000-8000-0000000000ee';
const day = () => todayIn(TZ);
const at = (time: string) => instantOn(day(), time, TZ);

const nord = makeCustomer(1, { name: 'Brasserie du Nord', city: 'Villefranche' });
const sud = makeCustomer(2, { name: 'Café du Sud', city: 'Vienne' });
const est = makeCustomer(3, { name: 'Hôtel de l’Est', city: 'Meyzieu' });

function order(n: number, extra: Partial<OrderRow>): OrderRow {
  return {
    id: `01900000-0000-7000-a000-${n.toString(16).padStart(12, '0')}`,
    customerId: nord.id,
    repId: USER.id,
    number: `CMD-2026-00000${n}`,
    orderedAt: '2026-01-10T09:00:00.000Z',
    deliveryDate: null,
    status: 'received',
    approval: 'not-needed',
    lines: [],
    totalExclCents: 123_456,
    totalVatCents: 0,
    totalInclCents: 123_456,
    version: 1,
    updatedAt: '2026-01-10T09:00:00.000Z',
    ...extra,
  };
}

const complaint: ComplaintRow = {
  id: '01900000-0000-7000-b000-000000000001',
  customerId: sud.id,
  orderId: null,
  productId: null,
  category: 'delivery',
  description: 'Livraison abîmée',
  severity: 'medium',
  status: 'received',
  createdAt: '2026-01-05T09:00:00.000Z',
  version: 1,
};

let db: AppDB;
eachScreenDb('today-screen', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([nord, sud, est]);
});

async function seedDay() {
  await db.appointments.bulkPut([
    makeAppointment(1, sud.id, at('14:00')),
    makeAppointment(2, nord.id, at('09:00'), { objective: 'Présenter la gamme terrasse' }),
    makeAppointment(3, est.id, at('11:00'), { kind: 'call' }),
    // Another rep's appointment and tomorrow's are not today's.
    makeAppointment(4, est.id, at('10:00'), { repId: MANAGER }),
  ]);
}

describe('Today screen', () => {
  it('lists today’s appointments in time order, each with its brief and visit', async () => {
    await seedDay();
    renderWithApp(db, <TodayScreen />);
    expect(screen.getByRole('heading', { name: 'Aujourd’hui', level: 1 })).toBeTruthy();
    const items = await screen.findAllByTestId('today-appointment');
    expect(items.map((i) => within(i).getAllByRole('link')[0]!.textContent)).toEqual([
      'Brasserie du Nord',
      'Hôtel de l’Est',
      'Café du Sud',
    ]);
    expect(items[0]!.textContent).toContain('09:00');
    expect(items[0]!.textContent).toContain('Présenter la gamme terrasse');
    expect(items[1]!.textContent).toContain('Appel');
    expect(
      within(items[0]!)
        .getByRole('link', { name: 'Préparer la visite de Brasserie du Nord' })
        .getAttribute('href'),
    ).toBe('#/brief/01900000-0000-7000-9000-000000000002');
    expect(within(items[0]!).getByRole('button', { name: /Démarrer la visite/ })).toBeTruthy();
    expect((await screen.findByTestId('today-route-stops')).textContent).toMatch(/2 arrêts.*1 appel/);
  });

  it('says what to do on a day without appointments, and that nothing needs attention', async () => {
    renderWithApp(db, <TodayScreen />);
    expect(await screen.findByText('Aucun rendez-vous aujourd’hui')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ouvrir l’agenda' }).getAttribute('href')).toBe('#/agenda/day');
    expect(await screen.findByText(/Rien à traiter/)).toBeTruthy();
  });

  it('lists orders awaiting approval and open complaints, oldest first', async () => {
    const later: ComplaintRow = {
      ...complaint,
      id: '01900000-0000-7000-b000-000000000002',
      customerId: est.id,
      createdAt: '2026-02-01T09:00:00.000Z',
    };
    await db.complaints.bulkPut([
      later,
      complaint,
      { ...complaint, id: '01900000-0000-7000-b000-000000000003', status: 'closed' },
    ]);
    await db.orders.bulkPut([
      order(1, { approval: 'pending' }),
      order(2, { approval: 'approved' }),
      order(3, { approval: 'pending', repId: MANAGER }),
    ]);
    renderWithApp(db, <TodayScreen />);
    const awaiting = await screen.findByTestId('today-awaiting');
    const orders = within(awaiting).getAllByRole('link');
    expect(orders).toHaveLength(1);
    expect(orders[0]!.textContent).toContain('CMD-2026-000001');
    expect(orders[0]!.textContent).toContain('Brasserie du Nord');
    expect(orders[0]!.textContent).toMatch(/1\s234,56\s€/);
    expect(orders[0]!.getAttribute('href')).toBe(`#/orders/${order(1, {}).id}`);
    const complaints = within(screen.getByTestId('today-complaints')).getAllByRole('link');
    expect(complaints.map((c) => c.textContent?.split(' · ')[0])).toEqual(['Café du Sud', 'Hôtel de l’Est']);
    expect(screen.getByRole('link', { name: 'Toutes les réclamations (2)' })).toBeTruthy();
  });

  it('announces what head office changed since the last visit once, then not again', async () => {
    await seedDay();
    const confirmed = order(1, { status: 'received' });
    const discount = order(2, { approval: 'pending' });
    await db.orders.bulkPut([confirmed, discount]);
    await db.complaints.put(complaint);
    // First visit: nothing to compare with yet.
    const first = renderWithApp(db, <TodayScreen />);
    expect(await screen.findByText(/s’afficheront ici à partir de votre prochaine visite/)).toBeTruthy();
    await waitFor(async () => expect(await db.getMeta('todaySeen')).not.toBeNull());
    first.unmount();

    // A sync brings head office's decisions and the manager's appointment.
    const event: ComplaintEventRow = {
      id: '01900000-0000-7000-c000-000000000001',
      complaintId: complaint.id,
      customerId: complaint.customerId,
      previousStatus: 'received',
      status: 'acknowledged',
      note: '',
      byUserId: MANAGER,
      byName: 'Julien Mercier',
      at: '2026-01-06T09:00:00.000Z',
      satisfaction: null,
      version: 1,
    };
    await db.transaction('rw', [db.orders, db.complaints, db.complaintEvents, db.appointments], async () => {
      await db.orders.bulkPut([
        { ...confirmed, status: 'confirmed' },
        { ...discount, approval: 'rejected' },
      ]);
      await db.complaints.put({ ...complaint, status: 'acknowledged' });
      await db.complaintEvents.put(event);
      await db.appointments.put(
        makeAppointment(5, est.id, at('16:00'), { setByManagerName: 'Julien Mercier' }),
      );
    });
    const second = renderWithApp(db, <TodayScreen />);
    const since = await screen.findByTestId('today-since');
    await waitFor(() => expect(within(since).getAllByRole('listitem')).toHaveLength(4));
    const text = since.textContent ?? '';
    expect(text).toContain('Commande CMD-2026-000001 confirmée par le siège');
    expect(text).toContain('Remise refusée sur la commande CMD-2026-000002');
    expect(text).toContain('Réclamation de Café du Sud : Prise en compte (par Julien Mercier)');
    expect(text).toContain('Julien Mercier a fixé un rendez-vous avec Hôtel de l’Est');
    second.unmount();

    // Seen once: the next visit does not announce them again.
    renderWithApp(db, <TodayScreen />);
    expect(await screen.findByText('Rien de nouveau depuis votre dernière visite.')).toBeTruthy();
  });

  it('“Mark as seen” empties the list, and the rep’s own moves are not announced', async () => {
    await db.complaints.put(complaint);
    await db.orders.put(order(1, {}));
    const first = renderWithApp(db, <TodayScreen />);
    await waitFor(async () => expect(await db.getMeta('todaySeen')).not.toBeNull());
    first.unmount();
    await db.orders.put(order(1, { status: 'shipped' }));
    await db.complaints.put({ ...complaint, status: 'closed' });
    await db.complaintEvents.put({
      id: '01900000-0000-7000-c000-000000000002',
      complaintId: complaint.id,
      customerId: complaint.customerId,
      previousStatus: 'received',
      status: 'closed',
      note: '',
      byUserId: USER.id,
      byName: USER.name,
      at: '2026-01-06T09:00:00.000Z',
      satisfaction: 5,
      version: 1,
    });
    renderWithApp(db, <TodayScreen />);
    const since = await screen.findByTestId('today-since');
    await waitFor(() => expect(within(since).getAllByRole('listitem')).toHaveLength(1));
    expect(since.textContent).toContain('Commande CMD-2026-000001 expédiée');
    fireEvent.click(within(since).getByRole('button', { name: 'Marquer comme vu' }));
    expect(await within(since).findByText('Rien de nouveau depuis votre dernière visite.')).toBeTruthy();
  });
});
