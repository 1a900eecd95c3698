import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from './defaultPlaybook.js';
import { slugify, uniqueSlug, withGeneratedIds } from './itemIds.js';
import { playbookContentSchema, type PlaybookContent } from './playbook.js';

function content(): PlaybookContent {
  const { version: _version, updatedAt: _updatedAt, ...rest } = defaultPlaybook;
  return rest;
}

describe('ids of new playbook items', () => {
  it('are slugs of the text, accents and punctuation dropped', () => {
    expect(slugify('  Vos prix sont trop élevés ! ')).toBe('vos-prix-sont-trop-eleves');
    expect(slugify('Je n’ai pas de place en réserve')).toBe('je-n-ai-pas-de-place-en-reserve');
    expect(slugify('???')).toBe('');
    const long = slugify(
      'Le minimum de commande est beaucoup trop élevé pour un petit établissement comme le mien',
    );
    expect(long.length).toBeLessThanOrEqual(48);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('are made unique with a number', () => {
    const taken = new Set(['delai']);
    expect(uniqueSlug('Délai', taken)).toBe('delai-2');
    expect(uniqueSlug('Délai', taken)).toBe('delai-3');
    expect(uniqueSlug('', taken, 'objection')).toBe('objection');
  });

  it('are given to new items only; existing ids never change', () => {
    const base = content();
    const edited: PlaybookContent = {
      ...base,
      objections: [
        ...base.objections,
        {
          id: '',
          category: 'price',
          text: base.objections[0]!.text,
          answers: [{ technique: 'question', text: 'Et ?' }],
        },
        {
          id: '',
          category: 'price',
          text: base.objections[0]!.text,
          answers: [{ technique: 'question', text: 'Et ?' }],
        },
      ],
      closings: [
        ...base.closings,
        { id: ' ', name: 'Conclusion alternative', description: 'Proposer deux options.' },
      ],
    };
    const withIds = withGeneratedIds(edited);
    expect(withIds.objections.slice(0, -2)).toEqual(base.objections);
    const added = withIds.objections.slice(-2).map((o) => o.id);
    expect(added[0]).toBe(slugify(base.objections[0]!.text));
    expect(added[1]).toBe(`${slugify(base.objections[0]!.text)}-2`);
    expect(withIds.closings.at(-1)?.id).toBe('conclusion-alternative');
    expect(playbookContentSchema.safeParse(withIds).success).toBe(true);
    expect(withGeneratedIds(edited)).toEqual(withIds);
  });
});
