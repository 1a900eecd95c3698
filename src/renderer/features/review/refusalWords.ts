/**
 * Refused work in words: what it was, why it was refused, what it held and what was done with it,
 * as plain text so the table and the CSV file say exactly the same.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Refusal } from '../../../shared/contract/refusals.js';
import { missingCaseError } from '../../../shared/lib/result.js';
import { isMutationName, mutationLabel } from '../../../shared/sync/mutations.js';
import { useErrorText } from '../../i18n/errorText.js';
import { useMoney } from '../../i18n/format.js';

export interface RefusalWords {
  what: (r: Refusal) => string;
  reason: (r: Refusal) => string;
  content: (r: Refusal) => string;
  status: (r: Refusal) => string;
}

export function useRefusalWords(): RefusalWords {
  const intl = useIntl();
  const money = useMoney();
  const errorText = useErrorText();
  return {
    what: useCallback(
      (r: Refusal) => {
        const customer = r.customerName ?? intl.formatMessage({ id: 'review.refusals.customerHidden' });
        return isMutationName(r.name)
          ? intl.formatMessage({ id: mutationLabel(r.name) }, { customer })
          : intl.formatMessage({ id: 'sync.mutation.other' }, { name: r.name });
      },
      [intl],
    ),
    reason: errorText,
    content: useCallback(
      (r: Refusal) => {
        const s = r.summary;
        switch (s.kind) {
          case 'note':
          case 'text':
            return s.text;
          case 'visit': {
            const head = intl.formatMessage(
              { id: 'review.refusals.visit' },
              {
                channel: s.channel,
                date: intl.formatDate(s.startedAt, { dateStyle: 'medium' }),
                outcome: intl.formatMessage({ id: `visitOutcome.${s.outcome}` }),
              },
            );
            return s.summary === '' ? head : `${head} — ${s.summary}`;
          }
          case 'order': {
            const head = intl.formatMessage(
              { id: 'review.refusals.order' },
              { lines: s.lines.length, total: money(s.totalCents) },
            );
            const lines = s.lines.map((l) =>
              intl.formatMessage(
                { id: 'review.refusals.orderLine' },
                {
                  quantity: intl.formatNumber(l.quantity),
                  product: l.productName ?? intl.formatMessage({ id: 'review.refusals.unknownProduct' }),
                },
              ),
            );
            return [head, ...lines, s.note].filter((part) => part !== '').join(' ; ');
          }
          default:
            return missingCaseError(s);
        }
      },
      [intl, money],
    ),
    status: useCallback(
      (r: Refusal) => {
        const h = r.handled;
        if (h === undefined) return intl.formatMessage({ id: 'review.refusals.open' });
        return intl.formatMessage(
          { id: h.action === 'reapplied' ? 'review.refusals.reapplied' : 'review.refusals.dismissed' },
          { by: h.byName, reason: h.reason },
        );
      },
      [intl],
    ),
  };
}
