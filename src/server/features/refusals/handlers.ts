/** Refused work at head office: everyone lists what they may see; managers and admins handle it. */
import type { Handlers } from '../../dispatch.js';
import { ok } from '../../../shared/lib/result.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { dismissRefusal, listRefusals, reapplyRefusal } from './repo.js';

export const refusalHandlers = {
  'refusal-list': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      return ok({ refusals: await listRefusals(ctx.db, ctx.principal.user, input) });
    },
  },
  'refusal-reapply': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const done = await ctx.db.transaction((tx) =>
        reapplyRefusal(tx, { id: input.id, manager: ctx.principal.user, now }),
      );
      return done.ok ? ok({ refusal: done.value }) : done;
    },
  },
  'refusal-dismiss': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      const now = ctx.config.now();
      const done = await ctx.db.transaction((tx) =>
        dismissRefusal(tx, { id: input.id, reason: input.reason, manager: ctx.principal.user, now }),
      );
      return done.ok ? ok({ refusal: done.value }) : done;
    },
  },
} satisfies Pick<Handlers, 'refusal-list' | 'refusal-reapply' | 'refusal-dismiss'>;
