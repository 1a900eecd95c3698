import {
  pullRequestSchema,
  pullResponseSchema,
  pushRequestSchema,
  pushResponseSchema,
} from '../sync/protocol.js';

export const syncContract = {
  'sync-push': { input: pushRequestSchema, output: pushResponseSchema },
  'sync-pull': { input: pullRequestSchema, output: pullResponseSchema },
} as const;
