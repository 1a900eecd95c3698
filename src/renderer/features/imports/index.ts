export { ImportScreen } from './importScreen/ImportScreen.js';
