import type { agendaFr } from './agenda.fr.js';

/** English messages of the agenda screens: the same keys as agenda.fr.ts. */
export const agendaEn: Record<keyof typeof agendaFr, string> = {
  'agenda.title': 'Agenda',
};
