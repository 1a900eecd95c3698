export { TodayScreen } from './TodayScreen.js';
