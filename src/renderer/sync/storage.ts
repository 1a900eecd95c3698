/** Local storage failures, shared by the engine and the screens that write through it. */

/** IndexedDB / Dexie quota failures, possibly wrapped by Dexie in an AbortError. */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    if (current.name === 'QuotaExceededError') return true;
    const inner: unknown = (current as Error & { inner?: unknown }).inner;
    current = inner ?? (current as Error & { cause?: unknown }).cause;
  }
  return false;
}

/** The laptop's storage is full: the write did not happen. */
export class StorageFullError extends Error {
  constructor(override readonly cause: unknown) {
    super('Local storage is full');
    this.name = 'StorageFullError';
  }
}
