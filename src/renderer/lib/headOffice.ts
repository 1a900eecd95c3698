/**
 * Screens that read and act on head office directly (never on the laptop's copy: team review,
 * the playbook editor): each call goes through the platform's transport, and every failure
 * becomes a value the screen can say in the user's language (the error's code), with head
 * office's own explanation (its message) and the field it names.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../shared/contract/index.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { AppError } from '../../shared/lib/result.js';
import type { AppDB } from '../db/AppDB.js';
import type { Platform } from '../platform/types.js';
import { keepCopy, keptCopy } from './headOfficeCopies.js';

/** Why a call failed: no answer from head office, or head office's refusal with its reason. */
export type Failure = { kind: 'network' } | { kind: 'refused'; error: AppError } | { kind: 'unexpected' };

export type Called<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export async function callHeadOffice<M extends Method>(
  platform: Platform,
  method: M,
  input: Input<M>,
): Promise<Called<Output<M>>> {
  try {
    const reply = await platform.transport.invoke(method, input);
    if (reply.ok) return { ok: true, value: reply.value };
    return { ok: false, failure: { kind: 'refused', error: reply.error } };
  } catch (error) {
    return {
      ok: false,
      failure: error instanceof TransportError ? { kind: 'network' } : { kind: 'unexpected' },
    };
  }
}

/** A copy kept on this laptop shown instead of head office's answer: `failure` says why, null offline. */
export interface Kept {
  fetchedAt: string;
  failure: Failure | null;
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T; kept?: Kept } | { state: 'failed'; failure: Failure };

/**
 * Loads `method(input)` from head office when `enabled`, again on `reload()` and when the
 * input changes. The value can be changed in place after an action (`update`).
 *
 * With `keepIn`, each answer is kept on the laptop, and when head office cannot be reached (or
 * `enabled` is false: offline) the kept answer to the same input is shown, marked `kept`.
 */
export function useHeadOfficeQuery<M extends Method>(
  platform: Platform,
  method: M,
  input: Input<M>,
  enabled: boolean,
  options: { keepIn?: AppDB } = {},
): {
  loaded: Loaded<Output<M>>;
  reload: () => void;
  update: (change: (value: Output<M>) => Output<M>) => void;
} {
  const [loaded, setLoaded] = useState<Loaded<Output<M>>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(input);
  const { keepIn } = options;

  useEffect(() => {
    const parsedInput = JSON.parse(key) as Input<M>;
    let live = true;
    const fromKept = async (failure: Failure | null) => {
      const copy = keepIn === undefined ? null : await keptCopy(keepIn, method, parsedInput);
      if (!live) return;
      if (copy !== null) {
        setLoaded({ state: 'ready', value: copy.value, kept: { fetchedAt: copy.fetchedAt, failure } });
      } else if (failure !== null) {
        setLoaded({ state: 'failed', failure });
      }
    };
    if (!enabled) {
      void fromKept(null);
      return () => {
        live = false;
      };
    }
    void callHeadOffice(platform, method, parsedInput).then(async (called) => {
      if (!live) return;
      if (called.ok) {
        setLoaded({ state: 'ready', value: called.value });
        if (keepIn !== undefined) {
          await keepCopy(keepIn, method, parsedInput, called.value).catch((e: unknown) =>
            console.warn(`Could not keep a copy of ${method}`, e),
          );
        }
      } else if (called.failure.kind === 'network') {
        await fromKept(called.failure);
      } else {
        setLoaded({ state: 'failed', failure: called.failure });
      }
    });
    return () => {
      live = false;
    };
  }, [platform, method, key, enabled, attempt, keepIn]);

  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const update = useCallback((change: (value: Output<M>) => Output<M>) => {
    setLoaded((current) =>
      current.state === 'ready' ? { ...current, value: change(current.value) } : current,
    );
  }, []);
  return { loaded, reload, update };
}
