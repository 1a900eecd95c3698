/**
 * Money, numbers and dates as the user reads them: always through Intl (react-intl's
 * `IntlShape`, which carries the user's locale and time zone). The plain functions serve code
 * that already holds an `intl`; `useFormat()` binds them for a component.
 */
import { useMemo } from 'react';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';

/** The one currency head office sells in. */
export const CURRENCY = 'EUR';

/** Integer cents as the locale writes euros (`1 234,56 €`). */
export function formatMoney(intl: IntlShape, cents: number): string {
  return intl.formatNumber(cents / 100, { style: 'currency', currency: CURRENCY });
}

/** Basis points as the locale writes a percentage (`12,5 %`). */
export function formatPercentBp(intl: IntlShape, bp: number, maximumFractionDigits = 2): string {
  return intl.formatNumber(bp / 10_000, { style: 'percent', maximumFractionDigits });
}

const twelveHourLocales = new Map<string, boolean>();

/** Whether the locale reads a 12-hour clock (en-US: `9:30 AM`) rather than 24-hour (`09:30`). */
export function usesTwelveHourClock(locale: string): boolean {
  let twelve = twelveHourLocales.get(locale);
  if (twelve === undefined) {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    twelve = cycle === 'h11' || cycle === 'h12';
    twelveHourLocales.set(locale, twelve);
  }
  return twelve;
}

/** A wall-clock time, `09:30` (`9:30 AM` on a 12-hour clock), in the user's time zone. */
export function formatClock(intl: IntlShape, at: number | string | Date): string {
  return intl.formatTime(typeof at === 'string' ? Date.parse(at) : at, {
    hour: usesTwelveHourClock(intl.locale) ? 'numeric' : '2-digit',
    minute: '2-digit',
  });
}

/**
 * A calendar day (`YYYY-MM-DD`, already a day: no time-zone shift) as the locale writes it.
 * Noon UTC, read in UTC, is that day everywhere.
 */
export function formatDay(
  intl: IntlShape,
  day: string,
  options: Omit<Intl.DateTimeFormatOptions, 'timeZone'> = { dateStyle: 'medium' },
): string {
  return intl.formatDate(`${day}T12:00:00Z`, { ...options, timeZone: 'UTC' });
}

export interface Format {
  money: (cents: number) => string;
  percentBp: (bp: number, maximumFractionDigits?: number) => string;
  clock: (at: number | string | Date) => string;
  day: (day: string, options?: Omit<Intl.DateTimeFormatOptions, 'timeZone'>) => string;
}

/** The formatters bound to the user's locale and time zone. */
export function useFormat(): Format {
  const intl = useIntl();
  return useMemo(
    () => ({
      money: (cents) => formatMoney(intl, cents),
      percentBp: (bp, digits) => formatPercentBp(intl, bp, digits),
      clock: (at) => formatClock(intl, at),
      day: (day, options) => formatDay(intl, day, options),
    }),
    [intl],
  );
}

/** Cents as the locale writes euros, for a component. */
export function useMoney(): (cents: number) => string {
  return useFormat().money;
}
