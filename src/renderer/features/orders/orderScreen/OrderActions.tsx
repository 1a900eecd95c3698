/** Save, and cancel with its confirmation (an order already on this laptop only). */
import { Msg, Text } from '../../../i18n/Msg.js';
import type { OrderDraft } from './useOrderDraft.js';

export function OrderActions({ draft, saved }: { draft: OrderDraft; saved: boolean }) {
  const { saving, confirmingCancel, setConfirmingCancel } = draft;
  const hasProblems = draft.preview.rows.some((r) => r.problem !== null);
  return (
    <div className="form-actions no-print">
      <button
        type="button"
        className="btn btn--primary"
        disabled={saving || draft.lines.length === 0}
        aria-describedby={hasProblems ? 'order-lines' : undefined}
        onClick={() => void draft.save()}
      >
        {saving ? <Msg id="orders.saving" /> : <Msg id="orders.save" />}
      </button>
      {saved ? (
        confirmingCancel ? (
          <span className="order__cancel-confirm" role="group" aria-labelledby="order-cancel-question">
            <Text as="span" id="order-cancel-question" msg="orders.cancel.question" />{' '}
            <button
              type="button"
              className="btn btn--danger"
              disabled={saving}
              onClick={() => void draft.cancel()}
            >
              <Msg id="orders.cancel.confirm" />
            </button>{' '}
            <button type="button" className="btn" onClick={() => setConfirmingCancel(false)}>
              <Msg id="orders.cancel.keep" />
            </button>
          </span>
        ) : (
          <button type="button" className="btn btn--ghost" onClick={() => setConfirmingCancel(true)}>
            <Msg id="orders.cancel" />
          </button>
        )
      ) : null}
    </div>
  );
}
