import type { datesFr } from './dates.fr.js';

/** Date and time fields and the regional format, merged into en.ts. */
export const datesEn: Record<keyof typeof datesFr, string> = {
  'form.date.openCalendar': 'Pick from the calendar',
  'settings.dateFormat': 'Date and time format',
  'settings.dateFormatHelp': 'For English. Saved on this laptop; French always follows French usage.',
  'settings.dateFormat.en-GB': 'United Kingdom ({example})',
  'settings.dateFormat.en-US': 'United States ({example})',
};
