export { complaintHandlers } from './handlers.js';
export {
  addAttachment,
  addComplaintEvent,
  logComplaint,
  readAttachmentContent,
  selectComplaintAttachments,
  selectComplaintEvents,
} from './repo.js';
export { complaintMutations } from './mutations.js';
