import type { routeFr } from './route.fr.js';

/** English messages of the route screens: the same keys as route.fr.ts. */
export const routeEn: Record<keyof typeof routeFr, string> = {
  'route.title': 'Route',
};
