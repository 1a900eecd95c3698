export { refusalHandlers } from './handlers.js';
