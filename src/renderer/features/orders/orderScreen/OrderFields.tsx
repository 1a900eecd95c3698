/** Delivery date, note and the customer's signature. */
import { useId } from 'react';
import { Text } from '../../../i18n/Msg.js';
import { DatePicker } from '../../../ui/form/index.js';
import { SignaturePad } from '../SignaturePad.js';
import type { OrderDraft } from './useOrderDraft.js';

export function OrderFields({ draft, saved }: { draft: OrderDraft; saved: boolean }) {
  const ids = { delivery: useId(), note: useId(), signature: useId() };
  const { locked } = draft;
  return (
    <>
      <div className="form-grid">
        <div className="field">
          <Text
            as="label"
            htmlFor={ids.delivery}
            id={`${ids.delivery}-label`}
            className="field__label"
            msg="orders.deliveryDate"
          />
          <DatePicker
            control={{ id: ids.delivery, 'aria-invalid': undefined, 'aria-describedby': undefined }}
            value={draft.deliveryDate}
            isDisabled={locked}
            onChange={draft.setDeliveryDate}
          />
        </div>
        <div className="field field--wide">
          <Text as="label" htmlFor={ids.note} className="field__label" msg="orders.note" />
          <textarea
            id={ids.note}
            className="input"
            rows={2}
            maxLength={2000}
            value={draft.note}
            disabled={locked}
            onChange={(e) => draft.setNote(e.target.value)}
          />
        </div>
      </div>

      <section aria-labelledby={ids.signature}>
        <Text as="h2" id={ids.signature} className="section-title" msg="orders.signature" />
        <SignaturePad
          value={draft.signature}
          onChange={draft.setSignature}
          disabled={locked || saved}
          labelId={ids.signature}
        />
      </section>
    </>
  );
}
