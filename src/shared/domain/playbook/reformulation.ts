import type { Locale } from '../user/user.js';
import type { VisitDraft } from '../visit/draft.js';
import type { Motive } from './playbook.js';

/**
 * Phrases of the drafted reformulation. The rep says it to the customer, so it is written in the
 * rep's language here and edited freely in the visit; motive wording explains *why* it matters.
 */
const phrases: Record<
  Locale,
  {
    opening: string;
    needsIntro: string;
    motivesIntro: string;
    question: string;
    nothing: string;
    motives: Record<Motive, string>;
  }
> = {
  fr: {
    opening: 'Si j’ai bien compris,',
    needsIntro: 'vous recherchez :',
    motivesIntro: 'Ce qui compte pour vous, c’est',
    question: 'Est-ce bien cela ?',
    nothing: 'vous souhaitez faire le point sur vos besoins actuels.',
    motives: {
      security: 'la fiabilité et la régularité du service',
      pride: 'l’image et la qualité de votre établissement',
      novelty: 'proposer des nouveautés à vos clients',
      comfort: 'vous simplifier le travail au quotidien',
      money: 'maîtriser vos coûts et votre marge',
      sympathy: 'une relation de confiance avec votre fournisseur',
    },
  },
  en: {
    opening: 'If I understood correctly,',
    needsIntro: 'you are looking for:',
    motivesIntro: 'What matters to you is',
    question: 'Is that right?',
    nothing: 'you would like to review your current needs.',
    motives: {
      security: 'reliable, regular service',
      pride: 'the image and quality of your establishment',
      novelty: 'offering new products to your customers',
      comfort: 'making your daily work simpler',
      money: 'keeping your costs and margin under control',
      sympathy: 'a relationship of trust with your supplier',
    },
  },
};

function joinList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A reformulation paragraph ("si j'ai bien compris…") built from the needs noted (one per line)
 * and the SONCAS motives ticked, for the rep to edit and have the customer confirm.
 */
export function draftReformulation(draft: Pick<VisitDraft, 'needs' | 'motives'>, locale: Locale): string {
  const p = phrases[locale];
  const needs = draft.needs
    .split('\n')
    .map((line) => line.replace(/^[-•*\s]+/, '').trim())
    .filter((line) => line !== '')
    .map((line) => line.replace(/[.;,\s]+$/, ''));
  const parts: string[] = [];
  if (needs.length === 0) parts.push(`${p.opening} ${p.nothing}`);
  else if (needs.length === 1) parts.push(`${p.opening} ${p.needsIntro} ${lowerFirst(needs[0] ?? '')}.`);
  else parts.push(`${p.opening} ${p.needsIntro}\n${needs.map((n) => `– ${n}`).join('\n')}`);
  if (draft.motives.length > 0) {
    const words = draft.motives.map((m) => p.motives[m]);
    parts.push(`${p.motivesIntro} ${joinList(words, locale)}.`);
  }
  parts.push(p.question);
  return parts.join('\n');
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase() + s.slice(1);
}
