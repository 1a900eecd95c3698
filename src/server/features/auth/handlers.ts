/** Accounts and sessions: login, one-time links, logout, sessions, revoke, locale, users. */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Output } from '../../../shared/contract/index.js';
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import type { Result } from '../../../shared/lib/result.js';
import type { PublicContext } from '../../context.js';
import { sessions, teams, users } from '../../db/schema.js';
import type { Handlers } from '../../dispatch.js';
import { ADMIN_ONLY, ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { audit } from '../../lib/audit.js';
import { toIso } from '../../lib/time.js';
import { consumeLoginLink } from './loginLinks.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeSession, toSessionWire } from './sessions.js';
import { reserveLoginAttempt, settleLoginAttempt } from './throttle.js';
import { findUserByEmail, findUserById, normaliseEmail, toUser } from './users.js';
import type { UserRow } from './users.js';

type SessionOutput = Output<'auth-login'>;

async function startSession(
  ctx: PublicContext,
  user: UserRow,
  deviceName: string,
  tokenDelivery: 'cookie' | 'body',
  method: string,
): Promise<Result<SessionOutput>> {
  const now = ctx.config.now();
  const created = await createSession(ctx.db, user.id, deviceName, now);
  await audit(
    ctx.db,
    { userId: user.id, method, entity: 'session', entityId: created.sessionId, details: { deviceName } },
    now,
  );
  const base = { user: toUser(user), sessionId: created.sessionId, expiresAt: toIso(created.expiresAt) };
  if (tokenDelivery === 'cookie') {
    ctx.effects.session = { kind: 'set', token: created.token, expiresAt: created.expiresAt };
    return ok(base);
  }
  return ok({ ...base, token: created.token });
}

export const authHandlers = {
  'auth-login': {
    auth: 'public',
    async run(input, ctx) {
      const now = ctx.config.now();
      const email = normaliseEmail(input.email);
      const throttle = await reserveLoginAttempt(ctx.db, email, ctx.ip, now);
      if (!throttle.allowed) {
        return fail(
          'too-many-attempts',
          msg('auth.tooManyAttempts', { seconds: throttle.retryAfterSeconds }),
          {
            retryAfterSeconds: throttle.retryAfterSeconds,
          },
        );
      }
      const user = await findUserByEmail(ctx.db, email);
      // Unknown emails verify against a dummy hash so both paths take the same time.
      const valid = await verifyPassword(
        user?.passwordHash ?? (await dummyHash(ctx.config.passwordHashing)),
        input.password,
      );
      if (!valid || user === undefined) {
        return fail('invalid-credentials', msg('auth.wrongPassword'), { field: 'password' });
      }
      await settleLoginAttempt(ctx.db, throttle.attemptId);
      return startSession(ctx, user, input.deviceName, input.tokenDelivery, 'auth-login');
    },
  },
  'auth-redeem-link': {
    auth: 'public',
    async run(input, ctx) {
      const userId = await consumeLoginLink(ctx.db, input.code, ctx.config.now());
      const user = userId === null ? undefined : await findUserById(ctx.db, userId);
      if (user === undefined) {
        return fail('invalid-credentials', msg('auth.linkInvalid'));
      }
      return startSession(ctx, user, input.deviceName, input.tokenDelivery, 'auth-redeem-link');
    },
  },
  'auth-logout': {
    auth: ALL_ROLES,
    async run(_input, ctx) {
      const now = ctx.config.now();
      await revokeSession(ctx.db, ctx.principal.sessionId, now);
      await audit(
        ctx.db,
        {
          userId: ctx.principal.user.id,
          method: 'auth-logout',
          entity: 'session',
          entityId: ctx.principal.sessionId,
        },
        now,
      );
      ctx.effects.session = { kind: 'clear' };
      return ok({});
    },
  },
  'auth-me': {
    auth: ALL_ROLES,
    async run(_input, ctx) {
      return ok({ user: ctx.principal.user, sessionId: ctx.principal.sessionId });
    },
  },
  'auth-sessions': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const userId = input.userId ?? ctx.principal.user.id;
      if (userId !== ctx.principal.user.id && ctx.principal.user.role !== 'admin') {
        return fail('forbidden', msg('auth.othersSessions'), {
          field: 'userId',
        });
      }
      const rows = await ctx.db
        .select()
        .from(sessions)
        .where(eq(sessions.userId, userId))
        .orderBy(desc(sessions.createdAt));
      return ok({ sessions: rows.map((r) => toSessionWire(r, ctx.principal.sessionId)) });
    },
  },
  'auth-revoke': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const isAdmin = ctx.principal.user.role === 'admin';
      const [row] = await ctx.db
        .select({ userId: sessions.userId })
        .from(sessions)
        .where(
          isAdmin
            ? eq(sessions.id, input.sessionId)
            : and(eq(sessions.id, input.sessionId), eq(sessions.userId, ctx.principal.user.id)),
        )
        .limit(1);
      if (row === undefined) return fail('not-found', msg('auth.noSuchSession'), { field: 'sessionId' });
      const revoked = await revokeSession(ctx.db, input.sessionId, now);
      await audit(
        ctx.db,
        {
          userId: ctx.principal.user.id,
          method: 'auth-revoke',
          entity: 'session',
          entityId: input.sessionId,
        },
        now,
      );
      if (input.sessionId === ctx.principal.sessionId) ctx.effects.session = { kind: 'clear' };
      return ok({ revoked });
    },
  },
  'user-set-locale': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const [row] = await ctx.db
        .update(users)
        .set({ locale: input.locale })
        .where(eq(users.id, ctx.principal.user.id))
        .returning();
      if (row === undefined) return fail('not-found', msg('auth.accountGone'));
      return ok({ user: toUser(row) });
    },
  },
  'user-list': {
    auth: STAFF_ROLES,
    async run(_input, ctx) {
      const me = ctx.principal.user;
      const where =
        me.role === 'admin'
          ? undefined
          : me.teamId === null
            ? eq(users.id, me.id)
            : eq(users.teamId, me.teamId);
      const rows = await ctx.db.select().from(users).where(where).orderBy(asc(users.email));
      return ok({ users: rows.map(toUser) });
    },
  },
  'user-create': {
    auth: ADMIN_ONLY,
    async run(input, ctx) {
      const now = ctx.config.now();
      const email = normaliseEmail(input.email);
      if ((await findUserByEmail(ctx.db, email)) !== undefined) {
        return fail('conflict', msg('user.emailTaken'), { field: 'email' });
      }
      if (input.teamId !== null) {
        const [team] = await ctx.db
          .select({ id: teams.id })
          .from(teams)
          .where(eq(teams.id, input.teamId))
          .limit(1);
        if (team === undefined) return fail('not-found', msg('user.noSuchTeam'), { field: 'teamId' });
      }
      const passwordHash = await hashPassword(input.password, ctx.config.passwordHashing);
      const [row] = await ctx.db
        .insert(users)
        .values({
          id: input.id,
          email,
          name: input.name,
          role: input.role,
          teamId: input.teamId,
          passwordHash,
          locale: input.locale,
          timeZone: input.timeZone,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (row === undefined) return fail('conflict', msg('user.idTaken'), { field: 'id' });
      await audit(
        ctx.db,
        { userId: ctx.principal.user.id, method: 'user-create', entity: 'user', entityId: row.id },
        now,
      );
      return ok({ user: toUser(row) });
    },
  },
} satisfies Pick<
  Handlers,
  | 'auth-login'
  | 'auth-redeem-link'
  | 'auth-logout'
  | 'auth-me'
  | 'auth-sessions'
  | 'auth-revoke'
  | 'user-set-locale'
  | 'user-list'
  | 'user-create'
>;
