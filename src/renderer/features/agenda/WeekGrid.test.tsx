import 'fake-indexeddb/auto';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { makeAppointment, makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { AgendaScreen } from './agendaScreen/AgendaScreen.js';

// The week of Monday 30 November 2026 (Paris is UTC+1).
const MONDAY = '2026-11-30';
const a = makeCustomer(1, { name: 'Brasserie du Nord' });
const b = makeCustomer(2, { name: 'Café du Sud' });

let db: AppDB;
eachScreenDb('week-grid', async (fresh) => {
  db = fresh;
  globalThis.localStorage?.clear();
  await db.customers.bulkPut([a, b]);
  await db.appointments.bulkPut([
    makeAppointment(1, a.id, '2026-12-01T13:30:00.000Z', { durationMinutes: 90 }), // Tue 14:30–16:00
    makeAppointment(2, b.id, '2026-12-01T14:00:00.000Z', { durationMinutes: 30 }), // Tue 15:00–15:30
  ]);
});

describe('agenda week grid', () => {
  it('places each appointment in its day column by start and duration, overlaps side by side', async () => {
    renderWithApp(db, <AgendaScreen view="week" day={MONDAY} />);
    const tuesday = await screen.findByRole('region', { name: 'mardi 1 décembre' });
    const first = await within(tuesday).findByRole('button', { name: /^14:30.*Brasserie du Nord/ });
    const second = within(tuesday).getByRole('button', { name: /^15:00.*Café du Sud/ });
    const slot = (el: HTMLElement) => (el.parentElement as HTMLElement).style;
    // From 07:00: 14:30 is 450 minutes down, for 90 minutes; the overlap takes the second lane.
    expect(slot(first).getPropertyValue('--start')).toBe('450');
    expect(slot(first).getPropertyValue('--length')).toBe('90');
    expect(slot(second).getPropertyValue('--start')).toBe('480');
    expect(slot(first).getPropertyValue('--lanes')).toBe('2');
    expect(slot(second).getPropertyValue('--lane')).toBe('1');
    // Intl's lowercase French short date, not a capitalised hand-built one.
    expect(within(tuesday).getByRole('heading').textContent).toContain('mar. 1 déc.');
    expect(screen.getByRole('radio', { name: 'Grille' }).getAttribute('aria-checked')).toBe('true');
  });

  it('heads the columns in English from Intl too, and switches to the list', async () => {
    // English reads as en-GB unless the laptop chose en-US (Settings).
    renderWithApp(db, <AgendaScreen view="week" day={MONDAY} />, { locale: 'en' });
    const monday = await screen.findByRole('region', { name: 'Monday 30 November' });
    expect(within(monday).getByRole('heading').textContent).toContain('Mon');
    expect(within(monday).getByRole('heading').textContent).toContain('30 Nov');
    const layout = await screen.findByRole('radiogroup', { name: 'Week layout' });
    fireEvent.click(within(layout).getByRole('radio', { name: 'List' }));
    expect(await screen.findAllByText('Nothing planned', { selector: '.agenda-week__empty' })).toHaveLength(
      6,
    );
    expect(screen.queryByTestId('week-grid')).toBeNull();
  });
});
