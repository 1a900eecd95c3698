/**
 * Continuous saving of a visit in progress. The screen keeps the draft in React state (typing is
 * never blocked); every change is handed to the queue, which writes the LATEST draft only:
 * - `schedule` waits for a quiet moment (debounce, ~300 ms) while the rep types;
 * - `flush` writes now (step change, blur, page hidden or closing);
 * - at most one write runs at a time; changes arriving meanwhile are coalesced into one next write.
 * A crash loses at most what was typed within the debounce window.
 */
export interface SaveQueueOptions<T> {
  write(value: T): Promise<void>;
  /** Called once a write completed (the local transaction committed). */
  onSaved?(value: T): void;
  onError?(error: unknown): void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class SaveQueue<T> {
  private pending: T | null = null;
  private hasPending = false;
  private timer: unknown = null;
  private running: Promise<boolean> | null = null;
  private closed = false;
  private readonly delayMs: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: SaveQueueOptions<T>) {
    this.delayMs = options.delayMs ?? 300;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Saves `value` once changes pause for the debounce delay. */
  schedule(value: T): void {
    if (this.closed) return;
    this.pending = value;
    this.hasPending = true;
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Saves now (the given value, or what is pending); resolves once everything is written. */
  async flush(value?: T): Promise<void> {
    if (this.closed) return;
    if (value !== undefined) {
      this.pending = value;
      this.hasPending = true;
    }
    this.cancelTimer();
    while (this.running) await this.running;
    if (!this.hasPending) return;
    const next = this.pending as T;
    this.pending = null;
    this.hasPending = false;
    this.running = this.run(next);
    let ok: boolean;
    try {
      ok = await this.running;
    } finally {
      this.running = null;
    }
    // Changes that arrived during the write are written next (coalesced into one). After a
    // failure the value waits for the next change or flush (no retry loop).
    if (ok && this.hasPending && this.timer === null) await this.flush();
  }

  /** True while something is not yet written. */
  get dirty(): boolean {
    return this.hasPending || this.running !== null;
  }

  dispose(): void {
    this.cancelTimer();
  }

  /**
   * Writes what is pending, then accepts nothing more (the visit ended: its draft is about to be
   * removed and must not be written back). `reopen` undoes it when ending failed.
   */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.cancelTimer();
    this.pending = null;
    this.hasPending = false;
  }

  reopen(): void {
    this.closed = false;
  }

  private async run(value: T): Promise<boolean> {
    try {
      await this.options.write(value);
      this.options.onSaved?.(value);
      return true;
    } catch (error) {
      // Keep the value to retry with the next change or flush, unless a newer one is waiting.
      if (!this.hasPending) {
        this.pending = value;
        this.hasPending = true;
      }
      this.options.onError?.(error);
      return false;
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
  }
}
