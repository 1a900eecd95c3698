import type { OrderApproval, OrderStatus } from '../../../shared/domain/order/order.js';

type Tone = 'neutral' | 'success' | 'warning' | 'info' | 'danger' | 'accent';

export { useMoney } from '../../i18n/format.js';

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
