import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { CustomerRow } from '../../../db/schema.js';
import type { MessageKey } from '../../../i18n/fr.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatList, weekdayName } from './format.js';

export function NotSet() {
  return <Text as="span" className="muted" msg="customer.notSet" />;
}

export function textOrNotSet(text: string): ReactNode {
  return text.trim() ? text : <NotSet />;
}

/** What the customer told us (données déclaratives). `full` adds the long free texts. */
export function Declarative({ customer, full = false }: { customer: CustomerRow; full?: boolean }) {
  const intl = useIntl();
  const rows: [MessageKey, ReactNode][] = [
    ['customer.field.needs', textOrNotSet(customer.needs)],
    [
      'customer.field.preferredVisitDays',
      customer.preferredVisitDays.length > 0 ? (
        formatList(
          intl,
          [...customer.preferredVisitDays].sort((a, b) => a - b).map((d) => weekdayName(intl, d)),
        )
      ) : (
        <NotSet />
      ),
    ],
    ['customer.field.preferredVisitHours', textOrNotSet(customer.preferredVisitHours)],
    ['customer.field.openingHours', textOrNotSet(customer.openingHours)],
    [
      'customer.field.competitors',
      customer.competitors.length > 0 ? formatList(intl, customer.competitors) : <NotSet />,
    ],
    ['customer.field.budgetCycle', textOrNotSet(customer.budgetCycle)],
  ];
  if (full) rows.push(['customer.field.declarativeNotes', textOrNotSet(customer.declarativeNotes)]);
  return (
    <dl className="props">
      {rows.map(([label, value]) => (
        <div key={label} className="props__row">
          <dt>
            <Msg id={label} />
          </dt>
          <dd className={label === 'customer.field.needs' ? 'pre-wrap' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
