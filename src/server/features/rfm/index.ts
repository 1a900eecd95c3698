export { rfmHandlers } from './handlers.js';
