export { RouteScreen } from './RouteScreen.js';
