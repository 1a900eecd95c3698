export { ReviewScreen } from './ReviewScreen.js';
export {
  ConfirmDialog,
  FailureBanner,
  FailureText,
  NotLoaded,
  complaintStatusTone,
  severityTone,
} from './parts.js';
