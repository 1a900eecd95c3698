export { OrderScreen } from './orderScreen/OrderScreen.js';
export { OrdersScreen } from './OrdersScreen.js';
export { approvalTone, statusTone, useMoney } from './format.js';
export { OrderStatusBadges } from './OrderStatusBadges.js';
