/**
 * The review's figures as the screen, its chart and its CSV show them: which are counts,
 * amounts, rates or hours, which way is better, and how each is written for a person (Intl) or
 * for a spreadsheet (plain numbers in the user's locale, no grouping).
 */
import type { IntlShape } from 'react-intl';
import type { TeamReview } from '../../../shared/contract/figures.js';
import { formatMoney, formatPercentBp } from '../../i18n/format.js';

export type Figures = TeamReview['team']['current'];

export const metricKeys = [
  'visits',
  'calls',
  'orders',
  'revenueCents',
  'averageTicketCents',
  'conversionBp',
  'repurchaseBp',
  'newCustomers',
  'lostCustomers',
  'complaintsOpened',
  'complaintsClosed',
  'medianResolveHours',
] as const satisfies readonly (keyof Figures)[];
export type MetricKey = (typeof metricKeys)[number];

type Kind = 'count' | 'money' | 'rate' | 'hours';
const kinds: Record<MetricKey, Kind> = {
  visits: 'count',
  calls: 'count',
  orders: 'count',
  revenueCents: 'money',
  averageTicketCents: 'money',
  conversionBp: 'rate',
  repurchaseBp: 'rate',
  newCustomers: 'count',
  lostCustomers: 'count',
  complaintsOpened: 'count',
  complaintsClosed: 'count',
  medianResolveHours: 'hours',
};

/** Figures where less is better (a rise is bad news). */
export const lowerIsBetter: ReadonlySet<MetricKey> = new Set([
  'lostCustomers',
  'complaintsOpened',
  'medianResolveHours',
]);

export function formatMetric(intl: IntlShape, key: MetricKey, value: number | null): string {
  if (value === null) return '—';
  switch (kinds[key]) {
    case 'count':
      return intl.formatNumber(value);
    case 'money':
      return formatMoney(intl, value);
    case 'rate':
      return formatPercentBp(intl, value, 1);
    case 'hours':
      return intl.formatNumber(value, {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'short',
        maximumFractionDigits: 1,
      });
  }
}

/** A plain number for a spreadsheet: euros with two decimals, rates in percent, hours. */
export function csvMetric(intl: IntlShape, key: MetricKey, value: number | null): string {
  if (value === null) return '';
  const plain = (n: number, digits: number) =>
    intl.formatNumber(n, {
      useGrouping: false,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
  switch (kinds[key]) {
    case 'count':
      return plain(value, 0);
    case 'money':
      return plain(value / 100, 2);
    case 'rate':
      return plain(value / 100, 2);
    case 'hours':
      return plain(value, 1);
  }
}

/**
 * The change from `before` to `now`: relative for amounts and counts (null when `before` is 0
 * or either is unknown), in points for rates.
 */
export function change(
  key: MetricKey,
  now: number | null,
  before: number | null,
): { kind: 'relative'; bp: number } | { kind: 'points'; bp: number } | null {
  if (now === null || before === null) return null;
  if (kinds[key] === 'rate') return { kind: 'points', bp: now - before };
  if (before === 0) return null;
  return { kind: 'relative', bp: Math.round(((now - before) / Math.abs(before)) * 10_000) };
}
