export { figuresHandlers } from './handlers.js';
