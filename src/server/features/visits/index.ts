export { visitHandlers } from './handlers.js';
export { logVisit } from './repo.js';
export { selectVisits } from './wire.js';
export { visitMutations } from './mutations.js';
