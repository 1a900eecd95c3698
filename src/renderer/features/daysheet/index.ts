export { DaySheetScreen } from './daySheetScreen/DaySheetScreen.js';
