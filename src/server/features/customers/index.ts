export { customerHandlers } from './handlers.js';
export { customerScope, updateCustomer } from './repo.js';
export { selectCustomers, selectNotes } from './wire.js';
export { customerMutations } from './mutations.js';
