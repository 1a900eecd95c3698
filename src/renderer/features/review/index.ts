export { ReviewScreen } from './ReviewScreen.js';
export {
  ConfirmDialog,
  FailureBanner,
  FailureText,
  KeptNotice,
  KeptNoticeShownAbove,
  NotLoaded,
  complaintStatusTone,
  severityTone,
} from './parts.js';
