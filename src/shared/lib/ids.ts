import { z } from 'zod';

/** Every record has a client-generated UUID v7 (time-ordered). */
export const uuidSchema = z.uuid();
export type Uuid = string;

/** ISO-8601 timestamp in UTC, e.g. 2026-11-24T09:30:00.000Z. */
/** Year 0 has the shape of a date but exists in no calendar a database keeps (1 BC is followed by AD 1). */
const notYearZero = { check: (s: string) => !s.startsWith('0000'), message: 'year 0 does not exist' };
export const isoDateTimeSchema = z.iso
  .datetime({ offset: false })
  .refine(notYearZero.check, notYearZero.message);
export type IsoDateTime = string;

/** Money is integer cents. */
export type Cents = number & { readonly __brand: 'Cents' };
export const centsSchema = z
  .number()
  .int()
  .transform((n) => n as Cents);

/** A calendar date with no time (e.g. a delivery date, a price list's validity): YYYY-MM-DD. */
export const isoDateSchema = z.iso.date().refine(notYearZero.check, notYearZero.message);
export type IsoDate = string;

/** A non-negative amount in cents. */
export const nonNegativeCentsSchema = z.number().int().nonnegative();
