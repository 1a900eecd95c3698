/**
 * The first download as the rep sees it: rows received and pages over the whole download, even
 * when it was interrupted and resumed (the engine counts per attempt and resumes from the last
 * page applied; this keeps the running total and says "resuming").
 */
import { useSyncExternalStore } from 'react';
import { downloadStatus } from '../../sync/engine.js';
import type { SyncEngine, SyncStatus } from '../../sync/engine.js';

export interface DownloadProgress {
  received: number;
  pages: number;
  /** About how many items the whole download carries; null when head office did not say. */
  total: number | null;
  /** 0–99 while it runs; null without a total. */
  percent: number | null;
  /** At the rate so far; null when unknown (no total, or resumed after an interruption). */
  secondsLeft: number | null;
  /**
   * running: first attempt; interrupted: stopped (network), will resume by itself; resuming:
   * continuing from the last page applied after an interruption.
   */
  phase: 'running' | 'interrupted' | 'resuming';
}

interface Counted {
  received: number;
  pages: number;
  total: number | null;
  percent: number | null;
  secondsLeft: number | null;
}

const NOTHING: Counted = { received: 0, pages: 0, total: null, percent: null, secondsLeft: null };

class DownloadTracker {
  private base: Counted = NOTHING;
  private interrupted = false;
  private current: DownloadProgress | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(engine: SyncEngine) {
    this.update(engine.getStatus());
    engine.subscribe((status) => this.update(status));
  }

  private update(status: SyncStatus): void {
    const previous = this.current;
    let next = previous;
    if (status.download) {
      const received = this.base.received + status.download.received;
      const pages = this.base.pages + status.download.pages;
      const phase = this.interrupted ? 'resuming' : 'running';
      // A resumed download is not announced again: it keeps the first attempt's total.
      const counted: Counted =
        this.base.received === 0
          ? status.download
          : {
              ...downloadStatus(received, pages, status.download.total ?? this.base.total, 0),
              secondsLeft: null,
            };
      if (
        !previous ||
        previous.received !== received ||
        previous.pages !== pages ||
        previous.phase !== phase ||
        previous.secondsLeft !== counted.secondsLeft
      ) {
        next = { ...counted, received, pages, phase };
      }
    } else if (status.state === 'idle') {
      this.base = NOTHING;
      this.interrupted = false;
      next = null;
    } else if (
      previous &&
      (status.state === 'offline' || status.state === 'error') &&
      previous.phase !== 'interrupted'
    ) {
      // Stopped before the last page: keep the total; the engine resumes from the last page applied.
      this.base = { ...previous, secondsLeft: null };
      this.interrupted = true;
      next = { ...this.base, phase: 'interrupted' };
    } else if (previous?.phase === 'interrupted' && status.state === 'syncing') {
      next = { ...this.base, phase: 'resuming' };
    }
    // Syncing between two pages (download briefly null): keep what is shown.
    if (next !== previous) {
      this.current = next;
      for (const l of this.listeners) l();
    }
  }

  get = (): DownloadProgress | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}

const trackers = new WeakMap<SyncEngine, DownloadTracker>();

function trackerFor(engine: SyncEngine): DownloadTracker {
  let tracker = trackers.get(engine);
  if (!tracker) {
    tracker = new DownloadTracker(engine);
    trackers.set(engine, tracker);
  }
  return tracker;
}

/** Null when no multi-page download is under way or waiting to resume. */
export function useDownload(engine: SyncEngine): DownloadProgress | null {
  const tracker = trackerFor(engine);
  return useSyncExternalStore(tracker.subscribe, tracker.get, tracker.get);
}
