export { ReviewScreen } from './ReviewScreen.js';
export {
  ConfirmDialog,
  FailureBanner,
  FailureText,
  KeptNotice,
  NotLoaded,
  complaintStatusTone,
  severityTone,
} from './parts.js';
