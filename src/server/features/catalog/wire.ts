/** The catalogue as it goes on the wire: one query for any number of rows. */
import type { SQL } from 'drizzle-orm';
import type { Price, PriceList, Product } from '../../../shared/domain/catalog/catalog.js';
import { priceLists, prices, products } from '../../db/schema.js';
import { selectLive } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';
import { toIso } from '../../lib/time.js';

export async function selectProducts(db: DbOrTx, where: SQL): Promise<Product[]> {
  const rows = await selectLive(db, products, where);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    name: r.name,
    family: r.family,
    unit: r.unit,
    vatRate: r.vatRate,
    active: r.active,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectPriceLists(db: DbOrTx, where: SQL): Promise<PriceList[]> {
  const rows = await selectLive(db, priceLists, where);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    customerGroup: r.customerGroup,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
    updatedAt: toIso(r.updatedAt),
  }));
}

export async function selectPrices(db: DbOrTx, where: SQL): Promise<Price[]> {
  const rows = await selectLive(db, prices, where);
  return rows.map((r) => ({
    id: r.id,
    priceListId: r.priceListId,
    productId: r.productId,
    breaks: r.breaks,
    version: r.version,
  }));
}
