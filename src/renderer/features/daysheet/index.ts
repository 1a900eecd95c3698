export { DaySheetScreen } from './DaySheetScreen.js';
