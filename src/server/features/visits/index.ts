export { visitHandlers } from './handlers.js';
export { logVisit } from './repo.js';
export { visitMutations } from './mutations.js';
