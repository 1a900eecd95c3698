export { ReviewScreen } from './ReviewScreen.js';
export { ConfirmDialog, FailureBanner, FailureText, NotLoaded } from './parts.js';
