export { ReviewScreen } from './ReviewScreen.js';
