import type { IntlShape } from 'react-intl';
import type { CustomerRow } from '../../../db/schema.js';

export function formatKm(intl: IntlShape, km: number): string {
  return intl.formatNumber(km, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  });
}

export function formatDuration(intl: IntlShape, minutes: number): string {
  const total = Math.round(minutes);
  return intl.formatMessage({ id: 'route.duration' }, { hours: Math.floor(total / 60), minutes: total % 60 });
}

/** The list with the item at `from` moved to `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

export function nameOf(stop: { customer: { name: string } | null; id: string }): string {
  return stop.customer?.name ?? stop.id;
}

/** "75011 Paris", or '' without a customer. */
export function townOf(customer: Pick<CustomerRow, 'postcode' | 'city'> | null | undefined): string {
  return customer ? [customer.postcode, customer.city].filter(Boolean).join(' ') : '';
}
