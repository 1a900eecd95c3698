/** Messages of the customer brief screens (spread into fr.ts). */
export const briefFr = {
  'brief.title': 'Fiche client',
};
