import 'fake-indexeddb/auto';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PriceBreak, Product } from '../../../../shared/domain/catalog/catalog.js';
import type { AppDB } from '../../../db/AppDB.js';
import type { OrderRow } from '../../../db/schema.js';
import { makeCustomer, makeProduct, USER } from '../../../test/fakeServer.js';
import { eachScreenDb, renderWithApp } from '../../../test/renderWithApp.js';
import { OrderScreen } from './OrderScreen.js';
import { rankProducts } from './ProductSearch.js';

const id = (k: number) => `0190a000-0000-7000-8000-${k.toString().padStart(12, '0')}`;
const customer = makeCustomer(1, { name: 'Café du Port', priceGroup: 'CHR-STD' });
const product = (k: number, name: string, family: string, extra: Partial<Product> = {}) =>
  makeProduct(id(k), { reference: `REF-${k}`, name, family, ...extra });

// Names and families as in the demo catalogue.
const gin = product(1, 'Gin Citadelle – bouteille 70 cl', 'Spiritueux');
const orangina = product(2, 'Orangina – carton de 24 × 33 cl', 'Boissons sans alcool');
const beans = product(3, 'Café en grains Bistrot – sachet 1 kg', 'Café & thé');
const ground = product(4, 'Café moulu filtre – sachet 1 kg', 'Café & thé');
const tea = product(5, 'Thé vert – boîte de 100', 'Café & thé');
const withdrawn = product(6, 'Côtes du Rhône – bouteille 75 cl', 'Vins', { active: false });
const products = [gin, orangina, beans, ground, tea, withdrawn];

const breaks: Record<string, PriceBreak[]> = {
  [gin.id]: [
    { minQuantity: 1, unitPriceCents: 2100 },
    { minQuantity: 6, unitPriceCents: 2000 },
    { minQuantity: 12, unitPriceCents: 1900 },
  ],
  [orangina.id]: [{ minQuantity: 1, unitPriceCents: 1690 }],
  [beans.id]: [{ minQuantity: 1, unitPriceCents: 1500 }],
  [ground.id]: [{ minQuantity: 1, unitPriceCents: 1200 }],
  [tea.id]: [{ minQuantity: 1, unitPriceCents: 800 }],
  [withdrawn.id]: [{ minQuantity: 1, unitPriceCents: 700 }],
};

function order(k: number, fields: Partial<OrderRow>): OrderRow {
  return {
    id: id(300 + k),
    customerId: customer.id,
    repId: USER.id,
    number: `CMD-2026-00000${k}`,
    orderedAt: '2026-10-01T09:00:00.000Z',
    deliveryDate: null,
    status: 'delivered',
    lines: [],
    totalExclCents: 0,
    totalVatCents: 0,
    totalInclCents: 0,
    version: 1,
    updatedAt: '2026-10-01T09:00:00.000Z',
    ...fields,
  };
}
const line = (k: number, p: Product, quantity: number, unitPriceCents: number) => ({
  id: id(400 + k),
  productId: p.id,
  productReference: p.reference,
  productName: p.name,
  quantity,
  unitPriceCents,
  discountBp: 0,
  vatRate: p.vatRate,
  totalExclCents: quantity * unitPriceCents,
});

let db: AppDB;
eachScreenDb('order-screen', async (fresh) => {
  db = fresh;
  await db.customers.put(customer);
  await db.products.bulkPut(products);
  await db.priceLists.put({
    id: id(100),
    code: 'CHR-STD',
    name: 'Tarif CHR',
    customerGroup: 'CHR-STD',
    validFrom: '2000-01-01',
    validTo: null,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  await db.prices.bulkPut(
    products.map((p, i) => ({
      id: id(200 + i),
      priceListId: id(100),
      productId: p.id,
      breaks: breaks[p.id]!,
      version: 1,
    })),
  );
});

/** Money as Intl writes it, spaces made plain. */
const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('product search', () => {
  it('ranks by word prefix over name, reference and family, accents ignored', () => {
    expect(rankProducts(products, 'gin')[0]).toBe(gin);
    expect(rankProducts(products, 'gin')).not.toContain(orangina);
    expect(rankProducts(products, 'café grains')).toEqual([beans]);
    expect(rankProducts(products, 'cafe GRAIN')).toEqual([beans]);
    // The family counts too, after the names that start with the word.
    expect(rankProducts(products, 'the')).toEqual([tea, beans, ground]);
    expect(rankProducts(products, 'REF-3')[0]).toBe(beans);
  });

  it('shows each product’s price with its quantity breaks, and browses a family', async () => {
    renderWithApp(db, <OrderScreen customerId={customer.id} orderId={null} visitId={null} />);
    const search = await screen.findByLabelText('Ajouter un produit (nom, référence ou famille)');
    fireEvent.change(search, { target: { value: 'gin' } });
    const results = screen.getByRole('list', { name: 'Produits' });
    const first = within(results).getAllByRole('button')[0]!;
    expect(plain(first.textContent)).toContain('Gin Citadelle');
    expect(plain(first.textContent)).toContain('21,00 € HT · dès 6 : 20,00 € · dès 12 : 19,00 €');

    fireEvent.change(search, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Famille de produits'), { target: { value: 'Café & thé' } });
    expect(
      within(screen.getByRole('list', { name: 'Produits' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      expect.stringContaining('Café en grains Bistrot'),
      expect.stringContaining('Café moulu filtre'),
      expect.stringContaining('Thé vert'),
    ]);
    fireEvent.click(screen.getByRole('button', { name: /Thé vert/ }));
    expect(screen.getByLabelText('Quantité de Thé vert – boîte de 100')).toBeTruthy();
  });
});

describe('order lines', () => {
  it('show the next quantity break beside the unit price', async () => {
    renderWithApp(db, <OrderScreen customerId={customer.id} orderId={null} visitId={null} />);
    fireEvent.change(await screen.findByLabelText('Ajouter un produit (nom, référence ou famille)'), {
      target: { value: 'citadelle' },
    });
    fireEvent.click(screen.getByRole('button', { name: /Gin Citadelle/ }));
    const unitPrice = () => plain(document.querySelector('td.order-lines__unitPrice')?.textContent ?? null);
    expect(unitPrice()).toBe('21,00 €dès 6 : 20,00 €');
    fireEvent.change(screen.getByLabelText(`Quantité de ${gin.name}`), { target: { value: '6' } });
    expect(unitPrice()).toBe('20,00 €dès 12 : 19,00 €');
    fireEvent.change(screen.getByLabelText(`Quantité de ${gin.name}`), { target: { value: '12' } });
    expect(unitPrice()).toBe('19,00 €');
  });
});

describe('renewing the last order', () => {
  it('copies the last order not cancelled at today’s prices, and says what changed or is no longer sold', async () => {
    await db.orders.bulkPut([
      order(1, { orderedAt: '2026-09-01T09:00:00.000Z', lines: [line(1, tea, 9, 800)] }),
      order(2, {
        orderedAt: '2026-10-01T09:00:00.000Z',
        lines: [line(2, gin, 2, 2000), line(3, beans, 3, 1500), line(4, withdrawn, 1, 700)],
      }),
      order(3, {
        orderedAt: '2026-11-01T09:00:00.000Z',
        status: 'cancelled',
        lines: [line(5, orangina, 4, 1690)],
      }),
    ]);
    renderWithApp(db, <OrderScreen customerId={customer.id} orderId={null} visitId={null} />, {
      locale: 'en',
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Renew the last order' }));

    expect(
      screen.getByText(/2 lines copied from order CMD-2026-000002 of 1 Oct 2026, at today’s prices\./),
    ).toBeTruthy();
    expect((screen.getByLabelText(`Quantity of ${gin.name}`) as HTMLInputElement).value).toBe('2');
    expect((screen.getByLabelText(`Quantity of ${beans.name}`) as HTMLInputElement).value).toBe('3');
    expect(screen.queryByLabelText(`Quantity of ${withdrawn.name}`)).toBeNull();
    expect(screen.queryByLabelText(`Quantity of ${orangina.name}`)).toBeNull();
    const changed = screen.getByText('Prices changed since:').nextElementSibling;
    expect(plain(changed?.textContent ?? '')).toBe(`${gin.name}: €20.00 → €21.00`);
    expect(screen.getByText('No longer sold, not copied:').nextElementSibling?.textContent).toBe(
      withdrawn.name,
    );
    expect(screen.queryByRole('button', { name: 'Renew the last order' })).toBeNull();
  });

  it('is not offered to a customer without an order', async () => {
    renderWithApp(db, <OrderScreen customerId={customer.id} orderId={null} visitId={null} />);
    await screen.findByLabelText('Ajouter un produit (nom, référence ou famille)');
    expect(screen.queryByRole('button', { name: 'Renouveler la dernière commande' })).toBeNull();
  });
});
