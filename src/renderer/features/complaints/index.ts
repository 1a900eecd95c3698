export { ComplaintsScreen } from './ComplaintsScreen.js';
export { CustomerComplaints } from './CustomerComplaints.js';
export { LogComplaintDialog } from './LogComplaintDialog.js';
export { ComplaintCategoryText, complaintCategoryKey, complaintCategoryLabel } from './category.js';
