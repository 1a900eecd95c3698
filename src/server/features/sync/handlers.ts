import type { Handlers } from '../../dispatch.js';
import { ALL_ROLES } from '../../roles.js';
import { pull } from './pull.js';
import { push } from './push.js';
import { syncWait } from './wake.js';

export const syncHandlers = {
  'sync-push': { auth: ALL_ROLES, run: push },
  'sync-pull': { auth: ALL_ROLES, run: pull },
  'sync-wait': { auth: ALL_ROLES, run: syncWait },
} satisfies Pick<Handlers, 'sync-push' | 'sync-pull' | 'sync-wait'>;
