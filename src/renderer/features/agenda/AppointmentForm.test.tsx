import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { makeAppointment, makeCustomer } from '../../test/fakeServer.js';
import { typeInField } from '../../test/dateFields.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { AppointmentForm } from './AppointmentForm.js';

// A Monday well ahead (Paris is UTC+1 then), and its Tuesday.
const DAY = '2030-12-02';
const NEXT = '2030-12-03';

const lyon = makeCustomer(1, { name: 'Brasserie Les Célestins', latitude: 45.76, longitude: 4.83 });
const lyonToo = makeCustomer(2, { name: 'Brasserie Les Célestins Nord', latitude: 45.77, longitude: 4.84 });
const marseille = makeCustomer(3, { name: 'Café du Vieux-Port', latitude: 43.2965, longitude: 5.3698 });

let db: AppDB;
eachScreenDb('appointment-form', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([lyon, lyonToo, marseille]);
});

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
// The date and time are React Aria fields in the app's locale (French: jj/mm/aaaa, 24-hour).
const group = (label: string) => screen.getByRole('group', { name: label });
const shown = (label: string) => (group(label).textContent ?? '').replace(/[\u2066-\u2069\u200e\u200f]/g, '');
const timeOf = (label: string) => shown(label);
const dateOf = (label: string) => {
  const [d, m, y] = shown(label).split('/');
  return `${y}-${m}-${d}`;
};
const setTime = (label: string, hhmm: string) => typeInField(group(label), hhmm.replace(':', ''));
const setDate = (label: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  typeInField(group(label), `${d}${m}${y}`);
};
const open = (day = DAY) =>
  renderWithApp(db, <AppointmentForm form={{ mode: 'new', day }} onDone={() => {}} />);

describe('new appointment form', () => {
  it('proposes the next free slot of the day, after the appointments and their durations', async () => {
    await db.appointments.bulkPut([
      makeAppointment(1, lyon.id, `${DAY}T08:00:00.000Z`, { durationMinutes: 60 }), // 09:00–10:00
      makeAppointment(2, lyonToo.id, `${DAY}T09:00:00.000Z`, { durationMinutes: 90 }), // 10:00–11:30
      makeAppointment(3, lyon.id, `${DAY}T10:30:00.000Z`, { status: 'cancelled' }),
    ]);
    open();
    await waitFor(() => expect(timeOf('Heure de début')).toBe('11:30'));
    expect(dateOf('Date')).toBe(DAY);
  });

  it('says when the day is full and proposes the next working day', async () => {
    await db.appointments.put(
      makeAppointment(1, lyon.id, `${DAY}T08:00:00.000Z`, { durationMinutes: 9 * 60 }), // 09:00–18:00
    );
    open();
    await waitFor(() => expect(dateOf('Date')).toBe(NEXT));
    expect(timeOf('Heure de début')).toBe('09:00');
    const live = screen.getByTestId('appointment-live');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain('Le lundi 2 décembre est complet entre 09:00 et 18:00.');
    expect(live.textContent).toContain('Premier créneau libre proposé : mardi 3 décembre à 09:00.');

    // Choosing the full day again says so, and the next free slot is one click away.
    setDate('Date', DAY);
    const take = await screen.findByRole('button', { name: 'Prendre ce créneau' });
    fireEvent.click(take);
    await waitFor(() => expect(dateOf('Date')).toBe(NEXT));
    expect(timeOf('Heure de début')).toBe('09:00');
  });

  it('keeps a time the rep typed when the duration changes', async () => {
    open();
    await waitFor(() => expect(timeOf('Heure de début')).toBe('09:00'));
    setTime('Heure de début', '15:00');
    fireEvent.change(input('Durée (minutes)'), { target: { value: '30' } });
    setDate('Date', NEXT);
    // No proposal replaces a typed time.
    await waitFor(() => expect(dateOf('Date')).toBe(NEXT));
    expect(timeOf('Heure de début')).toBe('15:00');
  });

  it('Enter on the exact customer name chooses it, before the list has appeared', async () => {
    open();
    const combobox = screen.getByRole('combobox', { name: 'Client' });
    fireEvent.change(combobox, { target: { value: 'brasserie les celestins' } });
    // The search index is still loading: no option is listed yet.
    const listbox = screen.getByRole('listbox', { hidden: true });
    expect(within(listbox).queryAllByRole('option', { hidden: true })).toHaveLength(0);
    fireEvent.keyDown(combobox, { key: 'Enter' });
    await waitFor(() => expect((combobox as HTMLInputElement).value).toBe('Brasserie Les Célestins'));
    // Chosen: its contacts are offered, and nothing complains about the customer.
    expect(screen.queryByText('Choisissez le client du rendez-vous')).toBeNull();
  });

  it('shows overlap and driving-time warnings while the slot is chosen, before saving', async () => {
    await db.appointments.put(
      makeAppointment(1, lyon.id, `${DAY}T09:00:00.000Z`, { durationMinutes: 60 }), // 10:00–11:00
    );
    open();
    await waitFor(() => expect(timeOf('Heure de début')).toBe('09:00'));
    const live = screen.getByTestId('appointment-live');
    expect(within(live).queryByRole('listitem')).toBeNull();

    setTime('Heure de début', '10:30');
    expect(
      await within(live).findByText(/Ce créneau chevauche le rendez-vous avec Brasserie Les Célestins/),
    ).toBeTruthy();

    // Right after it, a visit in Marseille: not enough time to drive there.
    const combobox = screen.getByRole('combobox', { name: 'Client' });
    fireEvent.change(combobox, { target: { value: 'Café du Vieux-Port' } });
    fireEvent.keyDown(combobox, { key: 'Enter' });
    await waitFor(() => expect((combobox as HTMLInputElement).value).toBe('Café du Vieux-Port'));
    setTime('Heure de début', '11:15');
    expect(await within(live).findByText(/depuis Brasserie Les Célestins : pas assez de temps/)).toBeTruthy();
    expect(within(live).queryByText(/chevauche/)).toBeNull();
    expect(await db.outbox.count()).toBe(0);
  });
});
