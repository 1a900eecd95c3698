/**
 * Ids of the items head office adds in the editor: made from the item's text (a slug, so they
 * read well in exports and logs) and unique across the document. Existing ids never change: a
 * visit refers to a question or an objection by its id.
 */
import type { PlaybookContent } from './playbook.js';

const MAX_SLUG = 48;

/** `Vos prix sont trop élevés !` → `vos-prix-sont-trop-eleves` (at most 48 characters). */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, '');
}

/** A slug of `text` not in `taken` (`-2`, `-3`… appended when needed); added to `taken`. */
export function uniqueSlug(text: string, taken: Set<string>, fallback = 'item'): string {
  const base = slugify(text) || fallback;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${String(n)}`;
  taken.add(candidate);
  return candidate;
}

/** The ids already given in the document (blank ones are the new items). */
function givenIds(content: PlaybookContent): Set<string> {
  const ids = [
    ...content.discovery.flatMap((t) => [t.id, ...t.questions.map((q) => q.id)]),
    ...content.arguments.map((a) => a.id),
    ...content.objections.map((o) => o.id),
    ...content.closings.map((c) => c.id),
  ];
  return new Set(ids.filter((x) => x.trim() !== ''));
}

/**
 * The document with an id for every new item (blank id), made from its text and unique; items
 * that have an id keep it. Pure: the same document always gets the same ids.
 */
export function withGeneratedIds(content: PlaybookContent): PlaybookContent {
  const taken = givenIds(content);
  const idFor = (current: string, text: string, fallback: string) =>
    current.trim() !== '' ? current : uniqueSlug(text, taken, fallback);
  return {
    ...content,
    discovery: content.discovery.map((theme) => ({
      ...theme,
      id: idFor(theme.id, theme.title, 'theme'),
      questions: theme.questions.map((q) => ({ ...q, id: idFor(q.id, q.text, 'question') })),
    })),
    arguments: content.arguments.map((a) => ({
      ...a,
      id: idFor(a.id, `${a.family} ${a.feature}`, 'argument'),
    })),
    objections: content.objections.map((o) => ({ ...o, id: idFor(o.id, o.text, 'objection') })),
    closings: content.closings.map((c) => ({ ...c, id: idFor(c.id, c.name, 'closing') })),
  };
}
