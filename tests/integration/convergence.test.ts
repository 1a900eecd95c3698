import { describe, it } from 'vitest';
import { runConvergence } from './convergence.js';
import { backends } from './harness.js';

// A short randomised run in `npm test`; `npm run test:soak` runs many more seeds and steps.
describe.each(backends)('sync convergence under network faults ($name)', (backend) => {
  it.each([1, 2, 3])(
    'seed %i: every laptop ends equal to head office, nothing lost or doubled',
    async (seed) => {
      await runConvergence(backend, { seed, steps: 60 });
    },
    // 10–15 s on a quiet machine, up to 50 s seen on a loaded one: margin beyond twice that.
    180_000,
  );
});
