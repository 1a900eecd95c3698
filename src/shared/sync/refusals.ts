/**
 * Refused work as head office keeps it (decision 0021): the mutation's arguments, made storable
 * and bounded in size, and a readable summary of them for the rep's manager. The same on both
 * sides so what the manager reads is what the rep wrote.
 */
import { z } from 'zod';
import { visitOutcomes } from '../domain/activity/activity.js';
import { isoDateSchema, isoDateTimeSchema, uuidSchema } from '../lib/ids.js';
import type { MutationName } from './mutations.js';
import { isMutationName, mutationArgsSchemas } from './mutations.js';

/**
 * Largest JSON (in UTF-16 code units, about the bytes of a French text) of arguments kept with a
 * refusal: a note, an order of 500 lines or a visit report fit; an attachment's content does not,
 * and its refusal keeps only its `detail` (the laptop keeps the file).
 */
export const MAX_KEPT_ARGS_CHARS = 64 * 1024;

/** The kinds of refused work a manager may re-apply at head office on the rep's behalf. */
export const reapplicableMutations = ['note-add', 'visit-log'] as const satisfies readonly MutationName[];
export type ReapplicableMutation = (typeof reapplicableMutations)[number];
export function isReapplicable(name: string): name is ReapplicableMutation {
  return (reapplicableMutations as readonly string[]).includes(name);
}

// NUL (PostgreSQL text and jsonb cannot hold it) and UTF-16 halves without their other half
// (jsonb refuses them): each becomes U+FFFD, as the refusal's detail already does for NUL.
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be replaced
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD');
  if (depth > 32 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => storable(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[storable(key, depth) as string] = storable(v, depth + 1);
  return out;
}

/**
 * What head office keeps of a refused mutation's arguments: a copy PostgreSQL can store, or
 * null when it is larger than MAX_KEPT_ARGS_CHARS (the rep's words stay in the refusal's detail).
 */
export function keptArgs(args: unknown): unknown {
  const copy = storable(args, 0);
  const json = JSON.stringify(copy);
  return json === undefined || json.length > MAX_KEPT_ARGS_CHARS ? null : copy;
}

export const refusalOrderLineSchema = z.object({
  productId: uuidSchema,
  /** The product's name at head office (absent when it does not know the product). */
  productName: z.string().optional(),
  quantity: z.number().int().positive(),
  discountBp: z.number().int().min(0).max(10_000),
  /** The unit price the laptop showed, in cents (absent: none shown). */
  unitPriceCents: z.number().int().nonnegative().optional(),
});

/** A readable summary of refused work, by kind; `text` for the others (the rep's words). */
export const refusalSummarySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), text: z.string() }),
  z.object({
    kind: z.literal('visit'),
    outcome: z.enum(visitOutcomes),
    channel: z.enum(['visit', 'phone']),
    startedAt: isoDateTimeSchema,
    summary: z.string(),
  }),
  z.object({
    kind: z.literal('order'),
    lines: z.array(refusalOrderLineSchema),
    /** Sum of the lines at the prices the laptop showed, after discount, in cents, excl. VAT. */
    totalCents: z.number().int().nonnegative(),
    deliveryDate: isoDateSchema.nullable(),
    note: z.string(),
  }),
  z.object({ kind: z.literal('text'), text: z.string() }),
]);
export type RefusalSummary = z.infer<typeof refusalSummarySchema>;

/** One line's amount at the laptop's price after its discount, rounded to the cent. */
function lineCents(line: {
  quantity: number;
  discountBp: number;
  unitPriceCents?: number | undefined;
}): number {
  return Math.round(((line.unitPriceCents ?? 0) * line.quantity * (10_000 - line.discountBp)) / 10_000);
}

/**
 * The summary of a refused mutation from the arguments head office kept (parsed again with the
 * mutation's own schema), or its detail when none were kept or they no longer parse.
 */
export function refusalSummary(name: string, args: unknown, detail: string): RefusalSummary {
  const text: RefusalSummary = { kind: 'text', text: detail };
  if (args === null || args === undefined || !isMutationName(name)) return text;
  switch (name) {
    case 'note-add': {
      const parsed = mutationArgsSchemas[name].safeParse(args);
      return parsed.success ? { kind: 'note', text: parsed.data.body } : text;
    }
    case 'visit-log': {
      const parsed = mutationArgsSchemas[name].safeParse(args);
      if (!parsed.success) return text;
      const { report, channel, startedAt } = parsed.data;
      return { kind: 'visit', outcome: report.outcome, channel, startedAt, summary: report.summary };
    }
    case 'order-create':
    case 'order-update': {
      const parsed = mutationArgsSchemas[name].safeParse(args);
      if (!parsed.success) return text;
      const lines = parsed.data.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        discountBp: l.discountBp,
        ...(l.previewUnitPriceCents === undefined ? {} : { unitPriceCents: l.previewUnitPriceCents }),
      }));
      return {
        kind: 'order',
        lines,
        totalCents: lines.reduce((sum, l) => sum + lineCents(l), 0),
        deliveryDate: parsed.data.deliveryDate,
        note: parsed.data.note,
      };
    }
    default:
      return text;
  }
}
