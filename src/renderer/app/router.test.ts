import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, type Route } from './router.js';

const CUSTOMER = '01900000-0000-7000-8000-000000000001';
const VISIT = '019ab000-0000-7000-8000-0000000000d3';

describe('router', () => {
  it('round-trips the order routes, with and without a visit', () => {
    const routes: Route[] = [
      { name: 'orders' },
      { name: 'order', id: 'o1' },
      { name: 'orderNew', customerId: CUSTOMER },
      { name: 'orderNew', customerId: CUSTOMER, visitId: VISIT },
      { name: 'visit', draftId: VISIT },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it('reads an order taken during a visit', () => {
    expect(hrefFor({ name: 'orderNew', customerId: CUSTOMER, visitId: VISIT })).toBe(
      `#/orders/new/${CUSTOMER}?visit=${VISIT}`,
    );
    expect(parseRoute(`#/orders/new/${CUSTOMER}?visit=`)).toEqual({ name: 'orderNew', customerId: CUSTOMER });
    expect(parseRoute(`#/orders/new/${CUSTOMER}`)).toEqual({ name: 'orderNew', customerId: CUSTOMER });
  });

  it('round-trips the team review route', () => {
    expect(hrefFor({ name: 'review' })).toBe('#/review');
    expect(parseRoute('#/review')).toEqual({ name: 'review' });
  });

  it('round-trips the campaigns list and a campaign page', () => {
    expect(hrefFor({ name: 'campaigns' })).toBe('#/campaigns');
    expect(parseRoute('#/campaigns')).toEqual({ name: 'campaigns' });
    expect(parseRoute(hrefFor({ name: 'campaign', id: VISIT }))).toEqual({ name: 'campaign', id: VISIT });
  });

  it('keeps the figures period, rep and tab in the address, and drops what is not a day', () => {
    const routes: Route[] = [
      { name: 'figures', tab: 'team', from: null, to: null, repId: null },
      { name: 'figures', tab: 'team', from: '2026-11-01', to: '2026-11-30', repId: CUSTOMER },
      { name: 'figures', tab: 'segments', from: '2026-06-30', to: '2026-11-30', repId: null },
      { name: 'teamAgenda', repId: null, week: null },
      { name: 'teamAgenda', repId: CUSTOMER, week: '2026-11-30' },
    ];
    for (const route of routes) expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute('#/figures?from=2026-13&to=x')).toEqual({
      name: 'figures',
      tab: 'team',
      from: null,
      to: null,
      repId: null,
    });
  });
});
