import { FormattedMessage } from 'react-intl';
import type { ComponentProps } from 'react';
import type { MessageKey } from './fr.js';

/** `FormattedMessage` restricted to catalogue keys. */
export function Msg({
  id,
  values,
}: {
  id: MessageKey;
  values?: ComponentProps<typeof FormattedMessage>['values'];
}) {
  return <FormattedMessage id={id} values={values} />;
}
