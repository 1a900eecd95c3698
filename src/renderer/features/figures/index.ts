export { FiguresScreen } from './FiguresScreen.js';
