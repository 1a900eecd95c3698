export { OfflineMap } from './OfflineMap.js';
export type { MapPoint, OfflineMapProps } from './OfflineMap.js';
