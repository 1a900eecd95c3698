export { ReviewScreen } from './ReviewScreen.js';
export { FailureBanner, NotLoaded } from './parts.js';
