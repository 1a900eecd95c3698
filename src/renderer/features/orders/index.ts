export { OrderScreen } from './OrderScreen.js';
export { OrdersScreen } from './OrdersScreen.js';
