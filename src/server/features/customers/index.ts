export { customerHandlers } from './handlers.js';
export { customerScope, selectCustomers, updateCustomer } from './repo.js';
export { customerMutations } from './mutations.js';
