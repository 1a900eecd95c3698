import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { FakeServer, makeAppointment, makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { buildDayPlan } from './dayPlanModel.js';
import { RouteScreen } from './routeScreen/RouteScreen.js';

const DAY = '2026-11-26';

const appointment = makeAppointment;

// Lyon area: A north (Villefranche), B south (Vienne), C east (Meyzieu), no coordinates for D.
const a = makeCustomer(1, {
  name: 'Brasserie du Nord',
  latitude: 45.9897,
  longitude: 4.7186,
  city: 'Villefranche',
});
const b = makeCustomer(2, { name: 'Café du Sud', latitude: 45.5256, longitude: 4.8742, city: 'Vienne' });
const c = makeCustomer(3, { name: 'Hôtel de l’Est', latitude: 45.7667, longitude: 5.0036, city: 'Meyzieu' });
const d = makeCustomer(4, { name: 'Sans Position', latitude: null, longitude: null, postcode: '99999' });
const near = makeCustomer(5, {
  name: 'Prospect Voisin',
  status: 'prospect',
  latitude: 45.8,
  longitude: 4.85,
});

let db: AppDB;
eachScreenDb('route-screen', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([a, b, c, d, near]);
  await db.appointments.bulkPut([
    appointment(1, a.id, '2026-11-26T08:00:00.000Z'), // 09:00 Paris
    appointment(2, c.id, '2026-11-26T13:00:00.000Z'), // 14:00 Paris
    appointment(3, d.id, '2026-11-26T15:00:00.000Z'),
    appointment(4, b.id, '2026-11-26T10:00:00.000Z', { status: 'cancelled' }),
  ]);
});

describe('route screen', () => {
  it('asks for the start point when it is not set, and still lists the day', async () => {
    renderWithApp(db, <RouteScreen day={DAY} />);
    expect(await screen.findByText('Indiquez votre point de départ')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Choisir le point de départ' }).getAttribute('href')).toBe(
      '#/settings',
    );
    expect(await screen.findAllByTestId('route-stop')).toHaveLength(2);
    // The customer without coordinates nor known town is listed apart, with the reason.
    const apart = screen.getByTestId('route-unplaced');
    expect(apart.textContent).toContain('Sans Position');
    expect(apart.textContent).toContain('99999');
  });

  it('shows totals, reorders by keyboard with an announcement, and keeps the order', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    const stops = await screen.findAllByTestId('route-stop');
    expect(stops.map((s) => within(s).getAllByRole('link')[0]!.textContent)).toEqual([
      'Brasserie du Nord',
      'Hôtel de l’Est',
    ]);
    const before = screen.getByTestId('route-total-km').textContent;
    expect(before).toMatch(/km/);

    const handle = screen.getByRole('button', { name: /Déplacer Brasserie du Nord/ });
    fireEvent.keyDown(handle, { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect((await db.dayPlans.get(DAY))?.order).toHaveLength(2));
    const saved = await db.dayPlans.get(DAY);
    expect(saved?.order[1]).toBe('01900000-0000-7000-9000-000000000001');
    await waitFor(() =>
      expect(screen.getAllByText(/est maintenant en position 2 sur 2/).length).toBeGreaterThan(0),
    );
    // The 9:00 appointment is now late: flagged.
    expect((await screen.findAllByText(/En retard de/)).length).toBeGreaterThan(0);
  });

  it('warns by how much a move makes an appointment late, and « Annuler » puts the order back', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    const handle = await screen.findByRole('button', { name: /Déplacer Brasserie du Nord/ });
    fireEvent.keyDown(handle, { key: 'ArrowDown', altKey: true });
    const warning = await screen.findByTestId('route-late-move');
    // 09:00 Paris, reached after the 14:00 visit: five hours and more late.
    expect(warning.textContent).toMatch(
      /vous arriveriez chez Brasserie du Nord avec \d+ h( \d+ min)? de retard sur le rendez-vous de 09:00/,
    );
    // Said to screen readers too, with the way back.
    await waitFor(() =>
      expect(screen.getByRole('status', { name: '' }).textContent).toContain('Ctrl+Z sur la poignée'),
    );

    fireEvent.click(within(warning).getByRole('button', { name: 'Annuler' }));
    await waitFor(async () =>
      expect((await db.dayPlans.get(DAY))?.order).toEqual([
        '01900000-0000-7000-9000-000000000001',
        '01900000-0000-7000-9000-000000000002',
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId('route-late-move')).toBeNull());
    await waitFor(() => expect(screen.queryAllByText(/En retard de/)).toHaveLength(0));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /Déplacer Brasserie du Nord/ })),
    );
  });

  it('undoes a late move with Ctrl+Z on the handle; a move that keeps every time says nothing', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    await db.dayPlans.put({
      day: DAY,
      order: [],
      extraCustomerIds: [near.id],
      departureTime: null,
      updatedAt: '2026-11-25T08:00:00.000Z',
    });
    renderWithApp(db, <RouteScreen day={DAY} />);
    await waitFor(() => expect(screen.getAllByTestId('route-stop')).toHaveLength(3));
    // The added visit (no fixed time) moves up before the 14:00 appointment: nobody is late.
    fireEvent.keyDown(screen.getByRole('button', { name: /Déplacer Prospect Voisin/ }), {
      key: 'ArrowUp',
      altKey: true,
    });
    await waitFor(() =>
      expect(
        screen.getAllByText(/Prospect Voisin est maintenant en position 2 sur 3/).length,
      ).toBeGreaterThan(0),
    );
    expect(screen.queryByTestId('route-late-move')).toBeNull();

    const handle = screen.getByRole('button', { name: /Déplacer Brasserie du Nord/ });
    fireEvent.keyDown(handle, { key: 'ArrowDown', altKey: true });
    await screen.findByTestId('route-late-move');
    const moved = (await db.dayPlans.get(DAY))?.order;
    expect(moved?.[1]).toBe('01900000-0000-7000-9000-000000000001');
    fireEvent.keyDown(screen.getByRole('button', { name: /Déplacer Brasserie du Nord/ }), {
      key: 'z',
      ctrlKey: true,
    });
    await waitFor(async () =>
      expect((await db.dayPlans.get(DAY))?.order[0]).toBe('01900000-0000-7000-9000-000000000001'),
    );
    await waitFor(() => expect(screen.getAllByText(/Ordre précédent rétabli/).length).toBeGreaterThan(0));
  });

  it('hands each stop to Waze, Google Maps or Plans when online, and says why not offline', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    const [first] = await screen.findAllByTestId('route-stop');
    const waze = within(first!).getByRole('link', {
      name: 'Ouvrir le trajet vers Brasserie du Nord dans Waze (navigateur)',
    });
    expect(waze.getAttribute('href')).toBe('https://waze.com/ul?ll=45.9897,4.7186&navigate=yes');
    expect(waze.getAttribute('target')).toBe('_blank');
    expect(waze.getAttribute('rel')).toBe('noopener noreferrer');
    expect(
      within(first!)
        .getByRole('link', { name: /dans Google Maps/ })
        .getAttribute('href'),
    ).toBe('https://www.google.com/maps/dir/?api=1&destination=45.9897,4.7186');
    expect(
      within(first!)
        .getByRole('link', { name: /dans Plans/ })
        .getAttribute('href'),
    ).toBe('https://maps.apple.com/?daddr=45.9897,4.7186');
  });

  it('hides the GPS links offline, with the reason', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    const office = new FakeServer();
    office.unreachable = true;
    const { engine } = renderWithApp(db, <RouteScreen day={DAY} />, { online: false, transport: office });
    await engine.syncNow().catch(() => {});
    const [first] = await screen.findAllByTestId('route-stop');
    await waitFor(() =>
      expect(within(first!).getByTestId('route-stop-nav').textContent).toBe(
        'Hors ligne : Waze, Google Maps et Plans attendent le réseau.',
      ),
    );
    expect(within(first!).queryByRole('link', { name: /Waze/ })).toBeNull();
  });

  it('suggests a nearby prospect with its reason and adds it to the day', async () => {
    await db.setMeta('routeStart', { label: 'Bureau de Lyon', lat: 45.764, lon: 4.8357 });
    renderWithApp(db, <RouteScreen day={DAY} />);
    const suggestion = await screen.findByTestId('route-suggestion', {}, { timeout: 5000 });
    expect(suggestion.textContent).toContain('Prospect Voisin');
    expect(suggestion.textContent).toContain('Prospect à rencontrer');
    fireEvent.click(within(suggestion).getByRole('button', { name: 'Ajouter Prospect Voisin à la journée' }));
    await waitFor(async () => expect((await db.dayPlans.get(DAY))?.extraCustomerIds).toEqual([near.id]));
    await waitFor(() => expect(screen.getAllByTestId('route-stop')).toHaveLength(3));
  });

  it('shows the empty day with a way to the agenda', async () => {
    renderWithApp(db, <RouteScreen day="2026-12-01" />);
    expect(await screen.findByText('Aucun rendez-vous ce jour-là')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Agenda du jour' }).getAttribute('href')).toBe(
      '#/agenda/day/2026-12-01',
    );
  });
});

describe('buildDayPlan', () => {
  it('places a customer without coordinates at its postcode town, flagged approximate', () => {
    const ready = buildDayPlan(
      {
        day: DAY,
        timeZone: 'Europe/Paris',
        start: { label: 'Lyon', lat: 45.764, lon: 4.8357 },
        travel: { roadFactor: 1.3, speedKmh: 60 },
        row: null,
        appointments: [appointment(3, d.id, '2026-11-26T15:00:00.000Z')],
        customers: new Map([[d.id, d]]),
        segments: new Map(),
      },
      (postcode) => (postcode === '99999' ? { lat: 45.9, lon: 4.9 } : null),
    );
    expect(ready.unplaced).toEqual([]);
    expect(ready.stops[0]!.approximate).toBe(true);
    expect(ready.plan?.totalKm).toBeGreaterThan(0);
    expect(ready.stops[0]!.timing?.arrivalMs).toBe(
      Date.parse('2026-11-26T07:00:00.000Z') + ready.stops[0]!.timing!.legMinutes * 60_000,
    );
  });
});
