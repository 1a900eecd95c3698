import 'fake-indexeddb/auto';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import type { ComplaintRow } from '../../db/schema.js';
import { makeCustomer } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { ComplaintsScreen } from './ComplaintsScreen.js';

const cafe = makeCustomer(1, { name: 'Café du Port' });
const bistro = makeCustomer(2, { name: 'Bistrot Sainte-Anne' });
let db: AppDB;

function complaint(n: number, fields: Partial<ComplaintRow>): ComplaintRow {
  return {
    id: `0190a000-0000-7000-8000-00000000000${n}`,
    customerId: cafe.id,
    orderId: null,
    productId: null,
    category: 'billing',
    description: `Réclamation ${n}`,
    severity: 'medium',
    status: 'received',
    createdAt: '2026-11-01T09:00:00.000Z',
    version: 1,
    ...fields,
  };
}

eachScreenDb('complaints-screen', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([cafe, bistro]);
  await db.complaints.bulkPut([
    complaint(1, { status: 'resolved', createdAt: '2026-11-20T09:00:00.000Z', category: 'delivery' }),
    complaint(2, { status: 'received', createdAt: '2026-10-02T09:00:00.000Z', severity: 'high' }),
    // A label an older demo database stored instead of a code.
    complaint(3, {
      status: 'in-progress',
      createdAt: '2026-11-10T09:00:00.000Z',
      category: 'Retard de livraison',
      customerId: bistro.id,
    }),
    complaint(4, { status: 'closed', createdAt: '2026-11-25T09:00:00.000Z' }),
  ]);
});

function rows(): string[][] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent ?? ''),
    );
}

describe('complaints list', () => {
  it('counts what it says, lists still-open complaints first (newest first), with translated categories', async () => {
    renderWithApp(db, <ComplaintsScreen />, { locale: 'en' });
    expect(await screen.findByText('2 open complaints · 1 resolved, awaiting closure')).toBeTruthy();
    // Not closed by default: the in-progress one (newest open), the received one, then the resolved one.
    expect(rows().map((r) => [r[1], r[2], r[4]])).toEqual([
      ['Bistrot Sainte-Anne', 'Delivery (late, damaged)', 'In progress'],
      ['Café du Port', 'Billing', 'Received'],
      ['Café du Port', 'Delivery (late, damaged)', 'Resolved'],
    ]);
  });

  it('filters by status, category and severity', async () => {
    renderWithApp(db, <ComplaintsScreen />);
    await screen.findByText('2 réclamations ouvertes · 1 résolue, en attente de clôture');
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: 'delivery' } });
    expect(rows().map((r) => r[1])).toEqual(['Bistrot Sainte-Anne', 'Café du Port']);
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'still-open' } });
    expect(rows().map((r) => r[1])).toEqual(['Bistrot Sainte-Anne']);
    fireEvent.change(screen.getByLabelText('Catégorie'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Gravité'), { target: { value: 'high' } });
    expect(rows().map((r) => r[3])).toEqual(['Gravité forte']);
    fireEvent.change(screen.getByLabelText('Statut'), { target: { value: 'closed' } });
    expect(screen.getByText('Aucune réclamation ne correspond à ces filtres.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Gravité'), { target: { value: '' } });
    expect(rows().map((r) => r[4])).toEqual(['Close']);
  });
});
