/** The playbook at head office: everyone reads the current one, an admin saves a new version. */
import { ok } from '../../../shared/lib/result.js';
import type { Handlers } from '../../dispatch.js';
import { ADMIN_ONLY, ALL_ROLES } from '../../roles.js';
import { readPlaybookState, savePlaybook } from './repo.js';

export const playbookHandlers = {
  'playbook-get': {
    auth: ALL_ROLES,
    async run(_input, ctx) {
      return ok(await readPlaybookState(ctx.db));
    },
  },
  'playbook-save': {
    auth: ADMIN_ONLY,
    async run(input, ctx) {
      const now = ctx.config.now();
      const me = ctx.principal.user;
      return ctx.db.transaction((tx) =>
        savePlaybook(tx, { content: input.document, baseVersion: input.baseVersion, author: me, now }),
      );
    },
  },
} satisfies Pick<Handlers, 'playbook-get' | 'playbook-save'>;
