export { SyncIndicator } from './SyncIndicator.js';
export { useSyncStatus } from './useSyncStatus.js';
export { relativeTime, syncStatusText } from './statusText.js';
export { useDownload, type DownloadProgress } from './useDownload.js';
export { DownloadProgressText } from './DownloadProgressText.js';
