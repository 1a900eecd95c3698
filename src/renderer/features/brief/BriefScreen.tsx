import { useIntl } from 'react-intl';
import { dayOfInstant } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { LoadingScreen, NotFoundScreen } from '../../ui/ScreenState.js';
import { StartVisitButton } from '../visit/index.js';
import { CustomerBrief } from './customerBrief/CustomerBrief.js';
import { useAppointment } from './queries.js';

/**
 * `#/brief/<appointmentId>`: the brief of one visit, printable on one A4 page. The way back leads
 * where the rep came from (the route or the agenda); a visit is offered only while the
 * appointment is still planned (not on one done or cancelled).
 */
export function BriefScreen({
  appointmentId,
  from = 'agenda',
}: {
  appointmentId: string;
  from?: 'agenda' | 'route';
}) {
  const { db } = useApp();
  const intl = useIntl();
  const appointment = useAppointment(db, appointmentId);

  if (appointment === undefined) {
    return (
      <LoadingScreen
        className="page page--brief"
        rows={8}
        label={intl.formatMessage({ id: 'brief.loading' })}
      />
    );
  }
  if (appointment === null) {
    return (
      <NotFoundScreen
        className="page page--brief"
        titleId="brief-missing-title"
        pageTitle={<Msg id="brief.title" />}
        title={<Msg id="brief.notFoundTitle" />}
        body={<Msg id="brief.notFoundBody" />}
        back={
          <a className="btn" href={hrefFor({ name: 'agenda', view: 'day', day: null })}>
            <Msg id="brief.backToAgenda" />
          </a>
        }
      />
    );
  }
  // The day sheet link: the appointment's day in the user's time zone.
  const day = dayOfInstant(
    appointment.startAt,
    intl.timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  return (
    <div className="page page--brief">
      <nav className="brief__toolbar no-print" aria-label={intl.formatMessage({ id: 'brief.toolbar' })}>
        <a
          href={
            from === 'route' ? hrefFor({ name: 'route', day }) : hrefFor({ name: 'agenda', view: 'day', day })
          }
        >
          <span aria-hidden="true">← </span>
          <Msg id={from === 'route' ? 'brief.backToRoute' : 'brief.backToAgenda'} />
        </a>
        <a href={hrefFor({ name: 'daySheet', day })}>
          <Msg id="brief.daySheet" />
        </a>
        <button type="button" className="btn btn--small" onClick={() => window.print()}>
          <Msg id="brief.print" />
        </button>
        {appointment.status === 'planned' ? (
          <StartVisitButton
            customerId={appointment.customerId}
            appointmentId={appointment.id}
            className="btn btn--small btn--primary"
          />
        ) : null}
      </nav>
      <CustomerBrief customerId={appointment.customerId} appointment={appointment} />
    </div>
  );
}
