/** Messages des champs de date et d’heure et du format régional, repris dans fr.ts. */
export const datesFr = {
  'form.date.openCalendar': 'Choisir dans le calendrier',
  'settings.dateFormat': 'Format des dates et des heures',
  'settings.dateFormatHelp':
    'Pour l’anglais. Enregistré sur ce portable ; en français, les dates et les heures suivent toujours l’usage français.',
  'settings.dateFormat.en-GB': 'Royaume-Uni ({example})',
  'settings.dateFormat.en-US': 'États-Unis ({example})',
} as const;
