/** Today's appointments in time order: time, customer, kind, status; each opens its brief or starts the visit. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { useAgenda, type AgendaItem } from '../agenda/index.js';
import { StartVisitButton } from '../visit/index.js';

export function TodayAppointments({ fromIso, toIso }: { fromIso: string; toIso: string }) {
  const { db, user } = useApp();
  const intl = useIntl();
  const id = useId();
  const agenda = useAgenda(db, fromIso, toIso, user.timeZone, user.id);
  return (
    <section className="card today__section" aria-labelledby={`${id}-h`}>
      <Text as="h2" id={`${id}-h`} className="card__title" msg="today.appointments" />
      {agenda === undefined ? (
        <SkeletonRows rows={4} label={intl.formatMessage({ id: 'today.loading' })} />
      ) : agenda.items.length === 0 ? (
        <EmptyState title={<Msg id="today.emptyTitle" />}>
          <p>
            <Msg id="today.emptyBody" />
          </p>
          <p className="today__links">
            <a href={hrefFor({ name: 'agenda', view: 'day', day: null })}>
              <Msg id="today.openAgenda" />
            </a>
            <a href={hrefFor({ name: 'route', day: null })}>
              <Msg id="today.openRoute" />
            </a>
          </p>
        </EmptyState>
      ) : (
        <ol className="today__list" data-testid="today-appointments">
          {agenda.items.map((item) => (
            <AppointmentItem key={item.appointment.id} item={item} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AppointmentItem({ item }: { item: AgendaItem }) {
  const intl = useIntl();
  const a = item.appointment;
  const name = item.customerName ?? intl.formatMessage({ id: 'today.unknownCustomer' });
  const time = intl.formatDateTimeRange(
    Date.parse(a.startAt),
    Date.parse(a.startAt) + a.durationMinutes * 60_000,
    {
      hour: '2-digit',
      minute: '2-digit',
    },
  );
  return (
    <li className="today__appointment" data-testid="today-appointment">
      <span className="today__time num">{time}</span>
      <span className="today__who">
        <a href={hrefFor({ name: 'customer', id: a.customerId })} className="today__name">
          {name}
        </a>
        {item.city ? <span className="muted"> · {item.city}</span> : null}
        {a.objective ? <span className="today__objective muted">{a.objective}</span> : null}
      </span>
      <span className="today__badges">
        <Badge>
          <Msg id={`agenda.kind.${a.kind}`} />
        </Badge>{' '}
        <Badge tone={a.status === 'done' ? 'success' : a.status === 'cancelled' ? 'neutral' : 'info'}>
          <Msg id={`agenda.status.${a.status}`} />
        </Badge>
        {a.setByManagerName ? (
          <>
            {' '}
            <Badge tone="accent">
              <Msg id="today.setByManager" values={{ name: a.setByManagerName }} />
            </Badge>
          </>
        ) : null}
        {item.pending ? (
          <>
            {' '}
            <Badge tone="warning">
              <Msg id="today.pendingHere" />
            </Badge>
          </>
        ) : null}
      </span>
      {a.status === 'planned' ? (
        <span className="today__actions">
          <a
            className="btn"
            href={hrefFor({ name: 'brief', appointmentId: a.id })}
            aria-label={intl.formatMessage({ id: 'today.briefOf' }, { name })}
          >
            <Msg id="today.brief" />
          </a>
          {a.kind === 'visit' ? (
            <StartVisitButton
              customerId={a.customerId}
              appointmentId={a.id}
              customerName={name}
              compact
              className="btn btn--primary"
            />
          ) : null}
        </span>
      ) : null}
    </li>
  );
}
