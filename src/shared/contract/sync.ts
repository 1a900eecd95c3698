import {
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
  waitRequestSchema,
  waitResponseSchema,
} from '../sync/protocol.js';

export const syncContract = {
  'sync-push': { input: pushRequestSchema, output: pushResponseSchema },
  'sync-pull': { input: pullRequestSchema, output: pullResponseSchema },
  'sync-wait': { input: waitRequestSchema, output: waitResponseSchema },
} as const;
