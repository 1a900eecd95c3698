/** The customer of an appointment being moved or edited: said, not chosen again. */
import { Msg } from '../../../i18n/Msg.js';
import { useCustomer } from './queries.js';

export function EditingCustomer({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <div className="field field--wide">
      <span className="field__label">
        <Msg id="agenda.field.customer" />
      </span>
      <span className="agenda-form__customer">
        {customer?.name} {customer?.city ? <span className="muted">{customer.city}</span> : null}
      </span>
    </div>
  );
}
