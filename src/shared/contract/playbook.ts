/**
 * The sales playbook head office edits. Every signed-in user reads the current one (the
 * built-in default until head office saves its own); an admin saves a new version. Laptops
 * receive it by sync (entity `playbook`); these methods serve the head-office editor.
 */
import { z } from 'zod';
import { playbookContentSchema, playbookSchema } from '../domain/playbook/playbook.js';
import { uuidSchema } from '../lib/ids.js';

/** Who saved the current version at head office. */
export const playbookAuthorSchema = z.object({ id: uuidSchema, name: z.string() });

export const playbookStateSchema = z.object({
  playbook: playbookSchema,
  /** Null for the built-in default (head office has saved none yet). */
  savedBy: playbookAuthorSchema.nullable(),
});
export type PlaybookState = z.infer<typeof playbookStateSchema>;

/**
 * The edited document (without version and date, set by head office) and the version it was
 * edited from: a save over a version someone else replaced meanwhile is refused (`conflict`).
 */
export const playbookSaveInputSchema = z.object({
  baseVersion: z.number().int().positive(),
  document: playbookContentSchema,
});
export type PlaybookSaveInput = z.input<typeof playbookSaveInputSchema>;

export const playbookContract = {
  'playbook-get': {
    input: z.object({}),
    output: playbookStateSchema,
  },
  'playbook-save': {
    input: playbookSaveInputSchema,
    output: playbookStateSchema,
  },
} as const;
