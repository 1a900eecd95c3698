export { BriefScreen } from './BriefScreen.js';
