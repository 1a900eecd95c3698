import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { defaultPlaybook } from '../../../shared/domain/playbook/index.js';
import { newVisitDraft, openReport, type VisitDraft } from '../../../shared/domain/visit/index.js';
import { eachTestDb } from '../../test/db.js';
import { AppDB } from '../../db/AppDB.js';
import { SaveQueue } from './saveQueue.js';
import { loadDraft, saveDraft, startOrResumeVisit } from './store.js';

/** A timer the test fires by hand: the debounce window is under the test's control. */
class ManualTimers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  set = (fn: () => void): unknown => {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  };
  clear = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  fire(): void {
    const fns = [...this.pending.values()];
    this.pending.clear();
    for (const fn of fns) fn();
  }
}

const CUSTOMER = '019ab000-0000-7000-8000-0000000000c1';
const APPOINTMENT = '019ab000-0000-7000-8000-0000000000a1';
let db: AppDB;

eachTestDb('visit-save', (fresh) => {
  db = fresh;
});

function draft(): VisitDraft {
  return newVisitDraft({
    id: '019ab000-0000-7000-8000-0000000000d1',
    customerId: CUSTOMER,
    appointmentId: APPOINTMENT,
    returnTo: '#/brief/x',
    playbookVersion: 1,
    now: '2026-11-24T09:00:00.000Z',
  });
}

const typed = (d: VisitDraft, text: string): VisitDraft => ({
  ...d,
  notes: { ...d.notes, [d.currentStep]: text },
});

describe('visit drafts on this laptop', () => {
  it('saves and resumes at the same step with everything typed', async () => {
    const d = {
      ...typed(draft(), 'Gérante pressée'),
      currentStep: 'discovery' as const,
      motives: ['money' as const],
    };
    await saveDraft(db, d);
    const again = new AppDB(db.name);
    await again.open();
    expect(await loadDraft(again, d.id)).toEqual(d);
    again.close();
  });

  it('starting a visit for the same appointment resumes the draft', async () => {
    const first = await startOrResumeVisit(db, {
      customerId: CUSTOMER,
      appointmentId: APPOINTMENT,
      returnTo: '#/brief/a',
    });
    const second = await startOrResumeVisit(db, {
      customerId: CUSTOMER,
      appointmentId: APPOINTMENT,
      returnTo: '#/agenda/day',
    });
    expect(second).toBe(first);
    const other = await startOrResumeVisit(db, {
      customerId: CUSTOMER,
      appointmentId: null,
      returnTo: '#/customers/c',
    });
    expect(other).not.toBe(first);
    expect(
      await startOrResumeVisit(db, { customerId: CUSTOMER, appointmentId: null, returnTo: '#/customers/c' }),
    ).toBe(other);
    expect(await db.visitDrafts.count()).toBe(2);
  });

  it('a report form that no longer reads is dropped, every step kept', async () => {
    const opened = openReport(
      { ...typed(draft(), 'Gérante pressée'), motives: ['money'] },
      defaultPlaybook,
      'fr',
    );
    // A 5-digit year a browser date field let through, stored by the continuous save.
    const broken = { ...opened, report: opened.report && { ...opened.report, followUpDate: '20266-01-01' } };
    await db.visitDrafts.put(broken);
    const loaded = await loadDraft(db, broken.id);
    expect(loaded).toMatchObject({ report: null, reporting: false, motives: ['money'] });
    expect(loaded?.notes.opening).toBe('Gérante pressée');
  });

  it('an unreadable draft is not resumed', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await db.visitDrafts.put({ ...draft(), currentStep: 'nap' } as unknown as VisitDraft);
    expect(await loadDraft(db, draft().id)).toBeNull();
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe('SaveQueue', () => {
  it('once closed (the visit ended) writes what was pending, then nothing more until reopened', async () => {
    const timers = new ManualTimers();
    const writes: string[] = [];
    const queue = new SaveQueue<string>({
      write: async (v) => {
        writes.push(v);
      },
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    queue.schedule('typed before ending');
    await queue.close();
    expect(writes).toEqual(['typed before ending']);
    queue.schedule('late keystroke');
    timers.fire();
    await queue.flush('unmount flush');
    expect(writes).toEqual(['typed before ending']);
    expect(queue.dirty).toBe(false);
    queue.reopen();
    await queue.flush('after a failed end');
    expect(writes).toEqual(['typed before ending', 'after a failed end']);
  });

  it('coalesces the keystrokes of one debounce window into one write of the last value', async () => {
    const timers = new ManualTimers();
    const writes: string[] = [];
    const queue = new SaveQueue<VisitDraft>({
      write: async (d) => {
        writes.push(d.notes.opening ?? '');
        await saveDraft(db, d);
      },
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    let d = draft();
    for (const text of ['B', 'Bo', 'Bon', 'Bonj', 'Bonjour']) {
      d = typed(d, text);
      queue.schedule(d);
    }
    expect(timers.pending.size).toBe(1);
    expect(writes).toEqual([]);
    timers.fire();
    await queue.flush();
    expect(writes).toEqual(['Bonjour']);
    expect((await loadDraft(db, d.id))?.notes.opening).toBe('Bonjour');
  });

  it('writes one at a time; changes made during a write go in one next write', async () => {
    let release: () => void = () => {};
    const writes: string[] = [];
    const queue = new SaveQueue<string>({
      write: (v) => {
        writes.push(v);
        return v === 'a' ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      setTimer: () => 0,
      clearTimer: () => {},
    });
    const first = queue.flush('a');
    queue.schedule('b');
    queue.schedule('c');
    const second = queue.flush();
    expect(writes).toEqual(['a']);
    release();
    await Promise.all([first, second]);
    expect(writes).toEqual(['a', 'c']);
    expect(queue.dirty).toBe(false);
  });

  it('a crash between two saves loses at most the debounce window', async () => {
    const timers = new ManualTimers();
    const queue = new SaveQueue<VisitDraft>({
      write: (d) => saveDraft(db, d),
      setTimer: timers.set,
      clearTimer: timers.clear,
    });
    let d = typed(draft(), 'Besoin : gamme terrasse');
    queue.schedule(d);
    timers.fire(); // the debounce elapsed: saved
    await queue.flush();
    d = typed(d, 'Besoin : gamme terrasse, livraison avant 9 h');
    queue.schedule(d); // typed within the window, then the app crashes: no flush, timer lost
    queue.dispose();
    const reopened = new AppDB(db.name);
    await reopened.open();
    expect((await loadDraft(reopened, d.id))?.notes.opening).toBe('Besoin : gamme terrasse');
    reopened.close();
  });

  it('keeps a failed value for the next flush and reports the error', async () => {
    let fail = true;
    const saved: string[] = [];
    const errors: unknown[] = [];
    const queue = new SaveQueue<string>({
      write: async (v) => {
        if (fail) throw new Error('disk full');
        saved.push(v);
      },
      onError: (e) => errors.push(e),
      setTimer: () => 0,
      clearTimer: () => {},
    });
    await queue.flush('x');
    expect(errors).toHaveLength(1);
    expect(queue.dirty).toBe(true);
    fail = false;
    await queue.flush();
    expect(saved).toEqual(['x']);
  });
});
