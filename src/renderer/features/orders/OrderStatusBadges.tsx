import type { OrderApproval, OrderStatus } from '../../../shared/domain/order/order.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { approvalTone, statusTone } from './format.js';

/** An order's status, and its approval when one is involved. */
export function OrderStatusBadges({
  status,
  approval,
}: {
  status: OrderStatus;
  approval?: OrderApproval | null | undefined;
}) {
  return (
    <>
      <Badge tone={statusTone(status)}>
        <Msg id={`orders.status.${status}`} />
      </Badge>{' '}
      {approval && approval !== 'not-needed' ? (
        <Badge tone={approvalTone(approval)}>
          <Msg id={`orders.approval.${approval}`} />
        </Badge>
      ) : null}
    </>
  );
}
