export { OfflineMap } from './OfflineMap.js';
export type { MapPoint, OfflineMapProps } from './OfflineMap.js';
export { loadTownIndex, loadTowns, searchTowns, townByPostcode } from './towns.js';
export type { Town, TownIndex } from './towns.js';
