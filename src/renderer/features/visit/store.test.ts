import 'fake-indexeddb/auto';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { defaultPlaybook, type Playbook } from '../../../shared/domain/playbook/index.js';
import { eachTestDb } from '../../test/db.js';
import type { AppDB } from '../../db/AppDB.js';
import type { PlaybookRow } from '../../db/schema.js';
import { useCurrentPlaybook } from './queries.js';
import { currentPlaybook, loadDraft, startOrResumeVisit } from './store.js';

let db: AppDB;

eachTestDb('current-playbook', (fresh) => {
  db = fresh;
});

function stored(version: number, change: Partial<Playbook> = {}): PlaybookRow {
  return {
    id: `019ab000-0000-7000-8000-0000000001${String(version).padStart(2, '0')}`,
    version,
    document: { ...defaultPlaybook, ...change, version },
  };
}

const renamed = (text: string): Partial<Playbook> => ({
  objections: defaultPlaybook.objections.map((o, i) => (i === 0 ? { ...o, text } : o)),
});

describe('the playbook in force on this laptop', () => {
  it("is the built-in default until head office's playbook is pulled", async () => {
    expect(await currentPlaybook(db)).toBe(defaultPlaybook);
  });

  it("is head office's newest playbook once pulled", async () => {
    await db.playbooks.bulkPut([stored(4, renamed('Quatre')), stored(3, renamed('Trois'))]);
    const playbook = await currentPlaybook(db);
    expect(playbook.version).toBe(4);
    expect(playbook.objections[0]?.text).toBe('Quatre');
  });

  it('falls back to the built-in default when the stored one is not readable', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = stored(5);
    await db.playbooks.put({ ...broken, document: { ...broken.document, closings: [] } });
    expect(await currentPlaybook(db)).toBe(defaultPlaybook);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('a visit records the version it started with', async () => {
    await db.playbooks.put(stored(6));
    const id = await startOrResumeVisit(db, {
      customerId: '019ab000-0000-7000-8000-0000000000c1',
      appointmentId: null,
      returnTo: '#/customers',
    });
    expect((await loadDraft(db, id))?.playbookVersion).toBe(6);
  });

  it('is read live: a pulled version replaces the one shown', async () => {
    const { result } = renderHook(() => useCurrentPlaybook(db));
    await waitFor(() => expect(result.current).toBe(defaultPlaybook));
    await db.playbooks.put(stored(7, renamed('Sept')));
    await waitFor(() => expect(result.current?.version).toBe(7));
    expect(result.current?.objections[0]?.text).toBe('Sept');
  });
});
