/**
 * Order facts: what the portfolio RFM needs of each order (customer, instant, total excluding
 * tax, whether it counts), derived from `orders` and kept in step with it in the same
 * transaction by a DBCore middleware, so no write path can forget it: a pull's puts, deletes
 * and reset, the laptop's own order creation, update and cancellation, and any future write.
 *
 * The facts are stored in columns, in `ORDER_FACT_BUCKETS` records by a hash of the order id:
 * IndexedDB pays per record read, so the whole portfolio's facts come back in a few dozen
 * records (tens of milliseconds for 70,000 orders) where the orders themselves, or one small
 * record per order, take a second or more. Writing an order rewrites its bucket.
 *
 * The middleware widens every read-write transaction that touches `orders` to `orderFacts`,
 * and after each mutation of `orders` (add, put, delete, delete of a range such as `clear`)
 * applies the same change to the facts. Version 9 fills the facts of the orders stored before
 * (versions.ts).
 */
import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { z } from 'zod';
import { countsForRfm } from '../../shared/domain/rfm/rfm.js';

const ORDERS_STORE = 'orders';
const ORDER_FACTS_STORE = 'orderFacts';
/** Records the facts are spread over: few enough to read at once, small enough to rewrite. */
export const ORDER_FACT_BUCKETS = 64;

/** One bucket of facts, in columns (index i of each array is one order). */
export interface OrderFactsBucket {
  bucket: number;
  ids: string[];
  customerIds: string[];
  orderedAt: string[];
  totalExclCents: number[];
  /** 1 when the order counts for RFM (not cancelled, not a draft), 0 otherwise. */
  counted: (0 | 1)[];
}

/** The fields of an order row a fact is made of (a row without them gets no fact). */
const factSourceSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  orderedAt: z.string(),
  totalExclCents: z.number(),
  status: z.string().optional(),
});

export interface OrderFact {
  id: string;
  customerId: string;
  orderedAt: string;
  totalExclCents: number;
  counted: 0 | 1;
}

/** The fact of an order row; null when the row lacks a field the fact needs. */
export function orderFactOf(row: unknown): OrderFact | null {
  const parsed = factSourceSchema.safeParse(row);
  if (!parsed.success) return null;
  const { id, customerId, orderedAt, totalExclCents, status } = parsed.data;
  return { id, customerId, orderedAt, totalExclCents, counted: countsForRfm({ status }) ? 1 : 0 };
}

/** The bucket of an order id (FNV-1a over its characters). */
export function bucketOf(orderId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderId.length; i += 1) {
    hash ^= orderId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ORDER_FACT_BUCKETS;
}

function emptyBucket(bucket: number): OrderFactsBucket {
  return { bucket, ids: [], customerIds: [], orderedAt: [], totalExclCents: [], counted: [] };
}

/** Sets (fact) or removes (null) the fact of each order id in the buckets, in place. */
function applyToBuckets(
  buckets: Map<number, OrderFactsBucket>,
  changes: ReadonlyMap<string, OrderFact | null>,
): void {
  const byBucket = new Map<number, [string, OrderFact | null][]>();
  for (const change of changes) {
    const b = bucketOf(change[0]);
    const list = byBucket.get(b);
    if (list) list.push(change);
    else byBucket.set(b, [change]);
  }
  for (const [b, list] of byBucket) {
    let bucket = buckets.get(b);
    if (!bucket) buckets.set(b, (bucket = emptyBucket(b)));
    const index = new Map(bucket.ids.map((id, i) => [id, i]));
    for (const [id, fact] of list) {
      const at = index.get(id);
      if (fact) {
        const i = at ?? bucket.ids.length;
        bucket.ids[i] = id;
        bucket.customerIds[i] = fact.customerId;
        bucket.orderedAt[i] = fact.orderedAt;
        bucket.totalExclCents[i] = fact.totalExclCents;
        bucket.counted[i] = fact.counted;
        index.set(id, i);
      } else if (at !== undefined) {
        // Removal: the last fact takes the removed one's place.
        const last = bucket.ids.length - 1;
        const lastId = bucket.ids[last]!;
        for (const column of [
          bucket.ids,
          bucket.customerIds,
          bucket.orderedAt,
          bucket.totalExclCents,
          bucket.counted,
        ]) {
          (column as unknown[])[at] = column[last];
          column.pop();
        }
        index.delete(id);
        if (lastId !== id) index.set(lastId, at);
      }
    }
  }
}

/** The buckets holding `facts` (the version 9 upgrade). */
export function bucketsOf(facts: readonly OrderFact[]): OrderFactsBucket[] {
  const buckets = new Map<number, OrderFactsBucket>();
  applyToBuckets(buckets, new Map(facts.map((f) => [f.id, f])));
  return [...buckets.values()];
}

/** Reads the buckets the changes fall in, applies them and writes the buckets back. */
async function writeFacts(
  facts: DBCoreTable,
  trans: DBCoreTransaction,
  changes: ReadonlyMap<string, OrderFact | null>,
): Promise<void> {
  if (changes.size === 0) return;
  const keys = [...new Set([...changes.keys()].map(bucketOf))];
  const stored = (await facts.getMany({ trans, keys })) as (OrderFactsBucket | undefined)[];
  const buckets = new Map<number, OrderFactsBucket>();
  for (const bucket of stored) if (bucket) buckets.set(bucket.bucket, bucket);
  applyToBuckets(buckets, changes);
  const values = [...buckets.values()];
  const result = await facts.mutate({ type: 'put', trans, values });
  if (result.numFailures > 0) throw Object.values(result.failures)[0] ?? new Error('Order facts not written');
}

/** Dexie's range type "every key" (`DBCoreRangeType.Any`, a const enum the build cannot import). */
const ANY_RANGE = 3;

/** Runs a mutation of `orders`, then the same change on the facts, in the same transaction. */
async function mutateMirrored(
  orders: DBCoreTable,
  facts: DBCoreTable,
  req: DBCoreMutateRequest,
): Promise<DBCoreMutateResponse> {
  const { trans } = req;
  if (req.type === 'deleteRange') {
    if (req.range.type === ANY_RANGE) {
      const result = await orders.mutate(req);
      await facts.mutate({ type: 'deleteRange', trans, range: req.range });
      return result;
    }
    // A partial range: its order ids first, then the same as a delete of those ids.
    const { result: ids } = await orders.query({
      trans,
      values: false,
      query: { index: orders.schema.primaryKey, range: req.range },
    });
    const result = await orders.mutate(req);
    await writeFacts(facts, trans, new Map((ids as string[]).map((id) => [id, null])));
    return result;
  }
  const result = await orders.mutate(req);
  const changes = new Map<string, OrderFact | null>();
  if (req.type === 'delete') {
    req.keys.forEach((key: unknown, i) => {
      if (typeof key === 'string' && !(i in result.failures)) changes.set(key, null);
    });
  } else {
    req.values.forEach((value: unknown, i) => {
      if (i in result.failures) return;
      const fact = orderFactOf(value);
      const id = fact?.id ?? (value as { id?: unknown } | null)?.id;
      if (typeof id === 'string') changes.set(id, fact);
    });
  }
  await writeFacts(facts, trans, changes);
  return result;
}

/**
 * Keeps `orderFacts` in step with `orders` (see the file's comment). Does nothing on a
 * database without the facts store (upgrades through versions before 9).
 */
export const orderFactsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'orderFacts',
  create(down) {
    const names = new Set(down.schema.tables.map((t) => t.name));
    if (!names.has(ORDERS_STORE) || !names.has(ORDER_FACTS_STORE)) return {};
    return {
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(ORDERS_STORE) && !stores.includes(ORDER_FACTS_STORE)
            ? [...stores, ORDER_FACTS_STORE]
            : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== ORDERS_STORE) return table;
        const facts = down.table(ORDER_FACTS_STORE);
        return { ...table, mutate: (req) => mutateMirrored(table, facts, req) };
      },
    };
  },
};

/** Every order's fact, from the facts store (a few dozen records). */
export async function readOrderFacts(table: {
  toArray(): Promise<OrderFactsBucket[]>;
}): Promise<OrderFact[]> {
  const buckets = await table.toArray();
  const facts: OrderFact[] = [];
  for (const b of buckets) {
    for (let i = 0; i < b.ids.length; i += 1) {
      facts.push({
        id: b.ids[i]!,
        customerId: b.customerIds[i]!,
        orderedAt: b.orderedAt[i]!,
        totalExclCents: b.totalExclCents[i]!,
        counted: b.counted[i]!,
      });
    }
  }
  return facts;
}
