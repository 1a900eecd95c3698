/**
 * RFM at head office: each customer's recency, frequency, monetary value, scores and segment as
 * of a day, and the migration matrix between two days, over the customers the caller may see
 * (a rep their portfolio, a manager their team's, an admin all). The definition is the one in
 * `shared/domain/rfm/rfm.ts`; the laptop computes the same figures from the same rows.
 */
import { z } from 'zod';
import { rfmSegments } from '../domain/rfm/rfm.js';
import { isoDateSchema } from '../lib/ids.js';

const score = z.number().int().min(1).max(5);
export const customerRfmRowSchema = z.object({
  customerId: z.string(),
  /** The external reference the customer was imported with; null for one created here. */
  customerRef: z.string().nullable(),
  recencyDays: z.number().int().nonnegative(),
  frequency: z.number().int().nonnegative(),
  monetaryCents: z.number().int(),
  r: score,
  f: score,
  m: score,
  segment: z.enum(rfmSegments),
});
export type CustomerRfmRow = z.infer<typeof customerRfmRowSchema>;

export const migrationFromSegments = [...rfmSegments, 'none'] as const;
export const migrationCellSchema = z.object({
  fromSegment: z.enum(migrationFromSegments),
  toSegment: z.enum(rfmSegments),
  customers: z.number().int().nonnegative(),
  /** M at the later day, in cents excluding tax. */
  revenueCents: z.number().int(),
});
export type MigrationCell = z.infer<typeof migrationCellSchema>;

export const rfmCustomerSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  city: z.string(),
  /** The customer's rep today; null when nobody holds the customer. */
  repName: z.string().nullable(),
  fromSegment: z.enum(migrationFromSegments),
  toSegment: z.enum(rfmSegments),
  /** M at the later day, in cents excluding tax. */
  monetaryCents: z.number().int(),
  /** Revenue excluding tax of the 365 days before those of M (D − 729 … D − 365), for the forecast. */
  yearBeforeCents: z.number().int(),
  recencyDays: z.number().int().nonnegative(),
  /** Median days between consecutive purchases up to the later day; null with a single purchase. */
  rhythmDays: z.number().int().nonnegative().nullable(),
  /** More than twice their rhythm without a purchase at the later day. */
  overdue: z.boolean(),
});
export type RfmCustomer = z.infer<typeof rfmCustomerSchema>;

export const rfmContract = {
  /** Customers with a purchase on or before `asOf`, ordered by external reference then id. */
  'rfm-scores': {
    input: z.object({ asOf: isoDateSchema }),
    output: z.object({ asOf: isoDateSchema, customers: z.array(customerRfmRowSchema) }),
  },
  /** One cell per (segment at `from`, segment at `to`) holding at least one customer. */
  'rfm-migrations': {
    input: z.object({ from: isoDateSchema, to: isoDateSchema }),
    output: z.object({ cells: z.array(migrationCellSchema) }),
  },
  /** The customers behind the matrix (segment at each day) with recency and rhythm at `to`. */
  'rfm-customers': {
    input: z.object({ from: isoDateSchema, to: isoDateSchema }),
    output: z.object({ customers: z.array(rfmCustomerSchema) }),
  },
} as const;
