/**
 * The playbook as the editor's form holds it, and back. Lists of plain texts become lists of
 * `{ text }` (react-hook-form's field arrays hold objects); the SONCAS cues are one list per
 * motive, always the six; new items have a blank id until the document is checked, when they
 * get one made from their text. Checking is `playbookContentSchema` (the server's own), and
 * each problem lands on the form field it is about, with a message key.
 */
import { set } from 'react-hook-form';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import {
  motives,
  playbookContentSchema,
  withGeneratedIds,
  type Motive,
  type ObjectionCategory,
  type ObjectionTechnique,
  type Playbook,
  type PlaybookContent,
} from '../../../shared/domain/playbook/index.js';
import type { MessageKey } from '../../i18n/fr.js';

export interface TextItem {
  text: string;
}

export interface PlaybookForm {
  openingReminders: TextItem[];
  discovery: { id: string; title: string; questions: { id: string; text: string; open: boolean }[] }[];
  /** One entry per SONCAS motive, in the order of `motives`. */
  motiveCues: { motive: Motive; cues: TextItem[] }[];
  arguments: {
    id: string;
    family: string;
    feature: string;
    benefit: string;
    proof: string;
    motives: Motive[];
  }[];
  objections: {
    id: string;
    category: ObjectionCategory;
    text: string;
    answers: { technique: ObjectionTechnique; text: string }[];
  }[];
  priceReminders: TextItem[];
  closings: { id: string; name: string; description: string }[];
}

const texts = (list: readonly string[]): TextItem[] => list.map((text) => ({ text }));

export function toForm(playbook: Playbook): PlaybookForm {
  const cues = new Map(playbook.motiveCues.map((c) => [c.motive, c.cues]));
  return {
    openingReminders: texts(playbook.openingReminders),
    discovery: playbook.discovery.map((t) => ({
      id: t.id,
      title: t.title,
      questions: t.questions.map((q) => ({ ...q })),
    })),
    motiveCues: motives.map((motive) => ({ motive, cues: texts(cues.get(motive) ?? []) })),
    arguments: playbook.arguments.map((a) => ({ ...a, motives: [...a.motives] })),
    objections: playbook.objections.map((o) => ({ ...o, answers: o.answers.map((a) => ({ ...a })) })),
    priceReminders: texts(playbook.priceReminders),
    closings: playbook.closings.map((c) => ({ ...c })),
  };
}

/** The document the form describes, before checking (new items get their ids here). */
export function fromForm(form: PlaybookForm): PlaybookContent {
  return withGeneratedIds({
    openingReminders: form.openingReminders.map((r) => r.text),
    discovery: form.discovery.map((t) => ({
      id: t.id,
      title: t.title,
      questions: t.questions.map((q) => ({ id: q.id, text: q.text, open: q.open })),
    })),
    motiveCues: form.motiveCues
      .filter((c) => c.cues.length > 0)
      .map((c) => ({ motive: c.motive, cues: c.cues.map((x) => x.text) })),
    arguments: form.arguments.map((a) => ({
      ...a,
      // A single ticked checkbox may come back as a string, none as false.
      motives: Array.isArray(a.motives) ? a.motives : typeof a.motives === 'string' ? [a.motives] : [],
    })),
    objections: form.objections.map((o) => ({ ...o, answers: o.answers.map((a) => ({ ...a })) })),
    priceReminders: form.priceReminders.map((r) => r.text),
    closings: form.closings.map((c) => ({ ...c })),
  });
}

/**
 * The form field a path of the document is about (`objections.1.answers.0.text` is the same in
 * both; a text list's `openingReminders.2` is `openingReminders.2.text`; cues follow their motive).
 */
export function formPathOf(path: readonly PropertyKey[], content: PlaybookContent): string {
  const parts = path.map((p) => (typeof p === 'symbol' ? String(p.description) : p));
  const [head, index, ...rest] = parts;
  if ((head === 'openingReminders' || head === 'priceReminders') && typeof index === 'number')
    return `${head}.${String(index)}.text`;
  if (head === 'motiveCues' && typeof index === 'number') {
    const motive = content.motiveCues[index]?.motive;
    const formIndex = motive !== undefined ? motives.indexOf(motive) : index;
    const [cues, cueIndex] = rest;
    if (cues === 'cues' && typeof cueIndex === 'number')
      return `motiveCues.${String(formIndex)}.cues.${String(cueIndex)}.text`;
    return `motiveCues.${String(formIndex)}.cues`;
  }
  return parts.map(String).join('.');
}

/** The message shown for a problem: what is wrong, so the admin knows what to change. */
export function messageKeyOf(issue: Pick<z.core.$ZodIssue, 'code'> & { origin?: string }): MessageKey {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? 'playbook.error.atLeastOne' : 'playbook.error.required';
    case 'too_big':
      return 'playbook.error.tooLong';
    case 'custom':
      return 'playbook.error.duplicate';
    default:
      return 'playbook.error.invalid';
  }
}

/** Errors keyed like the form: a list's own problem (too few items) goes to its `root`. */
export function formErrorsOf(error: z.ZodError, content: PlaybookContent): FieldErrors<PlaybookForm> {
  const errors: FieldErrors<PlaybookForm> = {};
  for (const issue of error.issues) {
    const origin = 'origin' in issue && typeof issue.origin === 'string' ? issue.origin : undefined;
    const key = messageKeyOf({ code: issue.code, ...(origin !== undefined ? { origin } : {}) });
    const path = formPathOf(issue.path, content);
    const isList = issue.code === 'too_small' && origin === 'array';
    set(errors, isList ? `${path}.root` : path, { type: issue.code, message: key });
  }
  return errors;
}

/** Checks the form with the server's schema; the checked document (ids given) on success. */
export const playbookResolver: Resolver<PlaybookForm, unknown, PlaybookContent> = (values) => {
  const content = fromForm(values);
  const parsed = playbookContentSchema.safeParse(content);
  if (parsed.success) return { values: parsed.data, errors: {} };
  return { values: {}, errors: formErrorsOf(parsed.error, content) };
};
