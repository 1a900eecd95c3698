import type { Method, Output } from '../../shared/contract/index.js';
import { contract } from '../../shared/contract/index.js';
import { TransportError } from '../../shared/contract/transport.js';
import type { Result } from '../../shared/lib/result.js';
import { appErrorSchema } from '../../shared/lib/result.js';

/**
 * Checks an answer against the contract: a Result whose value matches the method's output
 * schema. Anything else is not an answer we can act on (TransportError, retried).
 */
export function parseResult<M extends Method>(
  method: M,
  body: unknown,
  status: number | null,
): Result<Output<M>> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) {
    throw new TransportError(`${method}: response is not a Result`, status);
  }
  if (body.ok === true && 'value' in body) {
    const parsed = contract[method].output.safeParse(body.value);
    if (!parsed.success) {
      throw new TransportError(
        `${method}: response does not match the contract: ${parsed.error.message}`,
        status,
      );
    }
    return { ok: true, value: parsed.data as Output<M> };
  }
  if (body.ok === false && 'error' in body) {
    const parsed = appErrorSchema.safeParse(body.error);
    if (!parsed.success) throw new TransportError(`${method}: malformed error`, status);
    return { ok: false, error: parsed.data };
  }
  throw new TransportError(`${method}: response is not a Result`, status);
}
