export { PlaybookScreen } from './PlaybookScreen.js';
