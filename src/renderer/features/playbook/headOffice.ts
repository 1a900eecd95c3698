/**
 * The playbook editor works on head office directly (never on the laptop's copy): each call
 * goes through the platform's transport and every failure becomes a value the screen says in
 * the user's language.
 */
import type { Input, Method, Output } from '../../../shared/contract/index.js';
import { TransportError } from '../../../shared/contract/transport.js';
import type { AppError } from '../../../shared/lib/result.js';
import type { Platform } from '../../platform/types.js';

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
