export { AgendaScreen } from './AgendaScreen.js';
