export { AgendaScreen } from './AgendaScreen.js';
export { instantOn } from './days.js';
