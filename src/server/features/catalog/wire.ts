/** The catalogue as it goes on the wire: one query for any number of rows. */
import type { SQL } from 'drizzle-orm';
import type { Price, PriceList, Product } from '../../../shared/domain/catalog/catalog.js';
import { priceLists, prices, products } from '../../db/schema.js';
import { selectLiveWire } from '../../db/sql.js';
import type { DbOrTx } from '../../db/types.js';

export function selectProducts(db: DbOrTx, where: SQL): Promise<Product[]> {
  return selectLiveWire(db, products, where, [
    'id',
    'reference',
    'name',
    'family',
    'unit',
    'vatRate',
    'active',
    'version',
    'updatedAt',
  ]);
}

export function selectPriceLists(db: DbOrTx, where: SQL): Promise<PriceList[]> {
  return selectLiveWire(db, priceLists, where, [
    'id',
    'code',
    'name',
    'customerGroup',
    'validFrom',
    'validTo',
    'version',
    'updatedAt',
  ]);
}

export function selectPrices(db: DbOrTx, where: SQL): Promise<Price[]> {
  return selectLiveWire(db, prices, where, ['id', 'priceListId', 'productId', 'breaks', 'version']);
}
