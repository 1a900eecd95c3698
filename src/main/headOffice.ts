/**
 * Main's side of `app:invoke`: validates what the renderer sends with the contract, forwards
 * it to head office over HTTP with the session token, and keeps the token out of the renderer.
 */
import { contract, isMethod } from '../shared/contract/index.js';
import type { Method } from '../shared/contract/index.js';
import { appErrorSchema, fail, zodToAppError } from '../shared/lib/result.js';
import type { Result } from '../shared/lib/result.js';
import type { TokenStore } from './tokenStore.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** How long head office may hold a `sync-wait` (src/server/features/sync/wake.ts). */
const LONG_POLL_MS = 25_000;

const SESSION_END_CODES = new Set(['unauthenticated', 'session-revoked', 'session-expired']);

export class HeadOfficeClient {
  private token: string | null = null;
  private loaded = false;

  constructor(
    private readonly serverUrl: string,
    private readonly tokens: TokenStore,
    private readonly fetchImpl: FetchLike,
    private readonly onSessionEnded: () => void,
    private readonly timeoutMs = 30_000,
  ) {}

  async invoke(method: string, rawInput: unknown): Promise<Result<unknown> | { transportError: string }> {
    if (!isMethod(method)) return fail('unknown-method', `Unknown method: ${method}`);
    const parsed = contract[method].input.safeParse(rawInput);
    if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error) };
    const input = this.withBodyDelivery(method, parsed.data);

    await this.ensureTokenLoaded();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.serverUrl}/api/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(input),
        // A `sync-wait` is held up to 25 s by head office on purpose (decision 0022).
        signal: AbortSignal.timeout(method === 'sync-wait' ? this.timeoutMs + LONG_POLL_MS : this.timeoutMs),
      });
    } catch (error) {
      return { transportError: error instanceof Error ? error.message : 'network error' };
    }
    const body: unknown = await response.json().catch(() => null);
    const result = parseResult(body);
    if (!result || response.status >= 500) {
      return { transportError: `head office answered ${response.status}` };
    }
    if (!result.ok) {
      if (SESSION_END_CODES.has(result.error.code) && method !== 'auth-login') {
        this.token = null;
        await this.tokens.clear();
        this.onSessionEnded();
      }
      return result;
    }
    return this.afterSuccess(method, result.value);
  }

  async probe(): Promise<boolean> {
    try {
      const response = await this.fetchImpl(`${this.serverUrl}/health`, {
        method: 'GET',
        signal: AbortSignal.timeout(5_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  private withBodyDelivery(method: Method, input: unknown): unknown {
    if ((method === 'auth-login' || method === 'auth-redeem-link') && isRecord(input)) {
      return { ...input, tokenDelivery: 'body' };
    }
    return input;
  }

  private async afterSuccess(method: Method, value: unknown): Promise<Result<unknown>> {
    if ((method === 'auth-login' || method === 'auth-redeem-link') && isRecord(value)) {
      const { token, ...rest } = value;
      if (typeof token === 'string') {
        this.token = token;
        await this.tokens.save(token);
      }
      return { ok: true, value: rest };
    }
    if (method === 'auth-logout') {
      this.token = null;
      await this.tokens.clear();
    }
    return { ok: true, value };
  }

  private async ensureTokenLoaded(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    this.token = this.token ?? (await this.tokens.load());
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseResult(body: unknown): Result<unknown> | null {
  if (!isRecord(body)) return null;
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false) {
    const error = appErrorSchema.safeParse(body.error);
    return error.success ? { ok: false, error: error.data } : null;
  }
  return null;
}
