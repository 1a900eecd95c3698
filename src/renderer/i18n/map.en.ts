import type { mapFr } from './map.fr.js';

/** English messages of the offline map: the same keys as map.fr.ts. */
export const mapEn: Record<keyof typeof mapFr, string> = {
  'map.title': 'Map',
};
