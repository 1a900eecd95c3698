/** Head-office RFM methods: scores as of a day and the migration matrix, over what the caller may see. */
import { fail, ok } from '../../../shared/lib/result.js';
import { msg } from '../../../shared/lib/messages.js';
import { COMPANY_TIME_ZONE, dayOfInstant } from '../../../shared/lib/calendar.js';
import type { Handlers } from '../../dispatch.js';
import { ALL_ROLES } from '../../roles.js';
import { rfmCustomers, rfmMigrations, rfmScores } from './scores.js';

/** Today in the company's calendar. */
function today(now: Date): string {
  return dayOfInstant(now, COMPANY_TIME_ZONE);
}

/** Two days to compare: the first strictly before the second, neither in the future. */
function refuseTwoDays(input: { from: string; to: string }) {
  if (input.from >= input.to) return fail('bad-request', msg('rfm.periodReversed'), { field: 'to' });
  if (input.to > today(new Date())) {
    return fail('bad-request', msg('rfm.dateInFuture', { date: input.to }), { field: 'to' });
  }
  return null;
}

export const rfmHandlers = {
  'rfm-scores': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      if (input.asOf > today(new Date())) {
        return fail('bad-request', msg('rfm.dateInFuture', { date: input.asOf }), { field: 'asOf' });
      }
      return ok({ asOf: input.asOf, customers: await rfmScores(ctx.db, ctx.principal.user, input.asOf) });
    },
  },
  'rfm-migrations': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const refused = refuseTwoDays(input);
      if (refused) return refused;
      return ok({ cells: await rfmMigrations(ctx.db, ctx.principal.user, input.from, input.to) });
    },
  },
  'rfm-customers': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const refused = refuseTwoDays(input);
      if (refused) return refused;
      return ok({ customers: await rfmCustomers(ctx.db, ctx.principal.user, input.from, input.to) });
    },
  },
} satisfies Pick<Handlers, 'rfm-scores' | 'rfm-migrations' | 'rfm-customers'>;
