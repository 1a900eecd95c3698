import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';
import { isValidSiret, normaliseSiret } from './siret.js';

export const customerStatuses = ['prospect', 'customer', 'lost'] as const;
export const customerStatusSchema = z.enum(customerStatuses);
export type CustomerStatus = z.infer<typeof customerStatusSchema>;

/** Company size bands (effectif salarié, INSEE bands grouped). */
export const companySizes = ['', '0', '1-9', '10-49', '50-249', '250+'] as const;
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const; // ISO: 1 = Monday

/** The fields a rep or head office may edit (last writer wins per field). */
export const customerEditableSchema = z.object({
  // Identity (données signalétiques)
  name: z.string().trim().min(1).max(200),
  siret: z
    .string()
    .transform(normaliseSiret)
    .refine((s) => s === '' || isValidSiret(s), 'SIRET must be 14 digits with a valid checksum'),
  /** NAF/APE code, e.g. 56.10A (restauration traditionnelle). */
  nafCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{2}\.\d{2}[A-Z])?$/, 'NAF code looks like 56.10A'),
  legalForm: z.string().trim().max(60),
  address: z.string().trim().max(300),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'postcode must be 5 digits'),
  city: z.string().trim().max(120),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  size: z.enum(companySizes),
  /** Activity: café, hôtel, restaurant, brasserie, traiteur, collectivité… */
  sector: z.string().trim().max(100),
  firstContactDate: isoDateSchema.nullable(),
  phone: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  // Declarative data (données déclaratives)
  needs: z.string().max(5000),
  preferredVisitDays: z.array(z.number().int().min(1).max(7)).max(7),
  /** Free text such as "9h–11h, jamais pendant le service". */
  preferredVisitHours: z.string().max(200),
  openingHours: z.string().max(300),
  competitors: z.array(z.string().trim().min(1).max(100)).max(20),
  budgetCycle: z.string().max(200),
  declarativeNotes: z.string().max(10_000),
  // Relationship
  status: customerStatusSchema,
  /** The price list group this customer buys at (matches PriceList.customerGroup). */
  priceGroup: z.string().trim().max(40),
});
export type CustomerEditable = z.infer<typeof customerEditableSchema>;
export const customerEditableFields = Object.keys(customerEditableSchema.shape) as (keyof CustomerEditable)[];

/** Values of the fields a new customer gets when nobody filled them (creation, imports). */
export const customerEditableDefaults: Omit<CustomerEditable, 'name' | 'status'> = {
  siret: '',
  nafCode: '',
  legalForm: '',
  address: '',
  postcode: '',
  city: '',
  latitude: null,
  longitude: null,
  size: '',
  sector: '',
  firstContactDate: null,
  phone: '',
  email: '',
  needs: '',
  preferredVisitDays: [],
  preferredVisitHours: '',
  openingHours: '',
  competitors: [],
  budgetCycle: '',
  declarativeNotes: '',
  priceGroup: '',
};

/**
 * The customer as head office sends it. Checks that only guard what people type (SIRET
 * checksum, NAF shape) are not repeated here: head office validates on write, and a row the
 * laptop refused to parse would block the whole pull (imports may carry legacy identifiers).
 */
export const customerSchema = customerEditableSchema.extend({
  siret: z.string(),
  nafCode: z.string(),
  id: uuidSchema,
  ownerId: uuidSchema.nullable(),
  ownerName: z.string().nullable(),
  /** The reference of the customer in the system it was imported from (idempotent imports). */
  externalRef: z.string().nullable(),
  /** Server row version: increases on every change; sent back as baseVersion. */
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const customerChangesSchema = customerEditableSchema
  .partial()
  .refine((c) => Object.keys(c).length > 0, 'at least one field must change');
export type CustomerChanges = z.infer<typeof customerChangesSchema>;

/**
 * Reads one editable field typed as text (the admin CLI's `field=value`, a CSV cell) with the
 * field's own schema: numbers from their text, "" as null for nullable fields, arrays from
 * JSON (`[2,4]`) or a comma list (`2,4` / `Metro,Promocash`).
 */
export function customerFieldFromText<K extends keyof CustomerEditable>(
  field: K,
  text: string,
): z.ZodSafeParseResult<CustomerEditable[K]> {
  const schema = customerEditableSchema.shape[field];
  return schema.safeParse(textToValue(schema, text)) as z.ZodSafeParseResult<CustomerEditable[K]>;
}

function textToValue(schema: z.ZodType, text: string): unknown {
  if (schema instanceof z.ZodNullable) {
    return text.trim() === '' ? null : textToValue(schema.unwrap() as z.ZodType, text);
  }
  if (schema instanceof z.ZodNumber) {
    const n = Number(text.trim().replace(',', '.'));
    return text.trim() === '' || Number.isNaN(n) ? text : n;
  }
  if (schema instanceof z.ZodArray) {
    const trimmed = text.trim();
    if (trimmed.startsWith('[')) {
      try {
        return JSON.parse(trimmed) as unknown;
      } catch {
        return text;
      }
    }
    if (trimmed === '') return [];
    return trimmed.split(',').map((part) => textToValue(schema.element as z.ZodType, part.trim()));
  }
  return text;
}
