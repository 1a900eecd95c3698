import type { briefFr } from './brief.fr.js';

/** English messages of the customer brief screens: the same keys as brief.fr.ts. */
export const briefEn: Record<keyof typeof briefFr, string> = {
  'brief.title': 'Customer brief',
};
