/**
 * The autosave of a visit step, in Chromium (the visit screen's `saveDraft` over Dexie, in a page
 * built from bench/browser/visit.html and served by Vite's preview server). Goal: < 20 ms.
 */
import type { VisitPageResult } from './browser/visit-page.js';
import { runBenchPage } from './browserPage.js';

export function benchVisitAutosave(): Promise<VisitPageResult> {
  return runBenchPage<VisitPageResult>('visit', 'runVisitBench');
}
