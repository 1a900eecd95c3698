import 'fake-indexeddb/auto';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import type { OrderRow } from '../../db/schema.js';
import { makeCustomer, USER } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { OrdersScreen } from './OrdersScreen.js';

const cafe = makeCustomer(1, { name: 'Café du Port' });
const bistro = makeCustomer(2, { name: 'Bistrot Sainte-Anne' });
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

function order(n: number, fields: Partial<OrderRow>): OrderRow {
  return {
    id: `0190a000-0000-7000-8000-00000000000${n}`,
    customerId: cafe.id,
    repId: USER.id,
    number: `CMD-2026-00001${n}`,
    orderedAt: daysAgo(n),
    deliveryDate: null,
    status: 'received',
    lines: [],
    totalExclCents: 10_000,
    totalVatCents: 2_000,
    totalInclCents: 12_000,
    version: 1,
    updatedAt: daysAgo(n),
    ...fields,
  };
}

let db: AppDB;
eachScreenDb('orders-screen', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut([cafe, bistro]);
  await db.orders.bulkPut([
    order(1, { status: 'draft', number: '' }),
    order(2, { customerId: bistro.id, status: 'delivered' }),
    order(3, { status: 'cancelled' }),
    // Older than the 3 months shown by default.
    order(4, { orderedAt: daysAgo(200), customerId: bistro.id }),
  ]);
});

function column(index: number): string[] {
  return within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[index]?.textContent?.trim() ?? '');
}

describe('orders list', () => {
  it('shows a skeleton, not a blank page, until the orders are read', () => {
    renderWithApp(db, <OrdersScreen />);
    expect(screen.getByText('Chargement des commandes…')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('heads the status column « Statut » and lists the last 3 months, newest first', async () => {
    renderWithApp(db, <OrdersScreen />);
    expect(await screen.findByText('3 commandes')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Statut' })).toBeTruthy();
    expect(column(4)).toEqual(['Sur ce portable', 'Livrée', 'Annulée']);
  });

  it('filters by period, status and customer, and searches by number or customer', async () => {
    renderWithApp(db, <OrdersScreen />, { locale: 'en' });
    await screen.findByText('3 orders');
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'all' } });
    expect(await screen.findByText('4 orders')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: bistro.id } });
    expect(column(2)).toEqual(['Bistrot Sainte-Anne', 'Bistrot Sainte-Anne']);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'delivered' } });
    expect(column(1)).toEqual(['CMD-2026-000012']);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Customer'), { target: { value: '' } });
    // Accents and case do not matter; every word starts a word of the number or the customer.
    fireEvent.change(screen.getByLabelText('Search (number or customer)'), { target: { value: 'cafe po' } });
    expect(column(1)).toEqual(['(number given at the next sync)', 'CMD-2026-000013']);
    fireEvent.change(screen.getByLabelText('Search (number or customer)'), { target: { value: '000014' } });
    expect(column(1)).toEqual(['CMD-2026-000014']);
    fireEvent.change(screen.getByLabelText('Search (number or customer)'), { target: { value: 'zzz' } });
    expect(screen.getByText('No order matches these filters.')).toBeTruthy();
  });
});
