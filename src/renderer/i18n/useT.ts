import { useIntl } from 'react-intl';
import type { MessageKey } from './fr.js';

type Values = Record<string, string | number | boolean | Date | null | undefined>;

/** A typed `formatMessage`: only catalogue keys compile. */
export function useT(): (key: MessageKey, values?: Values) => string {
  const intl = useIntl();
  return (key, values) => intl.formatMessage({ id: key }, values);
}
