export { SyncIndicator } from './SyncIndicator.js';
export { useSyncStatus } from './useSyncStatus.js';
export { relativeTime, syncStatusText } from './statusText.js';
