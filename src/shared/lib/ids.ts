import { z } from 'zod';

/** Every record has a client-generated UUID v7 (time-ordered). */
export const uuidSchema = z.uuid();
export type Uuid = string;

/** ISO-8601 timestamp in UTC, e.g. 2026-11-24T09:30:00.000Z. */
export const isoDateTimeSchema = z.iso.datetime({ offset: false });
export type IsoDateTime = string;

/** Money is integer cents. */
export type Cents = number & { readonly __brand: 'Cents' };
export const centsSchema = z
  .number()
  .int()
  .transform((n) => n as Cents);
