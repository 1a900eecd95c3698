import { describe, it } from 'vitest';
import { runConvergence } from '../integration/convergence.js';
import { backends } from '../integration/harness.js';

const seeds = Number(process.env.SOAK_SEEDS ?? 25);
const steps = Number(process.env.SOAK_STEPS ?? 400);
const first = Number(process.env.SOAK_FIRST_SEED ?? 1000);

describe.each(backends)('soak: sync convergence ($name)', (backend) => {
  it.each(Array.from({ length: seeds }, (_, i) => first + i))(
    'seed %i',
    async (seed) => {
      await runConvergence(backend, { seed, steps });
    },
    600_000,
  );
});
