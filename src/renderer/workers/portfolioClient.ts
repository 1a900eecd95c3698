/**
 * Asks the portfolio worker for a computation, or computes it here when no worker can run: in
 * tests (no `Worker`), or where the page may not start one (an Electron build loaded from
 * file:// whose Chromium refuses module workers). A worker that fails once is not asked again;
 * every request it held is computed here instead, so a result is never lost to the worker.
 */
import type {
  PortfolioAnswer,
  PortfolioKind,
  PortfolioRequest,
  PortfolioResults,
} from './portfolioProtocol.js';

interface Pending {
  resolve: (value: PortfolioResults[PortfolioKind]) => void;
  fallback: () => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function giveUp(reason: unknown): void {
  if (worker) worker.terminate();
  worker = null;
  console.warn('Portfolio worker unavailable; computing on the main thread.', reason);
  const held = [...pending.values()];
  pending.clear();
  for (const request of held) request.fallback();
}

function portfolioWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    const started = new Worker(new URL('./portfolio.worker.ts', import.meta.url), {
      type: 'module',
      name: 'portfolio',
    });
    started.onmessage = (event: MessageEvent<PortfolioAnswer>) => {
      const answer = event.data;
      const request = pending.get(answer.id);
      if (request === undefined) return;
      pending.delete(answer.id);
      if (answer.ok) request.resolve(answer.value);
      else {
        console.warn('Portfolio worker failed; computing on the main thread.', answer.message);
        request.fallback();
      }
    };
    started.onerror = (event) => giveUp(event.message);
    started.onmessageerror = (event) => giveUp(event);
    worker = started;
  } catch (error) {
    giveUp(error);
  }
  return worker ?? null;
}

/** `kind` for the user's database at `at`, in the worker when one runs, else by `here`. */
export function offThread<K extends PortfolioKind>(
  kind: K,
  dbName: string,
  key: string,
  at: Date,
  here: () => Promise<PortfolioResults[K]>,
): Promise<PortfolioResults[K]> {
  const target = portfolioWorker();
  if (target === null) return here();
  return new Promise<PortfolioResults[K]>((resolve, reject) => {
    const id = nextId++;
    pending.set(id, {
      // The answer to request `id` is of its kind: the worker answers each request with its own.
      resolve: (value) => resolve(value as PortfolioResults[K]),
      fallback: () => void here().then(resolve, reject),
    });
    const request: PortfolioRequest = { id, kind, dbName, key, at: at.getTime() };
    target.postMessage(request);
  });
}
