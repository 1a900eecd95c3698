export { ComplaintsScreen } from './ComplaintsScreen.js';
export { CustomerComplaints } from './CustomerComplaints.js';
