import { forwardRef } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { appointmentEndMs } from '../../../shared/domain/appointment/appointment.js';
import type { AppointmentProblem } from '../../../shared/domain/appointment/check.js';
import { Msg } from '../../i18n/Msg.js';
import { Badge } from '../../ui/Badge.js';
import type { AgendaData, AgendaItem } from './queries.js';

/** A warning's text: what is wrong and why ("62 km in 25 min from …: not enough time"). */
export function WarningText({
  problem,
  data,
}: {
  problem: AppointmentProblem;
  data: AgendaData | undefined;
}) {
  const other = (id: string) => data?.byId.get(id)?.customerName ?? '…';
  switch (problem.code) {
    case 'overlap':
      return <Msg id="agenda.warning.overlap" values={{ other: other(problem.otherId) }} />;
    case 'travel-too-short':
      return (
        <Msg
          id={problem.direction === 'from-previous' ? 'agenda.warning.travel' : 'agenda.warning.travelNext'}
          values={{
            km: problem.km,
            minutes: problem.minutesAvailable,
            needed: problem.minutesNeeded,
            other: other(problem.otherId),
          }}
        />
      );
    default:
      return null;
  }
}

/** Why a save or a move was refused, as one sentence. */
export function refusalText(
  intl: IntlShape,
  p: AppointmentProblem,
  nameOf: (appointmentId: string) => string,
): string {
  switch (p.code) {
    case 'start-in-past':
    case 'duration-not-positive':
      return intl.formatMessage({ id: `agenda.error.${p.code}` });
    case 'duration-too-short':
      return intl.formatMessage({ id: 'agenda.error.duration-too-short' }, { min: p.min });
    case 'duration-too-long':
      return intl.formatMessage({ id: 'agenda.error.duration-too-long' }, { max: p.max });
    case 'overlap':
      return intl.formatMessage({ id: 'agenda.warning.overlap' }, { other: nameOf(p.otherId) });
    case 'travel-too-short':
      return intl.formatMessage(
        { id: p.direction === 'from-previous' ? 'agenda.warning.travel' : 'agenda.warning.travelNext' },
        { km: p.km, minutes: p.minutesAvailable, needed: p.minutesNeeded, other: nameOf(p.otherId) },
      );
  }
}

/** The time range of an appointment in the user's time zone, from Intl. */
export function useTimeRange(): (a: AgendaItem['appointment']) => string {
  const intl = useIntl();
  return (a) =>
    intl.formatDateTimeRange(Date.parse(a.startAt), appointmentEndMs(a), {
      hour: '2-digit',
      minute: '2-digit',
    });
}

/** One appointment in a day or week list: a button that opens it (Enter), with its badges. */
export const AppointmentCard = forwardRef<
  HTMLButtonElement,
  { item: AgendaItem; data: AgendaData | undefined; compact?: boolean; onOpen: () => void }
>(function AppointmentCard({ item, data, compact = false, onOpen }, ref) {
  const intl = useIntl();
  const range = useTimeRange();
  const a = item.appointment;
  const cancelled = a.status === 'cancelled';
  const customer = item.customerName ?? intl.formatMessage({ id: 'sync.unknownCustomer' });
  const kind = intl.formatMessage({ id: `agenda.kind.${a.kind}` });
  return (
    <button
      ref={ref}
      type="button"
      className={`appt appt--${a.kind}${cancelled ? ' appt--cancelled' : ''}${compact ? ' appt--compact' : ''}${item.warnings.length > 0 && !cancelled ? ' appt--warning' : ''}`}
      data-appointment-id={a.id}
      onClick={onOpen}
    >
      <span className="appt__time">{range(a)}</span>
      <span className="appt__customer">{customer}</span>
      {item.city ? <span className="appt__city">{item.city}</span> : null}
      <span className="appt__badges">
        <Badge tone={a.kind === 'visit' ? 'accent' : 'info'}>{kind}</Badge>
        {cancelled ? (
          <Badge tone="neutral">
            <Msg id="agenda.status.cancelled" />
          </Badge>
        ) : null}
        {a.setByManagerName ? (
          <Badge tone="info">
            <Msg id="agenda.setBy" values={{ name: a.setByManagerName }} />
          </Badge>
        ) : null}
        {item.pending ? (
          <Badge tone="warning">
            <Msg id="agenda.pending" />
          </Badge>
        ) : null}
      </span>
      {!cancelled && item.warnings.length > 0 ? (
        <span className="appt__warnings">
          {item.warnings.map((w, i) => (
            <span key={i} className="appt__warning">
              <WarningText problem={w} data={data} />
            </span>
          ))}
        </span>
      ) : null}
    </button>
  );
});
