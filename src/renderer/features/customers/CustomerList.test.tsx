import 'fake-indexeddb/auto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDB } from '../../db/AppDB.js';
import { ok } from '../../../shared/lib/result.js';
import type { PullResponse } from '../../../shared/sync/protocol.js';
import { FakeServer, makeCustomer, makeProduct } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { CustomerList } from './CustomerList.js';
import { filterCustomers, indexCustomers } from './filter.js';

beforeAll(() => {
  // jsdom has no layout: give the scroll container a size so rows are virtualised in.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});

let db: AppDB;
eachScreenDb('customer-list', (fresh) => {
  db = fresh;
});

describe('customer list', () => {
  it('filters accent- and case-insensitively over name, city and postcode', () => {
    const index = indexCustomers([
      makeCustomer(1, { name: 'Café de l’Étoile', city: 'Épinal', postcode: '88000' }),
      makeCustomer(2, { name: 'Boulangerie Martin', city: 'Lyon', postcode: '69003' }),
    ]);
    expect(filterCustomers(index, 'etoile').map((c) => c.name)).toEqual(['Café de l’Étoile']);
    expect(filterCustomers(index, 'EPINAL').map((c) => c.name)).toEqual(['Café de l’Étoile']);
    expect(filterCustomers(index, '6900').map((c) => c.name)).toEqual(['Boulangerie Martin']);
    expect(filterCustomers(index, 'cafe epi')).toHaveLength(1);
    expect(filterCustomers(index, '')).toHaveLength(2);
  });

  it('renders a virtualised, sortable table of thousands of customers and filters it', async () => {
    const many = Array.from({ length: 6000 }, (_, i) =>
      makeCustomer(i + 10, { name: `Client ${String(i).padStart(4, '0')}` }),
    );
    many.push(makeCustomer(1, { name: 'Crêperie Sévigné', city: 'Rennes', postcode: '35000' }));
    await db.customers.bulkPut(many);
    renderWithApp(db, <CustomerList />);
    // Generous timeout: role queries over a large jsdom tree are slow on a loaded 2-core machine.
    const table = await screen.findByRole('grid', { name: 'Liste des clients' }, { timeout: 15_000 });
    expect(table.getAttribute('aria-rowcount')).toBe('6002');
    // Only a window of rows is in the DOM.
    const rendered = screen.getAllByRole('row').length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(80);
    const nameHeader = screen.getByRole('columnheader', { name: /Nom/ });
    expect(nameHeader.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.change(screen.getByLabelText('Filtrer les clients'), { target: { value: 'creperie sevigne' } });
    await waitFor(() => expect(screen.getByRole('row', { name: /Crêperie Sévigné/ })).toBeTruthy(), {
      timeout: 15_000,
    });
    expect(screen.getByRole('link', { name: 'Crêperie Sévigné' }).getAttribute('href')).toBe(
      `#/customers/${makeCustomer(1).id}`,
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2), { timeout: 15_000 });
  }, 60_000);

  it('shows the first download with its total and percentage, not "no customers", while it runs', async () => {
    // Head office sends products first (no customer yet) and announces 48,000 items; the next
    // page is still on its way.
    const server = new FakeServer();
    let pulls = 0;
    const invoke = server.invoke.bind(server);
    server.invoke = ((method: string, input: unknown) => {
      if (method !== 'sync-pull') return invoke(method as never, input as never);
      pulls += 1;
      if (pulls > 1) return new Promise(() => {});
      const page: PullResponse = {
        cookie: 7,
        lastMid: 0,
        reset: true,
        more: true,
        patch: Array.from({ length: 12 }, (_, i) => ({
          op: 'put' as const,
          entity: 'product' as const,
          value: makeProduct(`0190a000-0000-7000-8000-${String(i + 1).padStart(12, '0')}`),
        })),
        serverTime: '2026-11-24T12:00:00.000Z',
        downloadTotal: 48_000,
      };
      return Promise.resolve(ok(page));
    }) as typeof server.invoke;
    const { engine } = renderWithApp(db, <CustomerList />, { transport: server });
    void engine.start();
    const status = await screen.findByText(/12 \/ 48\s000 éléments \(0\s%\)/, {}, { timeout: 15_000 });
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(screen.getByText('Téléchargement de votre portefeuille')).toBeTruthy();
    expect(screen.queryByText('Aucun client sur ce portable')).toBeNull();
    engine.stop();
  });

  it('shows what to do when there are no customers yet', async () => {
    renderWithApp(db, <CustomerList />);
    expect(await screen.findByText('Aucun client sur ce portable')).toBeTruthy();
  });
});
