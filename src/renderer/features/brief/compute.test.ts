/** The brief's figures against small data sets computed by hand. */
import { describe, expect, it } from 'vitest';
import type { Order, OrderStatus } from '../../../shared/domain/order/order.js';
import type { CustomerRfm } from '../../../shared/domain/rfm/rfm.js';
import {
  briefRfm,
  crossSell,
  currentPriceList,
  freshness,
  lastReport,
  lastVisits,
  objectionsHeard,
  openComplaints,
  openOrders,
  orderRhythm,
  productsEverBought,
  segmentPenetration,
  stoppedProducts,
  familiesBySector,
} from './compute.js';

const AT = new Date('2026-11-25T23:59:59.999Z');
/** The end of 25 November in Paris (CET, UTC+1): the rhythm counts the company's days. */
const PARIS_END = new Date('2026-11-25T22:59:59.999Z');
const day = (iso: string) => `${iso}T10:00:00.000Z`;

type MiniOrder = Pick<Order, 'customerId' | 'orderedAt' | 'status' | 'totalExclCents' | 'lines'>;

function order(
  orderedAt: string,
  products: string[],
  status: OrderStatus = 'delivered',
  total = 10_000,
  customerId = 'c1',
): MiniOrder {
  return {
    customerId,
    orderedAt: day(orderedAt),
    status,
    totalExclCents: total,
    lines: products.map((p, i) => ({
      id: `${orderedAt}-${i}`,
      productId: p,
      productReference: `REF-${p}`,
      productName: `Produit ${p}`,
      quantity: 1,
      unitPriceCents: total,
      discountBp: 0,
      vatRate: 2000,
      totalExclCents: total,
    })),
  };
}

describe('last visits', () => {
  it('keeps the 5 most recent up to the date, newest first', () => {
    const visits = [
      '2026-01-10',
      '2026-03-01',
      '2026-11-30',
      '2026-02-01',
      '2025-12-01',
      '2026-06-15',
      '2026-09-09',
    ].map((d) => ({ at: day(d) }));
    expect(lastVisits(visits, AT).map((v) => v.at.slice(0, 10))).toEqual([
      '2026-09-09',
      '2026-06-15',
      '2026-03-01',
      '2026-02-01',
      '2026-01-10',
    ]);
  });
});

describe('objections heard before', () => {
  it('groups by text (case and spaces folded), counts, and tells whether it was lifted last time', () => {
    const visits = [
      { at: day('2026-03-01'), objections: [{ text: 'Trop cher', lifted: false }] },
      {
        at: day('2026-06-01'),
        objections: [
          { text: 'trop  cher ', lifted: true },
          { text: 'Délais de livraison', lifted: true },
        ],
      },
      { at: day('2026-09-01'), objections: [{ text: 'Déjà un fournisseur', lifted: false }] },
      { at: day('2026-10-01'), objections: [{ text: 'Délais de livraison', lifted: false }] },
      { at: day('2026-12-01'), objections: [{ text: 'Trop cher', lifted: false }] }, // after the date
    ];
    expect(objectionsHeard(visits, AT)).toEqual([
      // Not lifted last time first, then most heard.
      { text: 'Délais de livraison', times: 2, lastHeardAt: day('2026-10-01'), liftedLastTime: false },
      { text: 'Déjà un fournisseur', times: 1, lastHeardAt: day('2026-09-01'), liftedLastTime: false },
      { text: 'trop  cher', times: 2, lastHeardAt: day('2026-06-01'), liftedLastTime: true },
    ]);
  });
});

describe('open orders and complaints', () => {
  it('keeps orders neither delivered nor cancelled, newest first, with their total', () => {
    const orders = [
      order('2026-11-01', ['a'], 'delivered', 100),
      order('2026-11-10', ['a'], 'shipped', 2_000),
      order('2026-11-20', ['a'], 'received', 3_050),
      order('2026-11-15', ['a'], 'cancelled', 999),
      order('2026-11-18', ['a'], 'confirmed', 450),
    ];
    const open = openOrders(orders);
    expect(open.orders.map((o) => o.status)).toEqual(['received', 'confirmed', 'shipped']);
    expect(open.totalExclCents).toBe(5_500);
  });

  it('keeps complaints not resolved or closed, high severity first then oldest, with age in days', () => {
    const complaints = [
      { id: 'x', status: 'resolved' as const, severity: 'high' as const, createdAt: day('2026-10-01') },
      { id: 'a', status: 'received' as const, severity: 'low' as const, createdAt: day('2026-11-01') },
      { id: 'b', status: 'in-progress' as const, severity: 'high' as const, createdAt: day('2026-11-20') },
      { id: 'c', status: 'acknowledged' as const, severity: 'low' as const, createdAt: day('2026-10-26') },
      { id: 'y', status: 'closed' as const, severity: 'medium' as const, createdAt: day('2026-01-01') },
    ];
    // 2026-11-20 10:00 → 2026-11-25 23:59: 5 days; 2026-10-26 → 30 days; 2026-11-01 → 24 days.
    expect(openComplaints(complaints, AT).map((c) => [c.complaint.id, c.ageDays])).toEqual([
      ['b', 5],
      ['c', 30],
      ['a', 24],
    ]);
  });
});

describe('rhythm', () => {
  it('days since the last order against the median gap, late by the difference, overdue past 2×', () => {
    // Gaps 10, 20, 30 days → median 20; last order 2026-10-06 → 50 days before 2026-11-25.
    const orders = [
      order('2026-08-07', ['a']),
      order('2026-08-17', ['a']),
      order('2026-09-06', ['a']),
      order('2026-10-06', ['a']),
    ];
    expect(orderRhythm('c1', orders, PARIS_END)).toEqual({
      lastOrderAt: day('2026-10-06'),
      daysSinceLastOrder: 50,
      rhythmDays: 20,
      lateByDays: 30,
      overdue: true,
      ordersLast12Months: 4,
      revenueLast12MonthsCents: 40_000,
    });
  });

  it('within the rhythm: not late; one order: no rhythm; cancelled orders do not count', () => {
    const within = [
      order('2026-10-26', ['a']),
      order('2026-11-15', ['a']),
      order('2026-11-24', ['a'], 'cancelled'),
    ];
    expect(orderRhythm('c1', within, PARIS_END)).toMatchObject({
      daysSinceLastOrder: 10,
      rhythmDays: 20,
      lateByDays: 0,
      overdue: false,
    });
    expect(orderRhythm('c1', [order('2026-11-15', ['a'])], AT)).toMatchObject({
      rhythmDays: null,
      lateByDays: null,
    });
    expect(orderRhythm('c1', [], AT)).toMatchObject({ daysSinceLastOrder: null, lastOrderAt: null });
  });
});

describe('RFM of the brief', () => {
  it('reads scores, segment and the trend from the portfolio RFM', () => {
    const row = (segment: CustomerRfm['segment']) =>
      ({ segment, scores: segment ? { r: 4, f: 3, m: 5 } : null }) as CustomerRfm;
    expect(briefRfm(row('loyal'), row('atRisk'))).toEqual({
      scores: { r: 4, f: 3, m: 5 },
      segment: 'loyal',
      pastSegment: 'atRisk',
      trend: 'up',
    });
    expect(briefRfm(row('loyal'), undefined).trend).toBe('new');
    expect(briefRfm(undefined, undefined)).toEqual({
      scores: null,
      segment: null,
      pastSegment: null,
      trend: null,
    });
  });
});

describe('stopped products', () => {
  it('bought in ≥ 2 orders in the year before the quiet window, none inside it, while still ordering', () => {
    // No rhythm worth more than 90 days → quiet window 90 days: after 2026-08-27 23:59.
    const orders = [
      order('2026-01-10', ['a', 'b', 'c']),
      order('2026-03-10', ['a', 'b']),
      order('2026-05-10', ['a', 'b', 'b']), // b twice in one order counts once
      order('2026-07-10', ['c', 'd']),
      order('2026-10-10', ['a', 'e']), // inside the quiet window
      order('2026-11-10', ['e'], 'cancelled', 1, 'c1'),
      order('2026-11-12', ['b'], 'cancelled'), // cancelled: b still stopped
      order('2024-06-01', ['f']),
      order('2024-07-01', ['f']), // f: older than the year before the window
    ];
    const result = stoppedProducts(orders, AT, 30);
    expect(result.quietDays).toBe(90);
    expect(result.products.map((p) => [p.productId, p.ordersBefore, p.lastBoughtAt.slice(0, 10)])).toEqual([
      ['b', 3, '2026-05-10'],
      ['c', 2, '2026-07-10'],
    ]);
  });

  it('the quiet window grows to 2× a long rhythm; a customer with no recent order lists none', () => {
    const orders = [
      order('2025-09-01', ['a']),
      order('2026-01-15', ['a']),
      order('2026-03-01', ['b']),
      order('2026-10-01', ['b']),
    ];
    // Rhythm 60 → quiet 120 days (after 2026-07-28); the year before starts 2025-07-28: a bought
    // twice in it, not since → stopped; b bought before and inside → not stopped.
    expect(stoppedProducts(orders, AT, 60)).toMatchObject({ quietDays: 120, products: [{ productId: 'a' }] });
    expect(stoppedProducts(orders.slice(0, 3), AT, 60).products).toEqual([]);
  });
});

describe('cross-sell', () => {
  const segments = new Map([
    ['c1', 'loyal' as const],
    ['c2', 'loyal' as const],
    ['c3', 'loyal' as const],
    ['c4', 'loyal' as const],
    ['c5', 'lost' as const],
    ['c6', null],
  ]);
  const orders = [
    order('2026-10-01', ['a'], 'delivered', 1, 'c1'),
    order('2026-10-02', ['b', 'x'], 'delivered', 1, 'c2'),
    order('2026-10-03', ['b'], 'delivered', 1, 'c2'), // c2 buys b twice: one buyer
    order('2026-10-04', ['b', 'x', 'z'], 'delivered', 1, 'c3'),
    order('2026-10-05', ['b', 'y', 'z'], 'delivered', 1, 'c4'),
    order('2026-10-06', ['y', 'z'], 'cancelled', 1, 'c1'), // cancelled: ignored
    order('2025-10-01', ['y'], 'delivered', 1, 'c2'), // older than 365 days: ignored
    order('2026-10-07', ['a', 'b', 'y'], 'delivered', 1, 'c5'),
    order('2026-10-08', ['a', 'b'], 'delivered', 1, 'c6'),
  ];
  const products = new Map([
    ['a', { name: 'A', reference: 'RA', active: true, family: 'Boissons' }],
    ['b', { name: 'B', reference: 'RB', active: true, family: 'Boissons' }],
    ['x', { name: 'X', reference: 'RX', active: true, family: 'Épicerie traiteur' }],
    ['y', { name: 'Y', reference: 'RY', active: true, family: 'Boissons' }],
    ['z', { name: 'Z', reference: 'RZ', active: false, family: 'Boissons' }],
  ]);

  it('counts each segment customer once per product over the last 12 months', () => {
    const p = segmentPenetration(segments, orders, AT);
    expect(p.customers.get('loyal')).toBe(4);
    expect(Object.fromEntries(p.buyers.get('loyal') ?? [])).toEqual({ a: 1, b: 3, x: 2, y: 1, z: 2 });
    expect(Object.fromEntries(p.buyers.get('lost') ?? [])).toEqual({ a: 1, b: 1, y: 1 });
  });

  it('offers what most of the segment buys and the customer never bought (active, ≥ 2 buyers)', () => {
    const p = segmentPenetration(segments, orders, AT);
    // c1 (loyal) bought a; y was once in a cancelled order: never bought. b 3/4, x 2/4; y has 1
    // buyer; z is inactive.
    const bought = productsEverBought(orders.filter((o) => o.customerId === 'c1'));
    expect([...bought]).toEqual(['a']);
    expect(crossSell(p, 'loyal', bought, products)).toEqual([
      { productId: 'b', name: 'B', reference: 'RB', buyers: 3, segmentSize: 4, share: 0.75 },
      { productId: 'x', name: 'X', reference: 'RX', buyers: 2, segmentSize: 4, share: 0.5 },
    ]);
    expect(crossSell(p, null, bought, products)).toEqual([]);
    expect(crossSell(p, 'champions', bought, products)).toEqual([]);
  });

  it('offers a café only the families cafés buy (no catering packs bought by restaurants)', () => {
    // Restaurants c2 and c3 bought x (catering); the cafés c1, c4 and c5 only drinks.
    const sectors = new Map([
      ['c1', 'cafe'],
      ['c2', 'restaurant'],
      ['c3', 'restaurant'],
      ['c4', 'cafe'],
      ['c5', 'cafe'],
      ['c6', 'hotel'],
    ]);
    const families = familiesBySector(sectors, orders, products, AT);
    expect([...(families.get('cafe') ?? [])]).toEqual(['Boissons']);
    expect([...(families.get('restaurant') ?? [])].sort()).toEqual(['Boissons', 'Épicerie traiteur']);
    const p = segmentPenetration(segments, orders, AT);
    const bought = productsEverBought(orders.filter((o) => o.customerId === 'c1'));
    expect(
      crossSell(p, 'loyal', bought, products, families.get('cafe') ?? null).map((i) => i.productId),
    ).toEqual(['b']);
    expect(
      crossSell(p, 'loyal', bought, products, families.get('restaurant') ?? null).map((i) => i.productId),
    ).toEqual(['b', 'x']);
  });
});

describe('freshness', () => {
  const lists = [
    { name: 'Tarif CHR 2025', customerGroup: 'CHR', validFrom: '2025-01-01', validTo: '2025-12-31' },
    { name: 'Tarif CHR 2026', customerGroup: 'CHR', validFrom: '2026-01-01', validTo: null },
    { name: 'Tarif CHR 2027', customerGroup: 'CHR', validFrom: '2027-01-01', validTo: null },
    { name: 'Tarif caviste', customerGroup: 'CAV', validFrom: '2026-06-01', validTo: null },
  ];

  it('picks the price list valid today for the customer group, latest start', () => {
    expect(currentPriceList(lists, 'CHR', AT)?.name).toBe('Tarif CHR 2026');
    expect(currentPriceList(lists, 'GMS', AT)).toBeNull();
  });

  it('prices as of the list start, last sync age and the 24 h stale flag', () => {
    expect(
      freshness({
        priceLists: lists,
        priceGroup: 'CHR',
        lastSyncAt: '2026-11-25T20:00:00.000Z',
        lastPullAt: '2026-11-25T20:00:00.000Z',
        at: AT,
      }),
    ).toEqual({
      pricesFrom: '2026-01-01',
      priceListName: 'Tarif CHR 2026',
      catalogueAt: null,
      lastSyncAt: '2026-11-25T20:00:00.000Z',
      syncAgeMs: 4 * 3_600_000 - 1,
      stale: false,
    });
    const old = freshness({
      priceLists: lists,
      priceGroup: '',
      lastSyncAt: '2026-11-24T20:00:00.000Z',
      lastPullAt: '2026-11-24T19:00:00.000Z',
      at: AT,
    });
    expect(old).toMatchObject({ pricesFrom: null, catalogueAt: '2026-11-24T19:00:00.000Z', stale: true });
    expect(
      freshness({ priceLists: [], priceGroup: 'CHR', lastSyncAt: null, lastPullAt: null, at: AT }),
    ).toMatchObject({
      syncAgeMs: null,
      stale: true,
    });
  });
});

describe('what the last visit report agreed', () => {
  const v = (
    at: string,
    extra: { nextStep?: string; needs?: string[]; motives?: ('money' | 'comfort')[] } = {},
  ) => ({
    at: day(at),
    nextStep: extra.nextStep ?? '',
    needs: extra.needs ?? [],
    motives: extra.motives ?? [],
  });

  it('is the newest report up to the brief’s day that says something', () => {
    const visits = [
      v('2026-10-01', { nextStep: 'Envoyer le devis' }),
      v('2026-11-10', { needs: ['Plus de références bio'], motives: ['money'] }),
      // Imported history: no report fields; it does not hide the one before.
      v('2026-11-20'),
      // After the brief's day: not yet.
      v('2026-11-30', { nextStep: 'Plus tard' }),
    ];
    expect(lastReport(visits, AT)).toEqual(visits[1]);
    expect(lastReport(visits.slice(0, 1), AT)?.nextStep).toBe('Envoyer le devis');
  });

  it('is null when no report holds anything', () => {
    expect(lastReport([v('2026-11-20'), v('2026-11-21', { nextStep: '   ' })], AT)).toBeNull();
    expect(lastReport([], AT)).toBeNull();
  });
});
