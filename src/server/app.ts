/**
 * The head-office HTTP server: `POST /api/:method` (the contract), sync aliases, health,
 * one-time login links and the built renderer (web mode) with strict security headers.
 * Every API answer is a Result JSON; bad input is a 4xx, never a 500.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
} from 'fastify';
import { fail, httpStatusFor } from '../shared/lib/result.js';
import { msg } from '../shared/lib/messages.js';
import type { Result } from '../shared/lib/result.js';
import type { RequestContext, ServerConfig } from './context.js';
import type { DatabaseKind } from './db/connect.js';
import type { Db } from './db/types.js';
import { dispatch, needsSession } from './dispatch.js';
import { productionHashOptions } from './features/auth/passwords.js';
import { defaultSyncWaitTimings, SyncWaits } from './features/sync/index.js';
import { authenticate } from './features/auth/sessions.js';
import { audit } from './lib/audit.js';
import { parseCookies, serializeCookie, SESSION_COOKIE } from './lib/cookie.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Never written to a log: the session token in either of its places. */
export const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie'];

/** Push batches hold at most 500 mutations of up to 10 kB each. */
export const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface BuildServerOptions {
  db: Db;
  kind: DatabaseKind;
  version: string;
  /** Built renderer to serve (web mode); default `out/renderer` under cwd, when it exists. */
  rendererDir?: string;
  /** Fastify/pino logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
  config?: Partial<ServerConfig>;
  /**
   * Behind a TLS proxy or load balancer: whom to believe for the client's address and protocol
   * (`X-Forwarded-For`, `X-Forwarded-Proto`): Fastify's `trustProxy` (true, or the proxies'
   * addresses). Then the session cookie is `Secure` and HSTS is sent over HTTPS.
   */
  trustProxy?: FastifyServerOptions['trustProxy'];
  /**
   * The host names head office answers to (the `Host` header, without port); any other is
   * refused with 421 before anything else, so that a page of another site whose name was made
   * to point at this machine (DNS rebinding) cannot use it. Undefined: any name.
   */
  allowedHosts?: readonly string[];
  /** This process's long polls; tests pass their own, with shorter timings, to watch them. */
  syncWaits?: SyncWaits;
  /**
   * PGlite in a data folder: a consistent copy of the database, served to an admin at
   * `POST /admin/backup` (what `npm run admin -- backup FILE` asks while head office runs).
   */
  backup?: () => Promise<Blob>;
}

/** Where the admin CLI asks a running head office on PGlite for a backup (decision 0020). */
export const BACKUP_PATH = '/admin/backup';

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
    if (match?.[1] !== undefined) return match[1];
  }
  const cookie = parseCookies(request.headers.cookie)[SESSION_COOKIE];
  return cookie === undefined || cookie === '' ? undefined : cookie;
}

function errorBody(message: string): Result<never> {
  return { ok: false, error: { code: 'bad-request', message } };
}

function htmlPage(title: string, message: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>` +
    `<body><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Tournée</a></p></main></body></html>`
  );
}

export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const config: ServerConfig = {
    passwordHashing: options.config?.passwordHashing ?? productionHashOptions,
    now: options.config?.now ?? (() => new Date()),
  };
  const app = Fastify({
    logger: options.logger ?? { level: 'info', redact: LOG_REDACT },
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: options.trustProxy ?? false,
  });
  const syncWaits =
    options.syncWaits ??
    new SyncWaits(options.db, defaultSyncWaitTimings, (error) =>
      app.log.warn({ err: error }, 'sync-wait: could not read the change marks'),
    );
  // Open waits are answered before the server stops waiting for its requests to end.
  app.addHook('preClose', async () => {
    syncWaits.close();
  });
  const allowedHosts =
    options.allowedHosts === undefined ? null : new Set(options.allowedHosts.map((h) => h.toLowerCase()));

  // Before the body is read: a request for another host name, or an anonymous call of a method
  // that needs a session, is answered at once, without parsing up to 8 MB for nothing.
  app.addHook('onRequest', async (request, reply) => {
    if (allowedHosts !== null && !allowedHosts.has(request.hostname.toLowerCase())) {
      return reply.status(421).send({
        ok: false,
        error: { code: 'bad-request', message: `This head office does not answer to ${request.hostname}.` },
      });
    }
    if (request.method !== 'POST' || bearerToken(request) !== undefined) return;
    const path = request.url.split('?')[0] ?? '';
    const method = path.startsWith('/api/')
      ? path.slice('/api/'.length)
      : path === '/sync/push' || path === '/sync/pull'
        ? `sync-${path.slice('/sync/'.length)}`
        : '';
    if (!needsSession(method)) return;
    return reply
      .status(httpStatusFor('unauthenticated'))
      .send(fail('unauthenticated', msg('auth.signInRequired')));
  });
  // JSON only: a cross-site form cannot post JSON without a CORS preflight.
  app.removeContentTypeParser('text/plain');

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) {
      reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    }
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
    if (
      request.url.startsWith('/api/') ||
      request.url.startsWith('/sync/') ||
      request.url.startsWith('/auth/')
    ) {
      reply.header('Cache-Control', 'no-store');
    }
    return payload;
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'The request body is too large.'
          : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Send JSON with Content-Type: application/json.'
            : `The request is malformed: ${error.message}`;
      return reply.status(400).send(errorBody(message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ ok: false, error: { code: 'internal', message: 'Something went wrong on the server.' } });
  });

  async function answer(
    method: string,
    body: unknown,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const ctx: RequestContext = {
      db: options.db,
      config,
      token: bearerToken(request),
      ip: request.ip,
      log: request.log,
      effects: {},
      syncWaits,
    };
    const result = await dispatch(method, body, ctx);
    const effect = ctx.effects.session;
    if (effect !== undefined) {
      const secure = request.protocol === 'https';
      reply.header(
        'Set-Cookie',
        effect.kind === 'set'
          ? serializeCookie(SESSION_COOKIE, effect.token, {
              maxAgeSeconds: (effect.expiresAt.getTime() - config.now().getTime()) / 1000,
              secure,
            })
          : serializeCookie(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure }),
      );
    }
    return reply.status(result.ok ? 200 : httpStatusFor(result.error.code)).send(result);
  }

  app.post<{ Params: { method: string } }>('/api/:method', (request, reply) =>
    answer(request.params.method, request.body, request, reply),
  );
  app.post('/sync/push', (request, reply) => answer('sync-push', request.body, request, reply));
  app.post('/sync/pull', (request, reply) => answer('sync-pull', request.body, request, reply));

  const backup = options.backup;
  if (backup !== undefined) {
    // An admin's bearer token only (never the cookie: a page of another site cannot start one).
    app.post(BACKUP_PATH, async (request, reply) => {
      const header = request.headers.authorization;
      const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] : undefined;
      const now = config.now();
      const principal = await authenticate(options.db, token ?? '', now);
      if (!principal.ok) return reply.status(httpStatusFor(principal.error.code)).send(principal);
      const { user } = principal.value;
      if (user.role !== 'admin') {
        const refused = fail('forbidden', msg('auth.roleForbidden', { role: user.role, method: 'backup' }));
        return reply.status(httpStatusFor('forbidden')).send(refused);
      }
      await audit(options.db, { userId: user.id, method: 'admin-backup' }, now);
      const copy = await backup();
      return reply
        .type('application/gzip')
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(await copy.arrayBuffer()));
    });
  }

  app.get('/health', async () => ({ status: 'ok', version: options.version, database: options.kind }));

  app.get<{ Querystring: { code?: string } }>('/auth/link', async (request, reply) => {
    const code = typeof request.query.code === 'string' ? request.query.code : '';
    const ctx: RequestContext = { db: options.db, config, ip: request.ip, log: request.log, effects: {} };
    const result = await dispatch(
      'auth-redeem-link',
      { code, deviceName: 'Web browser', tokenDelivery: 'cookie' },
      ctx,
    );
    const effect = ctx.effects.session;
    if (!result.ok || effect?.kind !== 'set') {
      return reply
        .status(400)
        .type('text/html; charset=utf-8')
        .send(
          htmlPage(
            'Sign-in link not valid',
            'This sign-in link is invalid, already used or expired (links last two minutes). Sign in with your email and password, or ask for a new link.',
          ),
        );
    }
    reply.header(
      'Set-Cookie',
      serializeCookie(SESSION_COOKIE, effect.token, {
        maxAgeSeconds: (effect.expiresAt.getTime() - config.now().getTime()) / 1000,
        secure: request.protocol === 'https',
      }),
    );
    // One of the few lines the quiet console shows (lib/logging.ts).
    request.log.info({ event: 'signed-in' }, 'Signed in from a browser with a sign-in link.');
    return reply.redirect('/', 302);
  });

  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  const serveRenderer = existsSync(resolve(rendererDir, 'index.html'));
  if (serveRenderer) {
    await app.register(fastifyStatic, {
      root: rendererDir,
      wildcard: true,
      cacheControl: false,
      setHeaders(res, path) {
        // Vite puts content-hashed files under assets/: cache them for good; revalidate the rest.
        const hashed = /[\\/]assets[\\/]/.test(path) && !path.endsWith('.html');
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url.startsWith('/sync/');
    if (serveRenderer && request.method === 'GET' && !isApi) {
      reply.header('Cache-Control', 'no-cache');
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({
      ok: false,
      error: {
        code: 'not-found',
        message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`,
      },
    });
  });

  return app;
}
