import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../shared/domain/order/order.js';
import { AppDB } from '../db/AppDB.js';
import { computePenetration } from '../features/brief/penetrationCompute.js';
import { computePortfolioRfm } from '../features/customers/rfmCompute.js';
import { eachTestDb } from '../test/db.js';
import { makeCustomer, makeProduct } from '../test/fakeServer.js';
import { portfolioComputer } from './portfolioCompute.js';
import type { PortfolioAnswer, PortfolioRequest } from './portfolioProtocol.js';

const AT = new Date('2026-11-24T23:59:59.999Z');
const daysAgo = (d: number) => new Date(AT.getTime() - d * 86_400_000).toISOString();
const id = (prefix: string, n: number) => `01900000-0000-7000-${prefix}-${n.toString(16).padStart(12, '0')}`;

function order(n: number, customer: number, days: number, product: number, status: Order['status']): Order {
  const cents = 5_000 * product;
  return {
    id: id('9000', n),
    customerId: makeCustomer(customer).id,
    repId: null,
    number: `CMD-2026-${String(n).padStart(6, '0')}`,
    orderedAt: daysAgo(days),
    deliveryDate: null,
    status,
    lines: [
      {
        id: id('9100', n),
        productId: id('9200', product),
        productReference: `REF-${product}`,
        productName: `Produit ${product}`,
        quantity: 1,
        unitPriceCents: cents,
        discountBp: 0,
        vatRate: 2000,
        totalExclCents: cents,
      },
    ],
    totalExclCents: cents,
    totalVatCents: cents / 5,
    totalInclCents: cents * 1.2,
    version: 1,
    updatedAt: daysAgo(days),
  };
}

let db: AppDB;
eachTestDb('portfolio-worker', async (fresh) => {
  db = fresh;
  await db.customers.bulkPut(
    [1, 2, 3, 4, 5, 6].map((n) => makeCustomer(n, { sector: n % 2 ? 'bar' : 'restaurant' })),
  );
  await db.products.bulkPut([1, 2, 3].map((p) => makeProduct(id('9200', p), { family: `Famille ${p}` })));
  let n = 0;
  const orders: Order[] = [];
  // Customer c buys product (c % 3) + 1 every 20·c days over two years; one order is cancelled.
  for (let c = 1; c <= 5; c += 1)
    for (let days = 3 * c; days < 700; days += 20 * c)
      orders.push(order((n += 1), c, days, (c % 3) + 1, n === 7 ? 'cancelled' : 'delivered'));
  await db.orders.bulkPut(orders);
});

const request = (kind: PortfolioRequest['kind'], key = 'k1'): PortfolioRequest => ({
  id: 1,
  kind,
  dbName: db.name,
  key,
  at: AT.getTime(),
});

function value(answer: PortfolioAnswer) {
  if (!answer.ok) throw new Error(answer.message);
  return answer.value;
}

describe('the portfolio worker’s computations', () => {
  it('gives the same RFM and cross-sell penetration as computing them on the main thread', async () => {
    const computer = portfolioComputer();
    try {
      const rfm = await computePortfolioRfm(db, 'k1', AT);
      const fromWorker = value(await computer.handle(request('rfm')));
      expect(fromWorker).toMatchObject({ key: 'k1', at: AT, now: rfm.now, past: rfm.past });
      // Five buyers scored, the sixth customer never bought.
      expect([...rfm.now.values()].filter((c) => c.segment !== null)).toHaveLength(5);

      const penetration = await computePenetration(db, rfm);
      expect(value(await computer.handle(request('penetration')))).toMatchObject({
        key: 'k1',
        penetration: penetration.penetration,
        familiesBySector: penetration.familiesBySector,
      });
      expect(penetration.penetration.buyers.size).toBeGreaterThan(0);
    } finally {
      computer.close();
    }
  });

  it('computes again for a new data version, and sees what was written since', async () => {
    const computer = portfolioComputer();
    try {
      const before = value(await computer.handle(request('rfm', 'k1')));
      await db.orders.put(order(999, 6, 1, 3, 'delivered'));
      const same = value(await computer.handle(request('rfm', 'k1')));
      const after = value(await computer.handle(request('rfm', 'k2')));
      expect(same).toEqual(before);
      const sixth = makeCustomer(6).id;
      if (!('now' in before) || !('now' in after)) throw new Error('not an RFM answer');
      expect(before.now.get(sixth)?.segment ?? null).toBeNull();
      expect(after.now.get(sixth)?.recencyDays).toBe(1);
    } finally {
      computer.close();
    }
  });

  it('answers a failure with its message instead of throwing', async () => {
    const computer = portfolioComputer(() => {
      throw new Error('IndexedDB is not available');
    });
    expect(await computer.handle(request('rfm'))).toEqual({
      id: 1,
      ok: false,
      message: 'IndexedDB is not available',
    });
  });
});

/** A stand-in for the browser's Worker: answers through the real computations, or fails. */
function fakeWorker(mode: 'answers' | 'fails-to-load' | 'fails-each') {
  const computer = portfolioComputer((name) => new AppDB(name));
  const started: string[] = [];
  class FakeWorker {
    onmessage: ((event: MessageEvent<PortfolioAnswer>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    onmessageerror: ((event: MessageEvent) => void) | null = null;
    constructor(url: URL) {
      started.push(url.pathname);
    }
    postMessage(message: PortfolioRequest) {
      if (mode === 'fails-to-load') {
        setTimeout(() => this.onerror?.({ message: 'blocked by the page' } as ErrorEvent), 0);
        return;
      }
      void computer.handle(message).then((answer) => {
        const sent: PortfolioAnswer =
          mode === 'answers' ? answer : { id: answer.id, ok: false, message: 'boom' };
        this.onmessage?.({ data: sent } as MessageEvent<PortfolioAnswer>);
      });
    }
    terminate() {}
  }
  return { FakeWorker, started, close: () => computer.close() };
}

describe('asking the worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
    vi.restoreAllMocks();
  });

  it('takes the worker’s answer when a worker runs, without computing on the main thread', async () => {
    const fake = fakeWorker('answers');
    vi.stubGlobal('Worker', fake.FakeWorker);
    const { offThread } = await import('./portfolioClient.js');
    const here = vi.fn(() => computePortfolioRfm(db, 'k1', AT));
    const rfm = await offThread('rfm', db.name, 'k1', AT, here);
    expect(here).not.toHaveBeenCalled();
    expect(fake.started).toEqual([expect.stringMatching(/portfolio\.worker\.ts$/)]);
    expect([...rfm.now.values()].filter((c) => c.segment !== null)).toHaveLength(5);
    fake.close();
  });

  it('computes on the main thread when the worker cannot start, and stops asking it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeWorker('fails-to-load');
    vi.stubGlobal('Worker', fake.FakeWorker);
    const { offThread } = await import('./portfolioClient.js');
    const here = vi.fn(() => computePortfolioRfm(db, 'k1', AT));
    const first = await offThread('rfm', db.name, 'k1', AT, here);
    const second = await offThread('rfm', db.name, 'k1', AT, here);
    expect(here).toHaveBeenCalledTimes(2);
    expect(fake.started).toHaveLength(1);
    expect(second.now).toEqual(first.now);
    fake.close();
  });

  it('computes a request on the main thread when the worker fails it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeWorker('fails-each');
    vi.stubGlobal('Worker', fake.FakeWorker);
    const { offThread } = await import('./portfolioClient.js');
    const here = vi.fn(() => computePortfolioRfm(db, 'k1', AT));
    const rfm = await offThread('rfm', db.name, 'k1', AT, here);
    expect(here).toHaveBeenCalledTimes(1);
    expect(rfm.key).toBe('k1');
    fake.close();
  });
});
