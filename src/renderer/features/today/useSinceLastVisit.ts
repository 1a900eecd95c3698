/**
 * The "since you were last here" state: the marker as it was when Today opened (kept for the
 * whole stay, so what arrives by sync meanwhile shows too), the changes against it, and the new
 * marker written while the screen shows them (seeing them is acknowledging them). "Mark as
 * seen" empties the list at once.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppDB } from '../../db/AppDB.js';
import type { TodaySeen } from '../../db/schema.js';
import { useSeenRows } from './queries.js';
import type { SinceChange } from './seen.js';
import { changesSince, snapshotOf } from './seen.js';

export interface SinceLastVisit {
  /** `undefined` while loading. */
  changes: SinceChange[] | undefined;
  /** The first visit of Today on this laptop: nothing to compare with yet. */
  first: boolean;
  markSeen: () => void;
}

export function useSinceLastVisit(db: AppDB, userId: string, fromIso: string): SinceLastVisit {
  const [baseline, setBaseline] = useState<TodaySeen | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    db.getMeta('todaySeen')
      .then((seen) => live && setBaseline(seen ?? null))
      .catch((e: unknown) => {
        // An unreadable marker is replaced by a fresh one: at worst a change is not announced.
        console.error(e);
        if (live) setBaseline(null);
      });
    return () => {
      live = false;
    };
  }, [db]);
  const rows = useSeenRows(db, userId, fromIso, baseline);
  useEffect(() => {
    if (!rows) return;
    db.setMeta('todaySeen', snapshotOf(rows, new Date())).catch((e: unknown) => console.error(e));
  }, [db, rows]);
  const changes = useMemo(
    () =>
      rows === undefined || baseline === undefined
        ? undefined
        : baseline
          ? changesSince(baseline, rows, userId)
          : [],
    [rows, baseline, userId],
  );
  const markSeen = useCallback(() => {
    if (rows) setBaseline(snapshotOf(rows, new Date()));
  }, [rows]);
  return { changes, first: baseline === null, markSeen };
}
