import { describe, it } from 'vitest';
import { backends } from '../integration/harness.js';
import { runFaults } from '../integration/faults/run.js';

// `npm run test:soak`: many seeds, longer runs, on every backend (two processes on PostgreSQL).
const seeds = Number(process.env.SOAK_SEEDS ?? 10);
const steps = Number(process.env.SOAK_STEPS ?? 300);
const first = Number(process.env.SOAK_FIRST_SEED ?? 2000);

describe.each(backends)('soak: sync over a faulty real network ($name)', (backend) => {
  it.each(Array.from({ length: seeds }, (_, i) => first + i))(
    'seed %i',
    async (seed) => {
      const report = await runFaults(backend, {
        seed,
        steps,
        instances: backend.name === 'postgres' ? 2 : 1,
      });
      console.info(`fault run: ${JSON.stringify(report)}`);
    },
    900_000,
  );
});
