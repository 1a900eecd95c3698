/**
 * The sales playbook ("guide d'entretien de vente"): what helps the rep at each step of a visit.
 * Company content written by head office in French (it is what the rep says to French customers),
 * so its texts are plain strings, not per-locale; the app's chrome around it is translated by i18n.
 * Head office will edit it and it will sync to the laptops as one versioned document.
 */
import { z } from 'zod';
import { uuidSchema } from '../../lib/ids.js';

/** Buying motives, SONCAS: Sécurité, Orgueil, Nouveauté, Confort, Argent, Sympathie. */
export const motives = ['security', 'pride', 'novelty', 'comfort', 'money', 'sympathy'] as const;
export const motiveSchema = z.enum(motives);
export type Motive = z.infer<typeof motiveSchema>;

const id = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');
const text = (max: number) => z.string().trim().min(1).max(max);

export const discoveryThemeSchema = z.object({
  id,
  title: text(120),
  questions: z.array(z.object({ id, text: text(300), open: z.boolean() })).min(1),
});
export type DiscoveryTheme = z.infer<typeof discoveryThemeSchema>;

export const motiveCueSchema = z.object({
  motive: motiveSchema,
  /** What the customer says or shows when this motive drives them. */
  cues: z.array(text(200)).min(1),
});

/** A CAP argument: Caractéristique → Avantage → Preuve. */
export const capArgumentSchema = z.object({
  id,
  /** A product family of the catalogue (Product.family). */
  family: text(100),
  feature: text(400),
  benefit: text(400),
  proof: text(400),
  motives: z.array(motiveSchema).min(1),
});
export type CapArgument = z.infer<typeof capArgumentSchema>;

export const objectionCategories = ['price', 'competitor', 'timing', 'need', 'delivery', 'decision'] as const;
export const objectionCategorySchema = z.enum(objectionCategories);
export type ObjectionCategory = z.infer<typeof objectionCategorySchema>;

/** Techniques of answering an objection. */
export const objectionTechniques = [
  'reformulate',
  'yes-but',
  'boomerang',
  'compensation',
  'anticipation',
  'question',
] as const;
export const objectionTechniqueSchema = z.enum(objectionTechniques);
export type ObjectionTechnique = z.infer<typeof objectionTechniqueSchema>;

export const objectionSchema = z.object({
  id,
  category: objectionCategorySchema,
  text: text(300),
  answers: z.array(z.object({ technique: objectionTechniqueSchema, text: text(600) })).min(1),
});
export type Objection = z.infer<typeof objectionSchema>;

export const closingTechniqueSchema = z.object({ id, name: text(120), description: text(600) });
export type ClosingTechnique = z.infer<typeof closingTechniqueSchema>;

/** What head office edits: the playbook without its version and date (set on save). */
const playbookContentShape = {
  /** Prise de contact: greeting reminders (the 4×20). */
  openingReminders: z.array(text(300)).min(1),
  discovery: z.array(discoveryThemeSchema).min(1),
  motiveCues: z.array(motiveCueSchema),
  arguments: z.array(capArgumentSchema),
  objections: z.array(objectionSchema),
  /** Annonce du prix: how to state the price (the "sandwich"). */
  priceReminders: z.array(text(300)),
  closings: z.array(closingTechniqueSchema).min(1),
};
type PlaybookContentShape = z.infer<z.ZodObject<typeof playbookContentShape>>;

/** Every id of the document with where it sits, in document order. */
function idsWithPaths(p: PlaybookContentShape): { id: string; path: (string | number)[] }[] {
  return [
    ...p.discovery.flatMap((t, i) => [
      { id: t.id, path: ['discovery', i, 'id'] },
      ...t.questions.map((q, j) => ({ id: q.id, path: ['discovery', i, 'questions', j, 'id'] })),
    ]),
    ...p.arguments.map((a, i) => ({ id: a.id, path: ['arguments', i, 'id'] })),
    ...p.objections.map((o, i) => ({ id: o.id, path: ['objections', i, 'id'] })),
    ...p.closings.map((c, i) => ({ id: c.id, path: ['closings', i, 'id'] })),
  ];
}

/** Ids are unique across the whole document (a visit refers to a question or an objection by id). */
function uniqueIds(p: PlaybookContentShape, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const { id: x, path } of idsWithPaths(p)) {
    if (seen.has(x)) ctx.addIssue({ code: 'custom', message: `duplicate id ${x}`, path });
    seen.add(x);
  }
}

export const playbookSchema = z
  .object({
    /** Increases with every head-office edit; a visit keeps the version it started with. */
    version: z.number().int().positive(),
    updatedAt: z.iso.datetime({ offset: false }),
    ...playbookContentShape,
  })
  .superRefine(uniqueIds);
export type Playbook = z.infer<typeof playbookSchema>;

/** The playbook as head office edits it: everything but the version and date, set on save. */
export const playbookContentSchema = z.object(playbookContentShape).superRefine(uniqueIds);
export type PlaybookContent = z.infer<typeof playbookContentSchema>;

/** The playbook as head office stores and every laptop holds it (sync entity `playbook`). */
export const syncedPlaybookSchema = z
  .object({
    id: uuidSchema,
    /** The row's version, equal to the document's (one row per saved version). */
    version: z.number().int().positive(),
    document: playbookSchema,
  })
  .refine((row) => row.document.version === row.version, {
    message: 'the document version differs from the row version',
    path: ['document', 'version'],
  });
export type SyncedPlaybook = z.infer<typeof syncedPlaybookSchema>;

/**
 * The CAP arguments of one product family that serve the motives found, the best match first
 * (most motives served, then the playbook's order). With no motive ticked yet, every argument
 * of the family, in the playbook's order.
 */
export function argumentsFor(playbook: Playbook, family: string, found: readonly Motive[]): CapArgument[] {
  const inFamily = playbook.arguments.filter((a) => a.family === family);
  if (found.length === 0) return inFamily;
  const wanted = new Set(found);
  return inFamily
    .map((a, index) => ({ a, index, score: a.motives.filter((m) => wanted.has(m)).length }))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .map((x) => x.a);
}

/** The objections of the library matching a search (accents and case ignored), in order. */
export function searchObjections(playbook: Playbook, query: string): Objection[] {
  const q = fold(query.trim());
  if (q === '') return playbook.objections;
  return playbook.objections.filter((o) => fold(`${o.text} ${o.category}`).includes(q));
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
