import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { OrderApproval, OrderStatus } from '../../../shared/domain/order/order.js';

type Tone = 'neutral' | 'success' | 'warning' | 'info' | 'danger' | 'accent';

/** Cents as the locale writes euros (`1 234,56 €`), through Intl only. */
export function useMoney(): (cents: number) => string {
  const intl = useIntl();
  return useCallback(
    (cents: number) => intl.formatNumber(cents / 100, { style: 'currency', currency: 'EUR' }),
    [intl],
  );
}

export function statusTone(status: OrderStatus): Tone {
  switch (status) {
    case 'draft':
      return 'warning';
    case 'received':
      return 'info';
    case 'confirmed':
    case 'shipped':
      return 'accent';
    case 'delivered':
      return 'success';
    case 'cancelled':
      return 'danger';
  }
}

export function approvalTone(approval: OrderApproval): Tone {
  switch (approval) {
    case 'pending':
      return 'warning';
    case 'approved':
      return 'success';
    case 'rejected':
      return 'danger';
    case 'not-needed':
      return 'neutral';
  }
}
