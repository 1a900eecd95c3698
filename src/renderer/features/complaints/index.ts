export { ComplaintsScreen } from './ComplaintsScreen.js';
export { CustomerComplaints } from './CustomerComplaints.js';
export { LogComplaintDialog } from './LogComplaintDialog.js';
export { useOpenComplaints, type OpenComplaint } from './queries.js';
export { ComplaintCategoryText, complaintCategoryKey, complaintCategoryLabel } from './category.js';
