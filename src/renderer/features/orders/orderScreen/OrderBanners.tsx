/** What the rep must know about the order: locked, above the limit, and the last write's outcome. */
import { useIntl } from 'react-intl';
import type { OrderRow } from '../../../db/schema.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { Msg } from '../../../i18n/Msg.js';
import { Banner } from '../../../ui/Banner.js';
import type { OrderDraft, OrderFeedback } from './useOrderDraft.js';

const feedbackBanner: Record<
  Exclude<OrderFeedback['kind'], 'error'>,
  { tone: 'success' | 'info' | 'danger'; id: MessageKey }
> = {
  saved: { tone: 'success', id: 'orders.saved' },
  cancelled: { tone: 'info', id: 'orders.cancelled' },
  problems: { tone: 'danger', id: 'orders.notSaved' },
  quota: { tone: 'danger', id: 'orders.quota' },
};

export function OrderBanners({ order, draft }: { order: OrderRow | null; draft: OrderDraft }) {
  const intl = useIntl();
  const { locked, preview, limit, feedback } = draft;
  const shown = feedback && feedback.kind !== 'error' ? feedbackBanner[feedback.kind] : null;
  return (
    <>
      {locked && order ? (
        <Banner tone="info">
          {order.status === 'cancelled' || order.confirmedAt === undefined || order.confirmedAt === null ? (
            <Msg
              id="orders.locked.other"
              values={{ status: intl.formatMessage({ id: `orders.status.${order.status}` }) }}
            />
          ) : (
            <Msg
              id="orders.locked.confirmed"
              values={{ date: intl.formatDate(order.confirmedAt, { dateStyle: 'medium' }) }}
            />
          )}
        </Banner>
      ) : null}
      {!locked && preview.needsApproval ? (
        <Banner tone="warning">
          <Msg
            id="orders.approvalNeeded"
            values={{ limit: intl.formatNumber(limit / 100, { maximumFractionDigits: 2 }) }}
          />
        </Banner>
      ) : null}
      {shown ? (
        <Banner tone={shown.tone} urgent={shown.tone === 'danger'}>
          <Msg id={shown.id} />
        </Banner>
      ) : null}
      {feedback?.kind === 'error' ? (
        <Banner tone="danger" urgent>
          <Msg id="orders.error" values={{ message: <Msg id="error.unexpected" /> }} />
        </Banner>
      ) : null}
    </>
  );
}
