import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

/** French VAT rates in basis points: 20 %, 10 %, 5.5 %, 2.1 %. */
export const vatRates = [2000, 1000, 550, 210] as const;
export const vatRateSchema = z.union([z.literal(2000), z.literal(1000), z.literal(550), z.literal(210)]);
export type VatRate = z.infer<typeof vatRateSchema>;

export const productSchema = z.object({
  id: uuidSchema,
  reference: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  family: z.string().trim().min(1).max(100),
  /** Sales unit: bouteille, carton de 6, fût 30 L, kg… */
  unit: z.string().trim().min(1).max(40),
  vatRate: vatRateSchema,
  active: z.boolean(),
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Product = z.infer<typeof productSchema>;

/** Unit price from a minimum quantity on (quantity breaks, "prix dégressifs"). */
export const priceBreakSchema = z.object({
  minQuantity: z.number().int().positive(),
  unitPriceCents: z.number().int().nonnegative(),
});
export type PriceBreak = z.infer<typeof priceBreakSchema>;

export const priceListSchema = z.object({
  id: uuidSchema,
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  /** Customers whose `priceGroup` equals this code buy at these prices. */
  customerGroup: z.string().trim().min(1).max(40),
  validFrom: isoDateSchema,
  validTo: isoDateSchema.nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type PriceList = z.infer<typeof priceListSchema>;

export const priceSchema = z.object({
  id: uuidSchema,
  priceListId: uuidSchema,
  productId: uuidSchema,
  /** Sorted by minQuantity, the first one at 1. */
  breaks: z
    .array(priceBreakSchema)
    .min(1)
    .refine((b) => b[0]?.minQuantity === 1, 'the first break starts at quantity 1')
    .refine(
      (b) => b.every((x, i) => i === 0 || x.minQuantity > (b[i - 1]?.minQuantity ?? 0)),
      'breaks must be in increasing quantity',
    ),
  version: z.number().int().nonnegative(),
});
export type Price = z.infer<typeof priceSchema>;
