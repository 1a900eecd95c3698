/**
 * The team review for a period: read from head office when online and kept on the laptop, so
 * the last figures read stay on screen offline (or when head office does not answer), said to be
 * as of when they were computed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TeamReview } from '../../../shared/contract/figures.js';
import type { Period } from '../../../shared/domain/figures/figures.js';
import { useApp } from '../../app/context.js';
import { callHeadOffice, type Failure } from '../../lib/headOffice.js';

export type ReviewState =
  | { state: 'loading' }
  /** `kept`: the copy on this laptop, because head office could not be read (`failure` says why, null offline). */
  | { state: 'ready'; review: TeamReview; kept: null | { failure: Failure | null } }
  | { state: 'failed'; failure: Failure };

export function useTeamReview(period: Period, online: boolean): { loaded: ReviewState; reload: () => void } {
  const { db, platform } = useApp();
  const [loaded, setLoaded] = useState<ReviewState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const { from, to } = period;

  useEffect(() => {
    let live = true;
    const fromKept = async (failure: Failure | null) => {
      const kept = await db.getMeta('teamReview').catch(() => null);
      if (!live) return;
      if (kept) setLoaded({ state: 'ready', review: kept.review, kept: { failure } });
      else setLoaded({ state: 'failed', failure: failure ?? { kind: 'network' } });
    };
    if (!online) {
      void fromKept(null);
    } else {
      void callHeadOffice(platform, 'team-review', { from, to }).then(async (called) => {
        if (!live) return;
        if (called.ok) {
          setLoaded({ state: 'ready', review: called.value, kept: null });
          await db.setMeta('teamReview', { fetchedAt: new Date().toISOString(), review: called.value });
        } else if (called.failure.kind === 'network') {
          await fromKept(called.failure);
        } else {
          setLoaded({ state: 'failed', failure: called.failure });
        }
      });
    }
    return () => {
      live = false;
    };
  }, [db, platform, from, to, online, attempt]);

  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { loaded, reload };
}
