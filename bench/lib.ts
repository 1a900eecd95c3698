/** Small helpers shared by the benchmarks: percentiles, machine description, HTTP calls. */
import { cpus, totalmem } from 'node:os';

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

export async function call<T>(baseUrl: string, method: string, input: unknown, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    ok: boolean;
    value?: T;
    error?: { code: string; message: string };
  };
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value as T;
}

export async function loginToken(baseUrl: string, email: string): Promise<string> {
  const session = await call<{ token?: string }>(baseUrl, 'auth-login', {
    email,
    password: 'tournee',
    deviceName: 'bench',
    tokenDelivery: 'body',
  });
  if (!session.token) throw new Error('no token');
  return session.token;
}

export const fmt = (n: number, digits = 1) => n.toFixed(digits);
