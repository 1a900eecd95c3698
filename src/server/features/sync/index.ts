export { syncHandlers } from './handlers.js';
export { DEFAULT_PULL_LIMIT } from './pull.js';
export { SyncWaits, defaultSyncWaitTimings } from './wake.js';
export type { SyncWaitTimings } from './wake.js';
