/** The customer of an appointment being moved or edited: said, not chosen again. */
import { Text } from '../../../i18n/Msg.js';
import { useCustomer } from './queries.js';

export function EditingCustomer({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);
  return (
    <div className="field field--wide">
      <Text as="span" className="field__label" msg="agenda.field.customer" />
      <span className="agenda-form__customer">
        {customer?.name} {customer?.city ? <span className="muted">{customer.city}</span> : null}
      </span>
    </div>
  );
}
