export { selectMarketingActions } from './wire.js';
