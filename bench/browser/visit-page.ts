/**
 * Runs inside Chromium: the continuous save of a visit in progress, as the visit screen does it
 * (`saveDraft`: one put of the whole draft in its own transaction, strict durability), with a
 * realistic draft (notes on every step, discovery answered, motives, objections). Also the
 * time the save takes on the main thread before it yields (what could delay typing).
 * Goal: < 20 ms.
 */
import { defaultPlaybook } from '../../src/shared/domain/playbook/index.js';
import { newVisitDraft, visitSteps, type VisitDraft } from '../../src/shared/domain/visit/index.js';
import { AppDB } from '../../src/renderer/db/AppDB.js';
import { saveDraft } from '../../src/renderer/features/visit/store.js';

export interface VisitPageResult {
  draftBytes: number;
  runs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  syncP95Ms: number;
}

const RUNS = 200;
const WARM_UP = 20;
const id = (n: number) => `0190a000-0000-7000-8009-${n.toString(16).padStart(12, '0')}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function realisticDraft(): VisitDraft {
  const base = newVisitDraft({
    id: id(1),
    customerId: id(2),
    appointmentId: id(3),
    returnTo: `#/brief/${id(3)}`,
    playbookVersion: defaultPlaybook.version,
    now: '2026-11-24T08:30:00.000Z',
  });
  const note =
    'La gérante veut une gamme terrasse pour l’été, compare avec Metro, sensible au franco de port. '.repeat(
      5,
    );
  return {
    ...base,
    currentStep: 'objections',
    visitedSteps: ['opening', 'discovery', 'reformulation', 'argumentation'],
    notes: Object.fromEntries(visitSteps.map((s) => [s, note])),
    discoveryAnswers: Object.fromEntries(
      defaultPlaybook.discovery.flatMap((t) => t.questions.map((q) => [q.id, note.slice(0, 160)])),
    ),
    needs: 'Gamme terrasse pour l’été\nLivraison avant 9 h\nVins au verre, petits formats',
    motives: ['money', 'comfort', 'pride'],
    reformulation: { text: note, edited: true, confirmed: true },
    argumentsPresented: ['bie-draught', 'vin-glass', 'bsa-terrace'],
    objections: [
      {
        id: id(10),
        objectionId: 'price-metro',
        text: 'Vos prix sont plus élevés que chez Metro',
        lifted: true,
      },
      { id: id(11), objectionId: null, text: 'Le camion bloque la rue le matin', lifted: false },
    ],
  };
}

async function run(): Promise<VisitPageResult> {
  const db = new AppDB(`bench-visit-${Date.now()}`);
  await db.open();
  let draft = realisticDraft();
  const times: number[] = [];
  const sync: number[] = [];
  for (let r = 0; r < WARM_UP + RUNS; r++) {
    // One more keystroke in the current step's note, as the debounced save would write it.
    draft = {
      ...draft,
      notes: { ...draft.notes, objections: `${draft.notes.objections ?? ''}${String(r % 10)}` },
      updatedAt: new Date().toISOString(),
    };
    const started = performance.now();
    const saving = saveDraft(db, draft);
    const yielded = performance.now();
    await saving;
    const ms = performance.now() - started;
    if (r >= WARM_UP) {
      times.push(ms);
      sync.push(yielded - started);
    }
  }
  const draftBytes = new TextEncoder().encode(JSON.stringify(draft)).length;
  db.close();
  await db.delete();
  return {
    draftBytes,
    runs: RUNS,
    p50Ms: percentile(times, 50),
    p95Ms: percentile(times, 95),
    maxMs: Math.max(...times),
    syncP95Ms: percentile(sync, 95),
  };
}

declare global {
  interface Window {
    runVisitBench?: typeof run;
  }
}
window.runVisitBench = run;
