/** Closing: a technique from the playbook, then the order taken. */
import { Text } from '../../../i18n/Msg.js';
import { TakeOrder, VisitOrders } from './price.js';
import type { StepProps } from './types.js';

export function Closing({ draft, update, playbook }: StepProps) {
  return (
    <div className="visit-step">
      <fieldset className="visit-step__theme">
        <Text as="legend" msg="visit.closing.techniques" />
        {playbook.closings.map((c) => (
          <div key={c.id} className="visit-step__closing">
            <label>
              <input
                type="radio"
                name="visit-closing"
                checked={draft.closingId === c.id}
                onChange={() => update((d) => ({ ...d, closingId: c.id }), 'now')}
              />{' '}
              <strong>{c.name}</strong>
            </label>
            <p className="visit-step__hint">{c.description}</p>
          </div>
        ))}
      </fieldset>
      <TakeOrder draft={draft} update={update} />
      <VisitOrders orderIds={draft.orderIds} />
    </div>
  );
}
