export { orderHandlers } from './handlers.js';
export { cancelOrderByRep, createOrder, decideApproval, setOrderStatus, updateOrder } from './repo.js';
export type { PriceDifference } from './repo.js';
export { selectOrders } from './wire.js';
export { orderMutations } from './mutations.js';
