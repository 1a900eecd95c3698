/** Messages of the agenda screens (spread into fr.ts). */
export const agendaFr = {
  'agenda.title': 'Agenda',
};
