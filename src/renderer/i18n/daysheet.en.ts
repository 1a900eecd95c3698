import type { daysheetFr } from './daysheet.fr.js';

/** English messages of the day sheet screens: the same keys as daysheet.fr.ts. */
export const daysheetEn: Record<keyof typeof daysheetFr, string> = {
  'daysheet.title': 'Day sheet',
};
