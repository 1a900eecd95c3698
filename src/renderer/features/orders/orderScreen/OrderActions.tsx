/** Save, and cancel (a danger button) with its confirmation (an order already on this laptop only). */
import { useEffect, useRef } from 'react';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { OrderDraft } from './useOrderDraft.js';

export function OrderActions({ draft, saved }: { draft: OrderDraft; saved: boolean }) {
  const { saving, confirmingCancel, setConfirmingCancel } = draft;
  const hasProblems = draft.preview.rows.some((r) => r.problem !== null);
  // The question takes the focus on its safe answer: Enter by habit keeps the order.
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirmingCancel) keep.current?.focus();
  }, [confirmingCancel]);
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
            <button ref={keep} type="button" className="btn" onClick={() => setConfirmingCancel(false)}>
              <Msg id="orders.cancel.keep" />
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="btn order__cancel"
            disabled={saving}
            onClick={() => setConfirmingCancel(true)}
          >
            <Msg id="orders.cancel" />
          </button>
        )
      ) : null}
    </div>
  );
}
