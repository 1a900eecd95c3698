/**
 * `ImportLookups` over the head-office database: one query per method, the keys passed as ONE
 * JSON parameter (`in (select jsonb_array_elements_text(…))`), so a file with 23,544 customer
 * references is one statement, with no 65,535-parameter limit. Deleted rows are unknown.
 */
import { and, isNull, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';
import { customers, priceLists, products, users } from '../../db/schema.js';
import type { DbOrTx } from '../../db/types.js';
import type { CustomerMatch, ImportLookups, PriceListMatch, ProductMatch, RepMatch } from './lookups.js';

/** `column in (…keys)` with the keys as one JSON text parameter. */
export function inTextKeys(column: AnyColumn | SQL, keys: readonly string[]): SQL {
  return sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;
}

export function dbLookups(db: DbOrTx): ImportLookups {
  return {
    async productByReference(references) {
      const found = new Map<string, ProductMatch>();
      if (references.length === 0) return found;
      const rows = await db
        .select({
          id: products.id,
          reference: products.reference,
          name: products.name,
          vatRate: products.vatRate,
        })
        .from(products)
        .where(and(inTextKeys(products.reference, references), isNull(products.deletedAt)));
      for (const r of rows) found.set(r.reference, r);
      return found;
    },
    async customerByRef(refs) {
      const found = new Map<string, CustomerMatch>();
      if (refs.length === 0) return found;
      const rows = await db
        .select({ id: customers.id, externalRef: customers.externalRef })
        .from(customers)
        .where(and(inTextKeys(customers.externalRef, refs), isNull(customers.deletedAt)));
      for (const r of rows)
        if (r.externalRef !== null) found.set(r.externalRef, { id: r.id, externalRef: r.externalRef });
      return found;
    },
    async repByEmail(emails) {
      const found = new Map<string, RepMatch>();
      if (emails.length === 0) return found;
      const rows = await db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(
          inTextKeys(
            sql`lower(${users.email})`,
            emails.map((e) => e.toLowerCase()),
          ),
        );
      for (const r of rows) found.set(r.email.toLowerCase(), r);
      return found;
    },
    async priceListByCode(codes) {
      const found = new Map<string, PriceListMatch>();
      if (codes.length === 0) return found;
      const rows = await db
        .select({ id: priceLists.id, code: priceLists.code })
        .from(priceLists)
        .where(and(inTextKeys(priceLists.code, codes), isNull(priceLists.deletedAt)));
      for (const r of rows) found.set(r.code, r);
      return found;
    },
  };
}
