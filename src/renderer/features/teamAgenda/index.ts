export { TeamAgendaScreen } from './TeamAgendaScreen.js';
