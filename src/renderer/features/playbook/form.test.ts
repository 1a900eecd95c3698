import { describe, expect, it } from 'vitest';
import { defaultPlaybook, playbookContentSchema, slugify } from '../../../shared/domain/playbook/index.js';
import { formErrorsOf, formPathOf, fromForm, playbookResolver, toForm, type PlaybookForm } from './form.js';

const { version: _version, updatedAt: _updatedAt, ...content } = defaultPlaybook;

async function resolve(form: PlaybookForm) {
  return playbookResolver(form, undefined, { fields: {}, shouldUseNativeValidation: false });
}

describe('the playbook editor form', () => {
  it('holds the playbook and gives it back unchanged', () => {
    expect(fromForm(toForm(defaultPlaybook))).toEqual({
      ...content,
      // The form lists the six motives in SONCAS order; the document keeps those with cues.
      motiveCues: content.motiveCues,
    });
  });

  it('gives new items an id made from their text, unique in the document', async () => {
    const form = toForm(defaultPlaybook);
    const copied = defaultPlaybook.objections[0]!;
    const added = {
      id: '',
      category: 'price' as const,
      text: copied.text,
      answers: [{ technique: 'question' as const, text: 'Et ?' }],
    };
    form.objections.push(added, { ...added });
    form.closings.push({ id: '', name: 'Conclusion par étapes', description: 'Valider point par point.' });
    const result = await resolve(form);
    expect(result.errors).toEqual({});
    const values = result.values as typeof content;
    expect(values.objections.slice(-2).map((o) => o.id)).toEqual([
      slugify(copied.text),
      `${slugify(copied.text)}-2`,
    ]);
    expect(values.objections[0]?.id).toBe(copied.id);
    expect(values.closings.at(-1)?.id).toBe('conclusion-par-etapes');
    expect(playbookContentSchema.safeParse(values).success).toBe(true);
  });

  it('puts each problem on its field, a list’s own problem on its root', async () => {
    const form = toForm(defaultPlaybook);
    form.openingReminders[1] = { text: '  ' };
    form.objections[2]!.answers[0]!.text = '';
    form.closings = [];
    form.arguments[0]!.motives = [];
    const { errors } = await resolve(form);
    expect(errors).toMatchObject({
      openingReminders: { 1: { text: { message: 'playbook.error.required' } } },
      objections: { 2: { answers: { 0: { text: { message: 'playbook.error.required' } } } } },
      closings: { root: { message: 'playbook.error.atLeastOne' } },
      arguments: { 0: { motives: { root: { message: 'playbook.error.atLeastOne' } } } },
    });
  });

  it('maps document paths to form fields', () => {
    expect(formPathOf(['objections', 1, 'answers', 0, 'text'], content)).toBe('objections.1.answers.0.text');
    expect(formPathOf(['priceReminders', 2], content)).toBe('priceReminders.2.text');
    const second = content.motiveCues[1]!;
    const formIndex = toForm(defaultPlaybook).motiveCues.findIndex((c) => c.motive === second.motive);
    expect(formPathOf(['motiveCues', 1, 'cues', 0], content)).toBe(
      `motiveCues.${String(formIndex)}.cues.0.text`,
    );
  });

  it('names a duplicated id at the item', () => {
    const duplicated = { ...content, closings: [...content.closings, { ...content.closings[0]! }] };
    const parsed = playbookContentSchema.safeParse(duplicated);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const errors = formErrorsOf(parsed.error, duplicated);
    expect(errors.closings?.[content.closings.length]?.id?.message).toBe('playbook.error.duplicate');
  });
});
