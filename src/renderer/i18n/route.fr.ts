/** Messages of the route screens (spread into fr.ts). */
export const routeFr = {
  'route.title': 'Tournée',
};
