export { AppointmentForm, type FormMode } from './appointmentForm/AppointmentForm.js';
