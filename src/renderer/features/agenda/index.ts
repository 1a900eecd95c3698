export { AgendaScreen } from './agendaScreen/AgendaScreen.js';
export { AppointmentCheckError, createAppointment } from './mutators.js';
export type { AppointmentCheckOptions } from './mutators.js';
export { useAgenda, type AgendaItem } from './queries.js';
