export { syncHandlers } from './handlers.js';
export { entityPolicies, planCustomerUpdate, decideFieldWrite } from './policy.js';
export { DEFAULT_PULL_LIMIT } from './pull.js';
