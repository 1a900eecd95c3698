/**
 * The one entry point for every contract method, whatever the transport (HTTP, CLI, tests):
 * parse input, authenticate and authorise, run, parse output. Expected failures are Results.
 */
import { contract, isMethod } from '../shared/contract/index.js';
import type { Method, Output, ParsedInput } from '../shared/contract/index.js';
import type { Role } from '../shared/domain/user/user.js';
import { fail, zodToAppError } from '../shared/lib/result.js';
import { msg } from '../shared/lib/messages.js';
import type { Result } from '../shared/lib/result.js';
import type { AuthedContext, PublicContext, RequestContext } from './context.js';
import { authenticate } from './features/auth/sessions.js';
import { handlers } from './handlers.js';

export interface PublicHandler<M extends Method> {
  auth: 'public';
  run(input: ParsedInput<M>, ctx: PublicContext): Promise<Result<Output<M>>>;
}

export interface AuthedHandler<M extends Method> {
  auth: readonly Role[];
  run(input: ParsedInput<M>, ctx: AuthedContext): Promise<Result<Output<M>>>;
}

export type Handler<M extends Method> = PublicHandler<M> | AuthedHandler<M>;

/** A missing method is a compile error. */
export type Handlers = { [M in Method]: Handler<M> };

export { ADMIN_ONLY, ALL_ROLES, STAFF_ROLES } from './roles.js';

/**
 * The path of the first string holding a NUL character (PostgreSQL cannot store one in text),
 * for example `customerIds.3` or `name`; null when there is none.
 */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '(input)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulPath(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found =
        nulPath(inner, [...path, key]) ?? (key.includes('\u0000') ? [...path, key].join('.') : null);
      if (found !== null) return found;
    }
  }
  return null;
}

const selfChecked: ReadonlySet<Method> = new Set<Method>(['sync-push', 'import-run']);

async function runHandler<M extends Method>(
  method: M,
  handler: Handler<M>,
  raw: unknown,
  ctx: RequestContext,
): Promise<Result<unknown>> {
  // Refused before the handler: it would otherwise fail deep inside the database, as a 500.
  // Not for methods that say it better themselves: a push stores the one mutation's refusal and
  // the laptop's queue goes on; an import says the line and the field.
  const parseInput = (): Result<ParsedInput<M>> => {
    const nul = selfChecked.has(method) ? null : nulPath(raw);
    if (nul !== null)
      return fail('bad-request', msg('dispatch.nulCharacter', { field: nul }), { field: nul });
    const parsed = contract[method].input.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, error: zodToAppError(parsed.error) };
    return { ok: true, value: parsed.data as ParsedInput<M> };
  };

  // Who is calling comes first: a caller without a session, or whose role may not call the
  // method, learns nothing about what the method would have accepted.
  let result: Result<Output<M>>;
  if (handler.auth === 'public') {
    const principal =
      ctx.token === undefined ? null : await authenticate(ctx.db, ctx.token, ctx.config.now());
    const input = parseInput();
    if (!input.ok) return input;
    result = await handler.run(input.value, {
      ...ctx,
      principal: principal?.ok === true ? principal.value : null,
    });
  } else {
    if (ctx.token === undefined) return fail('unauthenticated', msg('auth.signInRequired'));
    const principal = await authenticate(ctx.db, ctx.token, ctx.config.now());
    if (!principal.ok) return principal;
    if (!handler.auth.includes(principal.value.user.role)) {
      return fail('forbidden', msg('auth.roleForbidden', { role: principal.value.user.role, method }));
    }
    const input = parseInput();
    if (!input.ok) return input;
    result = await handler.run(input.value, { ...ctx, principal: principal.value });
  }
  if (!result.ok) return result;
  const output = contract[method].output.safeParse(result.value);
  if (!output.success) {
    ctx.log?.error({ method, issues: output.error.issues }, 'handler output does not match the contract');
    return fail('internal', msg('dispatch.invalidAnswer'));
  }
  return { ok: true, value: output.data };
}

export async function dispatchWith(
  handlerMap: Handlers,
  method: string,
  raw: unknown,
  ctx: RequestContext,
): Promise<Result<unknown>> {
  if (!isMethod(method))
    return fail('unknown-method', msg('dispatch.unknownMethod', { method: method.slice(0, 100) }));
  try {
    return await runHandler(method, handlerMap[method] as Handler<typeof method>, raw, ctx);
  } catch (error) {
    // The last line: a value the schemas let through but the database refuses (SQLSTATE class
    // 22, "data exception": out of range, malformed, bad encoding) is the caller's input, not a
    // fault of head office. The schemas should refuse it first; this keeps it from being a 500.
    if (isDataException(error)) {
      ctx.log?.error({ method, err: error }, 'input refused by the database');
      return fail('bad-request', msg('dispatch.badValue'));
    }
    ctx.log?.error({ method, err: error }, 'handler failed');
    return fail('internal', msg('dispatch.internal'));
  }
}

/** `dispatch(method, raw, ctx)` over the server's handler map. */
/** Whether `method` is a method of the contract that needs a session (all but sign-in and links). */
export function needsSession(method: string): boolean {
  return isMethod(method) && handlers[method].auth !== 'public';
}

export function dispatch(method: string, raw: unknown, ctx: RequestContext): Promise<Result<unknown>> {
  return dispatchWith(handlers, method, raw, ctx);
}

/** node-postgres and PGlite errors carry the SQLSTATE in `code`; Drizzle wraps them in `cause`. */
export function isDataException(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
