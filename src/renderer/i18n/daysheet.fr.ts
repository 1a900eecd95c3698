/** Messages of the day sheet screens (spread into fr.ts). */
export const daysheetFr = {
  'daysheet.title': 'Feuille de route',
};
