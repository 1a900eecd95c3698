import { useIntl } from 'react-intl';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { StartVisitButton } from '../visit/index.js';
import { CustomerBrief } from './customerBrief/CustomerBrief.js';
import { useAppointment } from './queries.js';

/** Calendar day of an instant in the user's time zone (yyyy-mm-dd), for the day sheet link. */
function localDay(iso: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** `#/brief/<appointmentId>`: the brief of one visit, printable on one A4 page. */
export function BriefScreen({ appointmentId }: { appointmentId: string }) {
  const { db } = useApp();
  const intl = useIntl();
  const appointment = useAppointment(db, appointmentId);

  if (appointment === undefined) {
    return (
      <section className="page page--brief">
        <SkeletonRows rows={8} label={intl.formatMessage({ id: 'brief.loading' })} />
      </section>
    );
  }
  if (appointment === null) {
    return (
      <section className="page page--brief" aria-labelledby="brief-missing-title">
        <h1 id="brief-missing-title" className="page__title">
          <Msg id="brief.title" />
        </h1>
        <EmptyState title={<Msg id="brief.notFoundTitle" />}>
          <p>
            <Msg id="brief.notFoundBody" />
          </p>
          <a className="btn" href={hrefFor({ name: 'agenda', view: 'day', day: null })}>
            <Msg id="brief.backToAgenda" />
          </a>
        </EmptyState>
      </section>
    );
  }
  const day = localDay(appointment.startAt, intl.timeZone);
  return (
    <div className="page page--brief">
      <nav className="brief__toolbar no-print" aria-label={intl.formatMessage({ id: 'brief.toolbar' })}>
        <a href={hrefFor({ name: 'agenda', view: 'day', day })}>
          <span aria-hidden="true">← </span>
          <Msg id="brief.backToAgenda" />
        </a>
        <a href={hrefFor({ name: 'daySheet', day })}>
          <Msg id="brief.daySheet" />
        </a>
        <button type="button" className="btn btn--small" onClick={() => window.print()}>
          <Msg id="brief.print" />
        </button>
        <StartVisitButton
          customerId={appointment.customerId}
          appointmentId={appointment.id}
          className="btn btn--small btn--primary"
        />
      </nav>
      <CustomerBrief customerId={appointment.customerId} appointment={appointment} />
    </div>
  );
}
