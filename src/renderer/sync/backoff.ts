export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/** The ceiling of the n-th retry (1-based): base · 2^(n-1), capped. */
export function backoffCeiling(attempt: number, options: BackoffOptions = defaultBackoff): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(options.capMs, options.baseMs * 2 ** Math.min(exponent, 30));
}

/**
 * "Full jitter" (AWS architecture blog): a uniform delay in [0, ceiling), so a fleet of
 * laptops coming back online does not hit head office in waves.
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = defaultBackoff,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
