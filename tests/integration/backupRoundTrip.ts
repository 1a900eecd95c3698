/**
 * A laptop (the real SyncEngine over Dexie on fake-indexeddb) against a head office that is
 * backed up, keeps working, then is restored from that backup (decision 0020): every write the
 * laptop made must be at head office exactly once, the laptop must hold what head office sends
 * a new laptop of the same rep, its outbox must drain, and no order number may appear twice.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { expect } from 'vitest';
import type { Input, Method, Output } from '../../src/shared/contract/index.js';
import type { Transport } from '../../src/shared/contract/transport.js';
import { TransportError } from '../../src/shared/contract/transport.js';
import type { Result } from '../../src/shared/lib/result.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { parseResult } from '../../src/renderer/platform/validate.js';
import type { Clock, TimerHandle } from '../../src/renderer/sync/clock.js';
import { SyncEngine } from '../../src/renderer/sync/engine.js';
import { addNote } from '../../src/renderer/features/customers/mutators.js';
import { createOrder } from '../../src/renderer/features/orders/mutators.js';
import type { HeadOffice } from '../../src/server/start.js';
import { DEMO } from './harness.js';

const manualClock: Clock = {
  now: () => Date.now(),
  setTimeout: () => ({ __timer: true }) as TimerHandle,
  clearTimeout: () => {},
};
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** The laptop's transport: head office over HTTP, wherever it listens now. */
class HttpTransport implements Transport {
  constructor(
    public url: string,
    private readonly token: string,
  ) {}

  async invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>> {
    let response: Response;
    try {
      response = await fetch(`${this.url}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
        body: JSON.stringify(input),
      });
    } catch (error) {
      throw new TransportError((error as Error).message, null);
    }
    if (response.status >= 500) throw new TransportError(`answered ${response.status}`, response.status);
    return parseResult(method, await response.json(), response.status);
  }
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email,
      password: DEMO.password,
      deviceName: 'backup test',
      tokenDelivery: 'body',
    }),
  });
  const body = (await response.json()) as {
    ok: boolean;
    value: { token: string; user: { id: string; name: string } };
  };
  expect(body.ok).toBe(true);
  return body.value.token;
}

interface Laptop {
  db: AppDB;
  engine: SyncEngine;
  transport: HttpTransport;
  ctx: { userId: string; userName: string };
}

async function openLaptop(url: string, token: string, label: string): Promise<Laptop> {
  const transport = new HttpTransport(url, token);
  const me = await transport.invoke('auth-me', {});
  if (!me.ok) throw new Error(`auth-me: ${me.error.message}`);
  const user = { id: me.value.user.id, name: me.value.user.name };
  const db = new AppDB(`backup-${label}-${Date.now()}`);
  await db.open();
  const engine = new SyncEngine({
    db,
    transport,
    probe: async () => true,
    user,
    clock: manualClock,
    connectivity: null,
    log: silent,
  });
  return { db, engine, transport, ctx: { userId: user.id, userName: user.name } };
}

async function syncOk(laptop: Laptop): Promise<void> {
  await laptop.engine.syncNow();
  expect(laptop.engine.getStatus()).toMatchObject({ state: 'idle' });
}

/** A priced line the laptop can order for one of its customers (from what it was sent). */
async function orderableCustomer(db: AppDB): Promise<{ customerId: string; productId: string }> {
  for (const customer of await db.customers.toArray()) {
    const group = customer.priceGroup === '' ? 'CHR-STD' : customer.priceGroup;
    const list = (await db.priceLists.toArray()).find((l) => l.customerGroup === group);
    if (list === undefined) continue;
    const prices = await db.prices
      .where('[priceListId+productId]')
      .between([list.id, Dexie.minKey], [list.id, Dexie.maxKey])
      .toArray();
    for (const price of prices) {
      if ((await db.products.get(price.productId))?.active === true)
        return { customerId: customer.id, productId: price.productId };
    }
  }
  throw new Error('no customer with a priced product on the laptop');
}

/** What the laptop holds of head office's data: rows of every synced table, by id. */
async function heldRows(db: AppDB): Promise<Record<string, unknown[]>> {
  const held: Record<string, unknown[]> = {};
  for (const [entity, table] of Object.entries(db.serverTables())) {
    held[entity] = (await table.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  }
  return held;
}

export interface RestorableHeadOffice {
  start(): Promise<HeadOffice>;
  /** Backs up head office (running, at `current`). */
  backup(current: HeadOffice): Promise<void>;
  /** Restores the backup; head office is stopped. */
  restore(): Promise<void>;
}

export async function backupRoundTrip(target: RestorableHeadOffice): Promise<void> {
  let headOffice = await target.start();
  const laptops: Laptop[] = [];
  try {
    // Signed in before the backup: the session is in it.
    const token = await login(headOffice.url, DEMO.camille);
    const laptop = await openLaptop(headOffice.url, token, 'camille');
    laptops.push(laptop);
    await syncOk(laptop);
    const { customerId, productId } = await orderableCustomer(laptop.db);
    const note = (body: string) => laptop.engine.write(addNote, { customerId, body });
    const order = () =>
      laptop.engine.write(createOrder, {
        customerId,
        deliveryDate: null,
        note: '',
        signature: null,
        lines: [{ productId, quantity: 3, discountBp: 0 }],
      });
    const written: string[] = [];
    const orderIds: string[] = [];

    written.push((await note('Avant la sauvegarde')).body);
    orderIds.push((await order()).id);
    await syncOk(laptop);

    await target.backup(headOffice);

    // Acknowledged by head office after the backup: the restore forgets them.
    written.push((await note('Après la sauvegarde, accusée')).body);
    orderIds.push((await order()).id);
    written.push((await note('Après la sauvegarde, accusée aussi')).body);
    await syncOk(laptop);
    expect(await laptop.db.outbox.count()).toBe(0);
    const numbersBefore = (await laptop.db.orders.bulkGet(orderIds)).map((o) => o?.number);
    expect(numbersBefore.every((n) => typeof n === 'string')).toBe(true);

    await headOffice.close();
    // Written while head office is down (waiting in the outbox).
    written.push((await note('Pendant la restauration')).body);
    orderIds.push((await order()).id);
    await target.restore();
    headOffice = await target.start();
    laptop.transport.url = headOffice.url;

    await syncOk(laptop);
    await syncOk(laptop);
    expect(await laptop.db.outbox.count()).toBe(0);

    // Head office's view, as a new laptop of the same rep receives it.
    const fresh = await openLaptop(headOffice.url, token, 'camille-new');
    laptops.push(fresh);
    await syncOk(fresh);
    const notes = await fresh.db.notes.toArray();
    for (const body of written)
      expect(
        notes.filter((n) => n.body === body),
        body,
      ).toHaveLength(1);
    const orders = await fresh.db.orders.toArray();
    for (const id of orderIds)
      expect(
        orders.filter((o) => o.id === id),
        id,
      ).toHaveLength(1);
    const numbers = orders.map((o) => o.number).filter((n) => n !== null);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(await heldRows(laptop.db)).toEqual(await heldRows(fresh.db));
  } finally {
    for (const laptop of laptops) {
      laptop.engine.stop();
      laptop.db.close();
      await laptop.db.delete();
    }
    await headOffice.close();
  }
}
