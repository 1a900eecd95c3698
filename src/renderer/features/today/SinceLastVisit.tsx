/** "Depuis votre dernière visite / Since you were last here": what head office or the manager changed. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { missingCaseError } from '../../../shared/lib/result.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useCustomerNames } from './queries.js';
import type { SinceChange } from './seen.js';
import type { SinceLastVisit as Since } from './useSinceLastVisit.js';

export function SinceLastVisit({ since }: { since: Since }) {
  const { db } = useApp();
  const intl = useIntl();
  const id = useId();
  const changes = since.changes;
  const names = useCustomerNames(
    db,
    (changes ?? []).flatMap((c) =>
      c.kind === 'complaint'
        ? [c.complaint.customerId]
        : c.kind === 'appointment'
          ? [c.appointment.customerId]
          : [],
    ),
  );
  return (
    <section className="card today__section" aria-labelledby={`${id}-h`} data-testid="today-since">
      <Text as="h2" id={`${id}-h`} className="card__title" msg="today.since" />
      {changes === undefined || names === undefined ? (
        <SkeletonRows rows={2} label={intl.formatMessage({ id: 'today.loading' })} />
      ) : changes.length === 0 ? (
        <p className="muted">
          <Msg id={since.first ? 'today.sinceFirst' : 'today.sinceNone'} />
        </p>
      ) : (
        <>
          <ul className="today__list">
            {changes.map((change) => (
              <li key={keyOf(change)}>
                <ChangeLink change={change} customerName={(cid) => names.get(cid) ?? ''} />
              </li>
            ))}
          </ul>
          <button type="button" className="btn" onClick={since.markSeen}>
            <Msg id="today.markSeen" />
          </button>
        </>
      )}
    </section>
  );
}

function keyOf(change: SinceChange): string {
  switch (change.kind) {
    case 'approval':
    case 'orderStatus':
      return `${change.kind}-${change.order.id}`;
    case 'complaint':
      return `complaint-${change.complaint.id}`;
    case 'appointment':
      return `appointment-${change.appointment.id}`;
    default:
      return missingCaseError(change);
  }
}

function ChangeLink({ change, customerName }: { change: SinceChange; customerName: (id: string) => string }) {
  const intl = useIntl();
  switch (change.kind) {
    case 'approval':
      return (
        <a href={hrefFor({ name: 'order', id: change.order.id })}>
          <Msg id={`today.since.approval.${change.approval}`} values={{ number: change.order.number }} />
        </a>
      );
    case 'orderStatus':
      return (
        <a href={hrefFor({ name: 'order', id: change.order.id })}>
          <Msg id={`today.since.order.${change.status}`} values={{ number: change.order.number }} />
        </a>
      );
    case 'complaint':
      return (
        <a href={hrefFor({ name: 'customer', id: change.complaint.customerId })}>
          <Msg
            id="today.since.complaint"
            values={{
              customer: customerName(change.complaint.customerId),
              status: intl.formatMessage({ id: `complaintStatus.${change.status}` }),
              name: change.byName,
            }}
          />
        </a>
      );
    case 'appointment':
      return (
        <a href={hrefFor({ name: 'brief', appointmentId: change.appointment.id })}>
          <Msg
            id="today.since.appointment"
            values={{
              name: change.byName,
              customer: customerName(change.appointment.customerId),
              when: intl.formatDate(change.appointment.startAt, { dateStyle: 'medium', timeStyle: 'short' }),
            }}
          />
        </a>
      );
    default:
      return missingCaseError(change);
  }
}
