export { appointmentHandlers, appointmentScope } from './handlers.js';
export { createAppointment, toAppointmentWire, updateAppointment } from './repo.js';
