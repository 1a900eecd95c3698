/** Hooks around the map's lazily loaded data and the browser's environment. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RefObject } from 'react';
import type { Size } from './geometry.js';
import { loadOutlines } from './outlines.js';
import type { Outline } from './outlines.js';
import { loadTownIndex } from './towns.js';
import type { TownIndex } from './towns.js';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error' };

function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    load().then(
      (data) => {
        if (alive) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        console.error('Map data failed to load', error);
        if (alive) setState({ status: 'error' });
      },
    );
    return () => {
      alive = false;
    };
  }, [load]);
  return state;
}

export function useOutlines(): Loaded<readonly Outline[]> {
  return useLoaded(loadOutlines);
}

export function useTownIndex(): Loaded<TownIndex> {
  return useLoaded(loadTownIndex);
}

/** The element's content size, following resizes; `fallback` until measured (and in jsdom). */
export function useElementSize(ref: RefObject<HTMLElement | null>, fallback: Size): Size {
  const [size, setSize] = useState<Size>(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      if (width > 0 && height > 0)
        setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

function subscribeReducedMotion(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(reducedMotionQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True when the user asked for less motion, or when the browser can't tell (tests). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => typeof window.matchMedia !== 'function' || window.matchMedia(reducedMotionQuery).matches,
    () => true,
  );
}
