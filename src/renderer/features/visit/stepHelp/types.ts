/** What every step's help is given. */
import type { Playbook } from '../../../../shared/domain/playbook/index.js';
import type { Locale } from '../../../../shared/domain/user/user.js';
import type { VisitDraft } from '../../../../shared/domain/visit/index.js';
import type { VisitContext } from '../queries.js';

export type UpdateDraft = (change: (draft: VisitDraft) => VisitDraft, when?: 'debounced' | 'now') => void;

export interface StepProps {
  draft: VisitDraft;
  update: UpdateDraft;
  playbook: Playbook;
  context: VisitContext | undefined;
  locale: Locale;
  maxDiscountBp: number | null;
}

/** The list with the item in (`on`) or out, once. */
export function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  const without = list.filter((x) => x !== item);
  return on ? [...without, item] : without;
}
