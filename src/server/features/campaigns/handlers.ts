/** Campaign methods: create (managers and admins), list and results (everyone, over their scope). */
import { msg } from '../../../shared/lib/messages.js';
import { fail, ok } from '../../../shared/lib/result.js';
import type { Handlers } from '../../dispatch.js';
import { ALL_ROLES, STAFF_ROLES } from '../../roles.js';
import { createCampaign, endCampaign } from './repo.js';
import { campaignResults, listCampaigns } from './results.js';

export const campaignHandlers = {
  'campaign-create': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      return createCampaign(ctx.db, { draft: input, creator: ctx.principal.user, now: new Date() });
    },
  },
  'campaign-end': {
    auth: STAFF_ROLES,
    async run(input, ctx) {
      return endCampaign(ctx.db, { id: input.id, reader: ctx.principal.user, now: new Date() });
    },
  },
  'campaign-list': {
    auth: ALL_ROLES,
    async run(_input, ctx) {
      return ok({ campaigns: await listCampaigns(ctx.db, ctx.principal.user) });
    },
  },
  'campaign-results': {
    auth: ALL_ROLES,
    async run(input, ctx) {
      const reader = ctx.principal.user;
      const [campaign] = await listCampaigns(ctx.db, reader, input.id);
      // Another team's campaign, or one with none of a rep's customers: a refusal, not an empty page.
      if (campaign === undefined) return fail('not-found', msg('campaign.notFound'), { field: 'id' });
      return ok(await campaignResults(ctx.db, reader, campaign, new Date()));
    },
  },
} satisfies Pick<Handlers, 'campaign-create' | 'campaign-end' | 'campaign-list' | 'campaign-results'>;
