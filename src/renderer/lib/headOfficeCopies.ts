/**
 * Copies of what figure and campaign screens last read from head office, on this laptop, so a
 * manager offline (or with head office not answering) still reads the last figures, said to be
 * a copy and of when. One copy per method: the last answer with the input it answered. A copy
 * is checked against the method's output schema when read; one that no longer fits (another
 * app version) is ignored, never shown.
 */
import { contract, type Input, type Method, type Output } from '../../shared/contract/index.js';
import type { AppDB } from '../db/AppDB.js';

export interface KeptCopy<T> {
  fetchedAt: string;
  value: T;
}

const inputKey = (input: unknown): string => JSON.stringify(input);

/** Keeps `value`, the answer of `method(input)`, in place of that method's previous copy. */
export async function keepCopy<M extends Method>(
  db: AppDB,
  method: M,
  input: Input<M>,
  value: Output<M>,
  now = new Date(),
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const copies = (await db.getMeta('headOfficeCopies').catch(() => undefined)) ?? {};
    await db.setMeta('headOfficeCopies', {
      ...copies,
      [method]: { input: inputKey(input), fetchedAt: now.toISOString(), value },
    });
  });
}

/** The kept answer of `method(input)`, if the last one kept answered that same input. */
export async function keptCopy<M extends Method>(
  db: AppDB,
  method: M,
  input: Input<M>,
): Promise<KeptCopy<Output<M>> | null> {
  const copies = await db.getMeta('headOfficeCopies').catch(() => undefined);
  const copy = copies?.[method];
  if (copy === undefined || copy.input !== inputKey(input)) return null;
  const parsed = contract[method].output.safeParse(copy.value);
  return parsed.success ? { fetchedAt: copy.fetchedAt, value: parsed.data as Output<M> } : null;
}
