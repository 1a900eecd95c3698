export { complaintHandlers } from './handlers.js';
export { addAttachment, addComplaintEvent, logComplaint, readAttachmentContent } from './repo.js';
export { selectComplaintAttachments, selectComplaintEvents, selectComplaints } from './wire.js';
export { complaintMutations } from './mutations.js';
