/** Messages of the offline map (spread into fr.ts). */
export const mapFr = {
  'map.title': 'Carte',
};
