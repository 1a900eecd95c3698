import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { AppError } from '../../shared/lib/result.js';
import { dateParamsOf, isServerMessageKey, paramsOf } from '../../shared/lib/messages.js';
import type { MessageKey } from './fr.js';

/** What a refusal needs to be said: its code, and head office's key and parameters if it sent them. */
export type Refusal = Pick<AppError, 'code' | 'key' | 'params'>;

/**
 * The catalogue message of a refusal: `server.<key>` with its parameters (dates as `Date`s for
 * Intl), or `error.<code>` when the key is unknown here (an older row, a newer server) or a
 * parameter is missing.
 */
export function refusalMessage(refusal: Refusal): {
  id: MessageKey;
  values: Record<string, string | number | Date>;
} {
  const { key, params = {} } = refusal;
  if (!isServerMessageKey(key)) return { id: `error.${refusal.code}`, values: {} };
  if (paramsOf(key).some((name) => !(name in params))) {
    return { id: `error.${refusal.code}`, values: {} };
  }
  const values: Record<string, string | number | Date> = { ...params };
  for (const name of dateParamsOf(key)) values[name] = new Date(String(params[name]));
  return { id: `server.${key}`, values };
}

/** A refusal in the user's language. */
export function ErrorText({ error }: { error: Refusal }) {
  return <>{useErrorText()(error)}</>;
}

export function useErrorText(): (error: Refusal) => string {
  const intl = useIntl();
  return useCallback(
    (error: Refusal) => {
      const { id, values } = refusalMessage(error);
      return intl.formatMessage({ id }, values);
    },
    [intl],
  );
}
