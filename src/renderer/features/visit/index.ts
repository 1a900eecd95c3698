export { VisitScreen } from './VisitScreen.js';
export { StartVisitButton } from './StartVisitButton.js';
export { recordVisitOrder } from './store.js';
