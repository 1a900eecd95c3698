import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../../shared/domain/order/order.js';
import type { CustomerRfm } from '../../../shared/domain/rfm/rfm.js';
import type { AppDB } from '../../db/AppDB.js';
import { ok } from '../../../shared/lib/result.js';
import type { PullResponse } from '../../../shared/sync/protocol.js';
import { FakeServer, makeAppointment, makeCustomer, makeProduct } from '../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../test/renderWithApp.js';
import { CustomerList } from './CustomerList.js';
import {
  applyCustomerFilters,
  filterCustomers,
  indexCustomers,
  noFilters,
  type CustomerFacts,
  type CustomerFilters,
} from './filter.js';

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

// ---- filters, columns and the keyboard at arrival --------------------------------------------

const NOW = new Date('2026-11-24T10:00:00.000Z'); // a Tuesday
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();
// Five buyers, each better than the next on recency, frequency and amount (so the first two
// are « Champions » and the last « Perdus »), and a prospect who never ordered.
const martin = makeCustomer(1, { name: 'Boulangerie Martin', city: 'Lyon', postcode: '69003' });
const port = makeCustomer(2, { name: 'Café du Port', city: 'Marseille', postcode: '13002' });
const dubois = makeCustomer(3, { name: 'Épicerie Dubois', city: 'Lyon', postcode: '69007' });
const leroy = makeCustomer(4, { name: 'Fromagerie Leroy', city: 'Nantes', postcode: '44000' });
const petit = makeCustomer(5, { name: 'Garage Petit', city: 'Lille', postcode: '59000', status: 'lost' });
const hotel = makeCustomer(6, {
  name: 'Hôtel des Arts',
  city: 'Lyon',
  postcode: '69002',
  status: 'prospect',
});
const portfolio = [martin, port, dubois, leroy, petit, hotel];

let seq = 0;
function order(customerId: string, days: number, totalExclCents: number): Order {
  seq += 1;
  return {
    id: `01900000-0000-7000-a000-${seq.toString(16).padStart(12, '0')}`,
    customerId,
    repId: null,
    number: `CMD-2026-${String(seq).padStart(6, '0')}`,
    orderedAt: daysAgo(days),
    deliveryDate: null,
    status: 'delivered',
    lines: [],
    totalExclCents,
    totalVatCents: 0,
    totalInclCents: totalExclCents,
    version: 1,
    updatedAt: daysAgo(days),
  };
}
const orders = [
  ...[5, 40, 80, 120, 160].map((d) => order(martin.id, d, 100_000)),
  ...[20, 70, 130, 190].map((d) => order(port.id, d, 50_000)),
  ...[60, 150, 250].map((d) => order(dubois.id, d, 20_000)),
  ...[100, 300].map((d) => order(leroy.id, d, 10_000)),
  order(petit.id, 200, 5_000),
];
const appointments = [
  makeAppointment(1, dubois.id, '2026-11-26T09:00:00.000Z'), // Thursday: this week
  makeAppointment(2, leroy.id, '2026-12-03T09:00:00.000Z'), // next week
  makeAppointment(3, petit.id, '2026-11-25T09:00:00.000Z', { kind: 'call' }), // a call, not a visit
  makeAppointment(4, port.id, '2026-11-25T14:00:00.000Z', { status: 'cancelled' }),
];

async function seedPortfolio() {
  await db.customers.bulkPut(portfolio);
  await db.orders.bulkPut(orders);
  await db.appointments.bulkPut(appointments);
}

/** Chooses a value in one of the list's filter selects, as a mouse user does. */
async function pick(filter: string, option: string) {
  const filters = screen.getByRole('group', { name: 'Filtres de la liste' });
  fireEvent.click(within(filters).getByRole('button', { name: new RegExp(filter) }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

const rowNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

describe('customer list filters', () => {
  const rfmOf = (customerId: string, segment: CustomerRfm['segment'], recencyDays: number | null) =>
    [customerId, { customerId, segment, recencyDays } as CustomerRfm] as const;
  const facts: CustomerFacts = {
    rfm: new Map([
      rfmOf(martin.id, 'champions', 5),
      rfmOf(port.id, 'loyal', 30),
      rfmOf(dubois.id, 'needAttention', 60),
      rfmOf(leroy.id, 'atRisk', 91),
      rfmOf(petit.id, 'lost', 200),
    ]),
    nextVisits: new Map([
      [dubois.id, '2026-11-26T09:00:00.000Z'],
      [leroy.id, '2026-12-03T09:00:00.000Z'],
    ]),
    weekEndIso: '2026-11-29T23:00:00.000Z',
  };
  const index = indexCustomers(portfolio);
  const names = (filters: Partial<CustomerFilters>, query = '') =>
    applyCustomerFilters(index, query, { ...noFilters, ...filters }, facts).map((c) => c.name);

  it('filters by segment, customers without one included', () => {
    expect(names({ segment: 'champions' })).toEqual(['Boulangerie Martin']);
    expect(names({ segment: 'none' })).toEqual(['Hôtel des Arts']);
  });
  it('filters by status', () => {
    expect(names({ status: 'prospect' })).toEqual(['Hôtel des Arts']);
    expect(names({ status: 'lost' })).toEqual(['Garage Petit']);
  });
  it('filters by days since the last order: 30 days is « within 30 », 91 is « over 90 »', () => {
    expect(names({ lastOrder: 'within30' })).toEqual(['Boulangerie Martin', 'Café du Port']);
    expect(names({ lastOrder: 'from30to90' })).toEqual(['Épicerie Dubois']);
    expect(names({ lastOrder: 'over90' })).toEqual(['Fromagerie Leroy', 'Garage Petit']);
    expect(names({ lastOrder: 'never' })).toEqual(['Hôtel des Arts']);
  });
  it('filters by next visit this week or none planned', () => {
    expect(names({ nextVisit: 'thisWeek' })).toEqual(['Épicerie Dubois']);
    expect(names({ nextVisit: 'none' })).toEqual([
      'Boulangerie Martin',
      'Café du Port',
      'Garage Petit',
      'Hôtel des Arts',
    ]);
  });
  it('filters by town and combines every filter with the search', () => {
    expect(names({ town: 'Lyon' })).toEqual(['Boulangerie Martin', 'Épicerie Dubois', 'Hôtel des Arts']);
    expect(names({ town: 'Lyon', lastOrder: 'within30' })).toEqual(['Boulangerie Martin']);
    expect(names({ town: 'Lyon' }, 'epicerie')).toEqual(['Épicerie Dubois']);
    expect(names({ town: 'Lyon', status: 'lost' })).toEqual([]);
  });
  it('lets nobody through while the facts a filter needs are still read', () => {
    const loading = { ...facts, rfm: undefined };
    expect(applyCustomerFilters(index, '', { ...noFilters, segment: 'champions' }, loading)).toEqual([]);
    expect(applyCustomerFilters(index, '', { ...noFilters, town: 'Lille' }, loading)).toHaveLength(1);
  });
});

describe('customer list screen', () => {
  beforeAll(() => {
    // jsdom has no scrollIntoView (React Aria's list boxes call it).
    Element.prototype.scrollIntoView ??= () => {};
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows segment and last order, filters by segment with a chip, and announces the count', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await seedPortfolio();
    renderWithApp(db, <CustomerList />);
    const martinRow = await screen.findByRole(
      'row',
      { name: /Boulangerie Martin.*Champions/ },
      { timeout: 15_000 },
    );
    expect(martinRow.textContent).toContain('19 nov. 2026');
    const hotelRow = screen.getByRole('row', { name: /Hôtel des Arts/ });
    expect(hotelRow.textContent).toContain('—');

    await pick('Segment', 'Champions');
    await waitFor(() => expect(rowNames()).toEqual(['Boulangerie Martin', 'Café du Port']), {
      timeout: 15_000,
    });
    expect(screen.getByRole('status').textContent).toBe('2 sur 6');
    const chips = screen.getByRole('list', { name: 'Filtres appliqués' });
    expect(within(chips).getByRole('listitem').textContent).toContain('Segment\u00a0: Champions');

    fireEvent.click(
      screen.getByRole('button', { name: 'Retirer le filtre «\u00a0Segment\u00a0: Champions\u00a0»' }),
    );
    await waitFor(() => expect(rowNames()).toHaveLength(6), { timeout: 15_000 });
    expect(screen.queryByRole('list', { name: 'Filtres appliqués' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('6 clients');
  }, 60_000);

  it('filters by last order, next visit, status and town together, and clears them all', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await seedPortfolio();
    renderWithApp(db, <CustomerList />);
    await screen.findByRole('row', { name: /Boulangerie Martin.*Champions/ }, { timeout: 15_000 });

    await pick('Prochaine visite', 'Prévue cette semaine');
    await waitFor(() => expect(rowNames()).toEqual(['Épicerie Dubois']), { timeout: 15_000 });

    await pick('Prochaine visite', 'Aucune prévue');
    await pick('Statut', 'Client');
    await waitFor(() => expect(rowNames()).toEqual(['Boulangerie Martin', 'Café du Port']), {
      timeout: 15_000,
    });

    await pick('Dernière commande', '30 jours ou moins');
    const town = screen.getByRole('combobox', { name: 'Ville' });
    act(() => town.focus());
    fireEvent.change(town, { target: { value: 'mars' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Marseille' }));
    await waitFor(() => expect(rowNames()).toEqual(['Café du Port']), { timeout: 15_000 });
    expect(
      within(screen.getByRole('list', { name: 'Filtres appliqués' })).getAllByRole('listitem'),
    ).toHaveLength(4);

    fireEvent.click(screen.getByRole('button', { name: 'Effacer tous les filtres' }));
    await waitFor(() => expect(rowNames()).toHaveLength(6), { timeout: 15_000 });
  }, 60_000);

  it('puts the focus on the first row at arrival so J and K move at once, and comes back to the row left', async () => {
    await seedPortfolio();
    const first = renderWithApp(db, <CustomerList />);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Boulangerie Martin'), {
      timeout: 15_000,
    });
    fireEvent.keyDown(document.activeElement as Element, { key: 'j' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Café du Port'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'J' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Épicerie Dubois'));
    fireEvent.keyDown(document.activeElement as Element, { key: 'k' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Café du Port'));

    // Away to the customer and back: the same row has the focus.
    first.unmount();
    act(() => document.body.focus());
    renderWithApp(db, <CustomerList />);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Café du Port'), {
      timeout: 15_000,
    });
  }, 60_000);

  it('keeps the focus in the search when the rep left the list typing in it, with the search and filters kept', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    await seedPortfolio();
    const first = renderWithApp(db, <CustomerList />);
    await screen.findByRole('row', { name: /Boulangerie Martin/ }, { timeout: 15_000 });
    await pick('Statut', 'Client');
    const search = screen.getByLabelText('Filtrer les clients');
    act(() => search.focus());
    fireEvent.change(search, { target: { value: 'lyon' } });
    await waitFor(() => expect(rowNames()).toEqual(['Boulangerie Martin', 'Épicerie Dubois']), {
      timeout: 15_000,
    });

    first.unmount();
    act(() => document.body.focus());
    renderWithApp(db, <CustomerList />);
    await waitFor(() => expect(rowNames()).toEqual(['Boulangerie Martin', 'Épicerie Dubois']), {
      timeout: 15_000,
    });
    const again = screen.getByLabelText('Filtrer les clients');
    expect((again as HTMLInputElement).value).toBe('lyon');
    expect(document.activeElement).toBe(again);
    expect(screen.getByRole('list', { name: 'Filtres appliqués' }).textContent).toContain(
      'Statut\u00a0: Client',
    );
  }, 60_000);
});
