import type { IntlShape } from 'react-intl';

/** ISO weekday (1 = Monday) as a word in the user's language. 2024-01-01 was a Monday. */
export function weekdayName(intl: IntlShape, isoDay: number, width: 'long' | 'short' = 'long'): string {
  return intl.formatDate(new Date(Date.UTC(2024, 0, isoDay, 12)), { weekday: width, timeZone: 'UTC' });
}

export function formatList(intl: IntlShape, items: readonly string[]): string {
  return intl.formatList(items, { type: 'conjunction' });
}
