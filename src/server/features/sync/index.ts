export { syncHandlers } from './handlers.js';
export { DEFAULT_PULL_LIMIT } from './pull.js';
