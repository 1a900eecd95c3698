/**
 * What a mutation is, declared once in its feature's `shared/domain/<feature>/mutations.ts`:
 * the client's handler map (renderer) and the server's (head office) are typed from it.
 */
import type { z } from 'zod';

export interface MutationSpec<S extends z.ZodType = z.ZodType, L extends string = string> {
  /** The intent as it travels (parsed at head office before anything runs). */
  readonly args: S;
  /** i18n key of its label where waiting and refused writes are listed (`{customer}` in it). */
  readonly label: L;
  /** The rep's own words in it, kept with a refusal so nothing typed is lost. */
  readonly refusedDetail: (args: z.infer<S>) => string;
}

/** Declares one mutation (infers its args for `refusedDetail`, keeps the label's literal type). */
export function mutation<S extends z.ZodType, const L extends string>(
  spec: MutationSpec<S, L>,
): MutationSpec<S, L> {
  return spec;
}
