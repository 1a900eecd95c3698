import { ok } from '../../../shared/lib/result.js';
import type { ServerMutationsOf } from '../../lib/mutations.js';
import { logVisit } from './repo.js';

export const visitMutations = {
  'visit-log': {
    async apply(tx, args, { user, now }) {
      const logged = await logVisit(tx, { visit: args, writer: user, now });
      if (!logged.ok) return logged;
      return ok({ entity: 'visit', entityId: args.id, details: { outcome: args.report.outcome } });
    },
  },
} satisfies ServerMutationsOf<'visit-log'>;
