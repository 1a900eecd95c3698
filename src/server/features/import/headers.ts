/**
 * Header recognition: which column holds which field, per import kind, in French or English,
 * ignoring case, accents, spaces and punctuation ("N° commande" = "n commande" = "NCOMMANDE").
 * `suggestMapping` proposes a mapping with a confidence per column; the admin screen shows it,
 * the admin may override it, and the importers take the (possibly edited) mapping back.
 */
import type { ImportError, ImportWarning } from './errors.js';

export const importKinds = ['customers', 'contacts', 'products', 'prices', 'orders'] as const;
export type ImportKind = (typeof importKinds)[number];

interface FieldSpec {
  required: boolean;
  /** Header synonyms, as people write them; normalised at load time. */
  names: readonly string[];
}

export const fieldSpecs = {
  customers: {
    name: {
      required: true,
      names: [
        'Raison sociale',
        'Nom',
        'Name',
        'Company',
        'Company name',
        'Nom client',
        'Société',
        'Enseigne',
      ],
    },
    siret: { required: false, names: ['SIRET', 'N° SIRET', 'Siret number'] },
    nafCode: { required: false, names: ['NAF', 'APE', 'Code NAF', 'Code APE', 'NAF/APE', 'NAF code'] },
    legalForm: { required: false, names: ['Forme juridique', 'Legal form'] },
    address: { required: false, names: ['Adresse', 'Address', 'Rue', 'Street'] },
    postcode: { required: false, names: ['Code postal', 'CP', 'Postcode', 'Postal code', 'Zip', 'Zip code'] },
    city: { required: false, names: ['Ville', 'City', 'Town', 'Commune'] },
    phone: { required: false, names: ['Téléphone', 'Tél', 'Tel', 'Phone', 'Telephone'] },
    email: { required: false, names: ['E-mail', 'Email', 'Courriel', 'Mail', 'Adresse e-mail'] },
    status: { required: false, names: ['Statut', 'Status'] },
    sector: { required: false, names: ['Secteur', 'Sector', 'Activité', 'Activity'] },
    latitude: { required: false, names: ['Latitude', 'Lat'] },
    longitude: { required: false, names: ['Longitude', 'Lon', 'Lng', 'Long'] },
    externalRef: {
      required: false,
      names: [
        'Référence',
        'Ref',
        'Réf',
        'Code client',
        'Customer id',
        'Customer ref',
        'External ref',
        'Référence client',
        'Réf client',
        'N° client',
      ],
    },
    repEmail: {
      required: false,
      names: ['Commercial', 'Rep', 'Sales rep', 'Email commercial', 'Rep email', 'Commercial email'],
    },
    priceGroup: {
      required: false,
      names: ['Groupe tarifaire', 'Price group', 'Tarif', 'Catégorie tarifaire'],
    },
    firstContactDate: {
      required: false,
      names: ['Date premier contact', 'First contact', 'Date de premier contact', 'First contact date'],
    },
  },
  contacts: {
    customerRef: {
      required: true,
      names: [
        'Client ref',
        'Réf client',
        'Référence client',
        'Code client',
        'Customer ref',
        'Customer id',
        'Client',
      ],
    },
    lastName: { required: true, names: ['Nom', 'Last name', 'Surname', 'Nom de famille'] },
    firstName: { required: false, names: ['Prénom', 'First name', 'Given name'] },
    role: { required: false, names: ['Fonction', 'Rôle', 'Role', 'Job title', 'Poste'] },
    phone: { required: false, names: ['Téléphone', 'Tél', 'Tel', 'Phone', 'Téléphone fixe', 'Telephone'] },
    mobile: {
      required: false,
      names: ['Mobile', 'Portable', 'Téléphone portable', 'Tél portable', 'Mobile phone', 'Cell'],
    },
    email: { required: false, names: ['E-mail', 'Email', 'Courriel', 'Mail'] },
    decisionMaker: { required: false, names: ['Décideur', 'Decision maker', 'Decideur'] },
    preferredChannel: { required: false, names: ['Canal préféré', 'Preferred channel', 'Canal', 'Channel'] },
    externalRef: {
      required: false,
      names: ['Référence', 'Ref', 'Réf', 'Référence contact', 'Contact ref', 'External ref'],
    },
  },
  products: {
    reference: {
      required: true,
      names: ['Référence', 'Ref', 'Réf', 'SKU', 'Code article', 'Product code', 'Reference'],
    },
    name: { required: true, names: ['Désignation', 'Libellé', 'Name', 'Nom', 'Product name', 'Description'] },
    family: { required: true, names: ['Famille', 'Family', 'Gamme', 'Category', 'Catégorie'] },
    unit: { required: true, names: ['Unité', 'Unit', 'Unité de vente', 'Sales unit', 'Conditionnement'] },
    vatRate: { required: true, names: ['TVA', 'VAT', 'Taux TVA', 'VAT rate', 'Taux de TVA'] },
    active: { required: false, names: ['Actif', 'Active', 'Enabled'] },
  },
  prices: {
    priceListCode: {
      required: true,
      names: ['Tarif', 'Liste de prix', 'Price list', 'Price list code', 'Code tarif'],
    },
    productReference: {
      required: true,
      names: [
        'Référence produit',
        'Référence',
        'Réf produit',
        'Product',
        'Product ref',
        'SKU',
        'Code article',
        'Produit',
      ],
    },
    minQuantity: {
      required: false,
      names: ['Quantité minimale', 'Qté min', 'Min qty', 'Minimum quantity', 'Quantité mini', 'À partir de'],
    },
    unitPriceCents: {
      required: true,
      names: ['Prix unitaire HT', 'Prix unitaire', 'Prix HT', 'Unit price', 'Price', 'Prix'],
    },
  },
  orders: {
    number: {
      required: true,
      names: [
        'N° commande',
        'Numéro de commande',
        'Commande',
        'Order number',
        'Order',
        'Order no',
        'Order id',
      ],
    },
    customerRef: {
      required: true,
      names: [
        'Client ref',
        'Réf client',
        'Référence client',
        'Code client',
        'Customer id',
        'Customer ref',
        'Client',
        'Customer',
      ],
    },
    date: { required: true, names: ['Date', 'Date commande', 'Date de commande', 'Order date'] },
    productReference: {
      required: true,
      names: [
        'Référence produit',
        'Réf produit',
        'Référence',
        'Product',
        'Product ref',
        'SKU',
        'Code article',
        'Produit',
        'Article',
      ],
    },
    quantity: { required: true, names: ['Quantité', 'Qté', 'Qty', 'Quantity'] },
    unitPriceCents: {
      required: false,
      names: ['Prix unitaire HT', 'Prix unitaire', 'Prix HT', 'Unit price', 'Price', 'Prix'],
    },
    discountBp: { required: false, names: ['Remise %', 'Remise', 'Discount', 'Discount %'] },
    vatRate: { required: false, names: ['TVA', 'VAT', 'Taux TVA', 'VAT rate'] },
    status: { required: false, names: ['Statut', 'Status', 'État'] },
    amountCents: {
      required: false,
      names: ['Montant', 'Amount', 'Montant HT', 'Total HT', 'Line total', 'Amount excl VAT'],
    },
  },
} as const satisfies Record<ImportKind, Record<string, FieldSpec>>;

export type ImportField<K extends ImportKind> = keyof (typeof fieldSpecs)[K] & string;

/** Lower case, no accents, letters and digits only: "N° Commande" → "ncommande". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface ColumnMatch<F extends string = string> {
  /** 0-based column index in the file. */
  index: number;
  /** The header as written in the file. */
  header: string;
  field: F | null;
  /** 1 = exact synonym, 0.6 = the header contains a known name, 0 = not recognised. */
  confidence: number;
}

export interface ColumnMapping<F extends string = string> {
  kind: ImportKind;
  columns: ColumnMatch<F>[];
}

function fieldsOf(kind: ImportKind): [string, FieldSpec][] {
  return Object.entries(fieldSpecs[kind]) as [string, FieldSpec][];
}

const normalisedNames = new Map<ImportKind, [string, string[]][]>(
  importKinds.map((kind) => [
    kind,
    fieldsOf(kind).map(([field, spec]) => [field, spec.names.map(normaliseHeader)]),
  ]),
);

function score(header: string, names: readonly string[]): number {
  if (header === '') return 0;
  if (names.includes(header)) return 1;
  return names.some((n) => n.length >= 4 && header.includes(n)) ? 0.6 : 0;
}

/**
 * Proposes a field for each column. Each field goes to at most one column: the best score
 * wins, then the leftmost column; the other columns stay unmapped (reported as unknown).
 */
export function suggestMapping<K extends ImportKind>(
  kind: K,
  headers: readonly string[],
): ColumnMapping<ImportField<K>> {
  const candidates: { index: number; field: string; confidence: number }[] = [];
  const normalised = headers.map(normaliseHeader);
  for (const [field, names] of normalisedNames.get(kind)!) {
    normalised.forEach((h, index) => {
      const confidence = score(h, names);
      if (confidence > 0) candidates.push({ index, field, confidence });
    });
  }
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const byIndex = new Map<number, { field: string; confidence: number }>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (taken.has(c.field) || byIndex.has(c.index)) continue;
    taken.add(c.field);
    byIndex.set(c.index, c);
  }
  return {
    kind,
    columns: headers.map((header, index) => {
      const match = byIndex.get(index);
      return {
        index,
        header,
        field: (match?.field ?? null) as ImportField<K> | null,
        confidence: match?.confidence ?? 0,
      };
    }),
  };
}

/** Sets or clears the field of a column (an admin's override); confidence becomes 1. */
export function overrideColumn<F extends string>(
  mapping: ColumnMapping<F>,
  index: number,
  field: F | null,
): ColumnMapping<F> {
  return {
    ...mapping,
    columns: mapping.columns.map((c) =>
      c.index === index
        ? { ...c, field, confidence: field === null ? 0 : 1 }
        : c.field === field && field !== null
          ? { ...c, field: null, confidence: 0 }
          : c,
    ),
  };
}

export interface MappingCheck {
  errors: ImportError[];
  warnings: ImportWarning[];
}

/**
 * Missing required fields are errors (naming the field and its usual headers); unknown columns are warnings.
 * `required` overrides the kind's required fields (a dedicated format such as CDNOW).
 */
export function checkMapping(mapping: ColumnMapping, required?: readonly string[]): MappingCheck {
  const errors: ImportError[] = [];
  const warnings: ImportWarning[] = [];
  const seen = new Set<string>();
  for (const c of mapping.columns) {
    if (c.field === null) {
      if (c.header.trim() !== '') {
        warnings.push({
          code: 'unknown-column',
          line: 1,
          column: c.header,
          reason: `column "${c.header}" is not recognised and is ignored`,
        });
      }
    } else if (seen.has(c.field)) {
      errors.push({
        line: 1,
        column: c.header,
        field: c.field,
        value: null,
        code: 'bad-csv',
        reason: `two columns are mapped to field "${c.field}"`,
      });
    } else {
      seen.add(c.field);
    }
  }
  for (const [field, spec] of fieldsOf(mapping.kind)) {
    if ((required ? required.includes(field) : spec.required) && !seen.has(field)) {
      errors.push({
        line: 1,
        column: null,
        field,
        value: null,
        code: 'missing-column',
        reason: `required column "${spec.names[0]}" (${field}) is missing; accepted headers: ${spec.names.join(', ')}`,
      });
    }
  }
  return { errors, warnings };
}

/** One record's cells keyed by field: the mapped, trimmed text ('' when the cell is absent). */
export type MappedRow<F extends string> = Partial<Record<F, string>>;

/** Column index per mapped field, computed once per file. */
export function fieldIndexes<F extends string>(mapping: ColumnMapping<F>): [F, number, string][] {
  return mapping.columns.filter((c) => c.field !== null).map((c) => [c.field!, c.index, c.header]);
}

export function applyMapping<F extends string>(
  mapping: ColumnMapping<F>,
  cells: readonly string[],
): MappedRow<F> {
  const row: MappedRow<F> = {};
  for (const [field, index] of fieldIndexes(mapping)) row[field] = (cells[index] ?? '').trim();
  return row;
}
