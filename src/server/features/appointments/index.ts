export { appointmentHandlers, appointmentScope } from './handlers.js';
export { createAppointment, handOverPlannedAppointments, updateAppointment } from './repo.js';
export { selectAppointments, toAppointmentWire } from './wire.js';
export { appointmentMutations } from './mutations.js';
