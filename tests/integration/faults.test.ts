import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, DEMO } from './harness.js';
import { HeadOfficeProcess } from './faults/headOffice.js';
import { runFaults } from './faults/run.js';

// A short run in `npm test` (one seed per set-up); `npm run test:soak` runs many seeds, longer.
// Replay a failing seed with FAULT_SEED=<seed> FAULT_STEPS=<steps> (printed by the failure).
const seed = Number(process.env.FAULT_SEED ?? 7);
const steps = Number(process.env.FAULT_STEPS ?? 80);

describe.each(backends)(
  'sync over a faulty real network, head office killed and restarted ($name)',
  (backend) => {
    const instances = backend.name === 'postgres' ? ([1, 2] as const) : ([1] as const);
    it.each(instances)(
      `seed ${seed}, %i head-office process(es): nothing lost, nothing twice, every laptop converges`,
      async (count) => {
        const report = await runFaults(backend, { seed, steps, instances: count });
        console.info(`fault run: ${JSON.stringify(report)}`);
      },
      // 20–60 s each on a quiet 2-core machine: far from the limit when it is loaded.
      300_000,
    );
  },
);

const postgres = backends.find((b) => b.name === 'postgres');

/** What two instances must agree on lives in PostgreSQL, not in either process. */
describe.skipIf(postgres === undefined)('two head-office processes on one PostgreSQL', () => {
  let drop: () => Promise<void> = async () => {};
  const offices: HeadOfficeProcess[] = [];
  beforeAll(async () => {
    const created = await postgres!.create();
    drop = created.drop;
    for (const i of [0, 1]) {
      const office = new HeadOfficeProcess(`head office ${i + 1}`, {
        DATABASE_URL: created.options.url ?? '',
        TOURNEE_SEED: i === 0 ? '1' : '0',
        TOURNEE_SEED_SCALE: '0.02',
      });
      await office.start();
      offices.push(office);
    }
  }, 120_000);
  afterAll(async () => {
    for (const office of offices) await office.kill();
    await drop();
  });

  async function call(office: HeadOfficeProcess, method: string, input: unknown, token?: string) {
    const response = await fetch(`${office.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return (await response.json()) as {
      ok: boolean;
      value?: Record<string, unknown>;
      error?: { code: string };
    };
  }
  const login = (office: HeadOfficeProcess, password: string) =>
    call(office, 'auth-login', { email: DEMO.thomas, password, deviceName: 'two', tokenDelivery: 'body' });

  it('two more started at the same moment on an empty database both come up (migrations run once)', async () => {
    const created = await postgres!.create();
    const pair = [1, 2].map(
      (i) =>
        new HeadOfficeProcess(`fresh ${i}`, { DATABASE_URL: created.options.url ?? '', TOURNEE_SEED: '0' }),
    );
    try {
      await Promise.all(pair.map((office) => office.start()));
      for (const office of pair) expect((await fetch(`${office.url}/health`)).status).toBe(200);
    } finally {
      for (const office of pair) await office.kill();
      await created.drop();
    }
  }, 120_000);

  it('counts wrong passwords across both: the limit holds whichever one an attacker asks', async () => {
    for (let i = 0; i < 5; i += 1) {
      const answer = await login(offices[i % 2]!, 'wrong password');
      expect(answer.error?.code).toBe('invalid-credentials');
    }
    for (const office of offices)
      expect((await login(office, 'still wrong')).error?.code).toBe('too-many-attempts');
  });

  it('a session opened on one is known to the other, and revoked on one is refused by both at once', async () => {
    const answer = await call(offices[0]!, 'auth-login', {
      email: DEMO.camille,
      password: DEMO.password,
      deviceName: 'two',
      tokenDelivery: 'body',
    });
    const token = String(answer.value?.token);
    const me = await call(offices[1]!, 'auth-me', {}, token);
    expect(me.ok).toBe(true);
    const revoked = await call(offices[1]!, 'auth-revoke', { sessionId: me.value?.sessionId }, token);
    expect(revoked.ok).toBe(true);
    for (const office of offices) expect((await call(office, 'auth-me', {}, token)).ok).toBe(false);
  });
});
