import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from '../../lib/ids.js';

export const channels = ['visit', 'phone', 'email', 'sms'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

/** The roles the app knows by name (the field stays free text: anything else is shown as typed). */
export const contactRoles = [
  'manager',
  'hotel-director',
  'purchasing',
  'chef',
  'sommelier',
  'floor-manager',
] as const;
export type ContactRole = (typeof contactRoles)[number];

/** French labels (as the demo and most imports hold them), masculine and feminine, by role. */
const knownRoleLabels: Readonly<Record<string, { role: ContactRole; female: boolean }>> = {
  gérant: { role: 'manager', female: false },
  gérante: { role: 'manager', female: true },
  'directeur d’hôtel': { role: 'hotel-director', female: false },
  'directrice d’hôtel': { role: 'hotel-director', female: true },
  "directeur d'hôtel": { role: 'hotel-director', female: false },
  "directrice d'hôtel": { role: 'hotel-director', female: true },
  'responsable des achats': { role: 'purchasing', female: false },
  'responsable achats': { role: 'purchasing', female: false },
  'chef de cuisine': { role: 'chef', female: false },
  'cheffe de cuisine': { role: 'chef', female: true },
  sommelier: { role: 'sommelier', female: false },
  sommelière: { role: 'sommelier', female: true },
  'responsable de salle': { role: 'floor-manager', female: false },
};

/** The known role a contact's free-text role names (a code or a French label), or null. */
export function contactRoleOf(stored: string): { role: ContactRole; female: boolean } | null {
  const value = stored.trim();
  if ((contactRoles as readonly string[]).includes(value))
    return { role: value as ContactRole, female: false };
  return knownRoleLabels[value.toLowerCase()] ?? null;
}

/** Where a consent was collected, for the sources the app knows by name (the field is free text). */
export const consentSources = ['visit', 'web form', 'import'] as const;
export type ConsentSource = (typeof consentSources)[number];

export function isConsentSource(value: string): value is ConsentSource {
  return (consentSources as readonly string[]).includes(value);
}

export const contactEditableSchema = z.object({
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().min(1).max(100),
  /** Gérant, chef de cuisine, responsable achats… */
  role: z.string().trim().max(100),
  phone: z.string().trim().max(40),
  mobile: z.string().trim().max(40),
  email: z.union([z.literal(''), z.email()]),
  decisionMaker: z.boolean(),
  preferredChannel: channelSchema,
});
export type ContactEditable = z.infer<typeof contactEditableSchema>;

export const contactSchema = contactEditableSchema.extend({
  id: uuidSchema,
  customerId: uuidSchema,
  /** Set when erased under GDPR: the contact stays as "Contact anonymisé", its orders remain. */
  anonymisedAt: isoDateTimeSchema.nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: isoDateTimeSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const consentPurposes = ['email-marketing', 'sms-marketing', 'phone-marketing'] as const;
export const consentSchema = z.object({
  id: uuidSchema,
  customerId: uuidSchema,
  contactId: uuidSchema,
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  /** When the contact gave or withdrew it. */
  at: isoDateTimeSchema,
  /** How it was collected: "visit", "web form", "import"… */
  source: z.string().max(100),
});
export type Consent = z.infer<typeof consentSchema>;
