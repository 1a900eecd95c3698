export { appointmentHandlers, appointmentScope } from './handlers.js';
export {
  createAppointment,
  handOverPlannedAppointments,
  toAppointmentWire,
  updateAppointment,
} from './repo.js';
export { appointmentMutations } from './mutations.js';
