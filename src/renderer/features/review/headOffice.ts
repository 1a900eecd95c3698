/**
 * The review screen reads and acts on head office directly (never on the laptop's copy): each
 * call goes through the platform's transport, and every failure becomes a value the screen can
 * say in the user's language (head office's message key, else the code).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { TransportError } from '../../../shared/contract/transport.js';
import type { MessageParams } from '../../../shared/lib/messages.js';
import type { ErrorCode } from '../../../shared/lib/result.js';
import type { Platform } from '../../platform/types.js';

/** Why a call failed: no answer from head office, or head office's refusal with its reason. */
export type Failure =
  | { kind: 'network' }
  | { kind: 'refused'; code: ErrorCode; message: string; key?: string; params?: MessageParams }
  | { kind: 'unexpected' };

export type Called<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export async function callHeadOffice<M extends Method>(
  platform: Platform,
  method: M,
  input: Input<M>,
): Promise<Called<Output<M>>> {
  try {
    const reply = await platform.transport.invoke(method, input);
    if (reply.ok) return { ok: true, value: reply.value };
    const { code, message, key, params } = reply.error;
    return { ok: false, failure: { kind: 'refused', code, message, key, params } };
  } catch (error) {
    return {
      ok: false,
      failure: error instanceof TransportError ? { kind: 'network' } : { kind: 'unexpected' },
    };
  }
}

export type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; failure: Failure };

/**
 * Loads `method(input)` from head office when `enabled`, again on `reload()` and when the
 * input changes. The value can be changed in place after an action (`update`).
 */
export function useHeadOfficeQuery<M extends Method>(
  platform: Platform,
  method: M,
  input: Input<M>,
  enabled: boolean,
): {
  loaded: Loaded<Output<M>>;
  reload: () => void;
  update: (change: (value: Output<M>) => Output<M>) => void;
} {
  const [loaded, setLoaded] = useState<Loaded<Output<M>>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(input);

  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    void callHeadOffice(platform, method, JSON.parse(key) as Input<M>).then((called) => {
      if (!live) return;
      setLoaded(
        called.ok ? { state: 'ready', value: called.value } : { state: 'failed', failure: called.failure },
      );
    });
    return () => {
      live = false;
    };
  }, [platform, method, key, enabled, attempt]);

  const reload = useCallback(() => {
    setLoaded({ state: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  const update = useCallback((change: (value: Output<M>) => Output<M>) => {
    setLoaded((current) =>
      current.state === 'ready' ? { state: 'ready', value: change(current.value) } : current,
    );
  }, []);
  return { loaded, reload, update };
}
