/** An appointment's dialog: when, who, why, its badges, warnings and actions (edit, cancel, open). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { useIntl } from 'react-intl';
import { dayOfInstant } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { StartVisitButton } from '../../visit/index.js';
import { useTimeRange, WarningText } from '../AppointmentCard.js';
import { cancelAppointment } from '../mutators.js';
import type { AgendaData, AgendaItem } from '../queries.js';

export function AppointmentDetails({
  item,
  data,
  timeZone,
  onClose,
  onEdit,
  onCancelled,
}: {
  item: AgendaItem;
  data: AgendaData | undefined;
  timeZone: string;
  onClose: () => void;
  onEdit: () => void;
  onCancelled: () => void;
}) {
  const { db, engine } = useApp();
  const intl = useIntl();
  const range = useTimeRange();
  const [confirming, setConfirming] = useState(false);
  const a = item.appointment;
  const contact = useLiveQuery(
    () => (a.contactId ? db.contacts.get(a.contactId) : undefined),
    [db, a.contactId],
  );
  const day = dayOfInstant(a.startAt, timeZone);
  const customer = item.customerName ?? intl.formatMessage({ id: 'sync.unknownCustomer' });
  const date = intl.formatDate(Date.parse(a.startAt), { weekday: 'long', day: 'numeric', month: 'long' });
  const cancel = async () => {
    await engine.write(cancelAppointment, { id: a.id, baseVersion: a.version });
    onCancelled();
  };
  return (
    <>
      <div className="dialog__header">
        <Heading slot="title" className="dialog__title">
          {customer}
        </Heading>
        <button type="button" className="btn btn--small btn--ghost" onClick={onClose}>
          <Msg id="agenda.action.close" />
        </button>
      </div>
      <div className="dialog__body">
        <dl className="agenda-details">
          <Text as="dt" msg="agenda.details.when" />
          <dd>
            {date}, {range(a)} · <Msg id={`agenda.kind.${a.kind}`} />
            {item.city ? ` · ${item.city}` : ''}
          </dd>
          <Text as="dt" msg="agenda.details.contact" />
          <dd>
            {contact ? (
              [contact.firstName, contact.lastName].filter(Boolean).join(' ')
            ) : (
              <Msg id="agenda.details.none" />
            )}
          </dd>
          <Text as="dt" msg="agenda.details.objective" />
          <dd>{a.objective || <Msg id="agenda.details.none" />}</dd>
          {a.notes ? (
            <>
              <Text as="dt" msg="agenda.details.notes" />
              <dd className="agenda-details__notes">{a.notes}</dd>
            </>
          ) : null}
        </dl>
        <p className="appt__badges">
          {a.status === 'cancelled' ? (
            <Text as="span" className="badge badge--neutral" msg="agenda.status.cancelled" />
          ) : null}
          {a.setByManagerName ? (
            <span className="badge badge--info">
              <Msg id="agenda.setBy" values={{ name: a.setByManagerName }} />
            </span>
          ) : null}
          <span className={`badge ${item.pending ? 'badge--warning' : 'badge--success'}`}>
            <Msg id={item.pending ? 'agenda.pending' : 'agenda.synced'} />
          </span>
        </p>
        {a.status === 'planned' && item.warnings.length > 0 ? (
          <ul className="agenda-details__warnings">
            {item.warnings.map((w, i) => (
              <li key={i}>
                <WarningText problem={w} data={data} />
              </li>
            ))}
          </ul>
        ) : null}
        {confirming ? (
          <div className="agenda-confirm" role="alert">
            <p>
              <Msg id="agenda.cancel.confirm" values={{ customer, date }} />
            </p>
            <div className="form-actions">
              <button type="button" className="btn btn--danger" onClick={() => void cancel()}>
                <Msg id="agenda.cancel.yes" />
              </button>
              {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the safe choice takes the focus */}
              <button type="button" className="btn" autoFocus onClick={() => setConfirming(false)}>
                <Msg id="agenda.cancel.no" />
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions agenda-details__actions">
            {a.status === 'planned' ? (
              <>
                <button type="button" className="btn btn--primary" onClick={onEdit}>
                  <Msg id="agenda.action.edit" />
                </button>
                <button type="button" className="btn" onClick={() => setConfirming(true)}>
                  <Msg id="agenda.action.cancel" />
                </button>
              </>
            ) : null}
            <a className="btn" href={hrefFor({ name: 'customer', id: a.customerId })}>
              <Msg id="agenda.action.customer" />
            </a>
            <a className="btn" href={hrefFor({ name: 'brief', appointmentId: a.id })}>
              <Msg id="agenda.action.brief" />
            </a>
            {a.status !== 'cancelled' ? (
              <StartVisitButton customerId={a.customerId} appointmentId={a.id} className="btn" />
            ) : null}
            <a className="btn" href={hrefFor({ name: 'route', day })}>
              <Msg id="agenda.action.route" />
            </a>
          </div>
        )}
      </div>
    </>
  );
}
