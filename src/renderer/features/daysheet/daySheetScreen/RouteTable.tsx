/** The day's stops as a printable table: number, arrival, appointment, customer, objective, leg. */
import { Msg, Text } from '../../../i18n/Msg.js';
import { Badge } from '../../../ui/Badge.js';
import type { DayPlanReady } from '../../route/index.js';
import { useSheetFormat } from './useSheetFormat.js';

export function RouteTable({ plan, dayLabel }: { plan: DayPlanReady; dayLabel: string }) {
  const { time, km, minutes } = useSheetFormat();
  return (
    <table className="daysheet__table">
      <caption className="visually-hidden">
        <Msg id="daysheet.tableCaption" values={{ date: dayLabel }} />
      </caption>
      <thead>
        <tr>
          <Text as="th" scope="col" className="num" msg="daysheet.col.number" />
          <Text as="th" scope="col" msg="daysheet.col.arrival" />
          <Text as="th" scope="col" msg="daysheet.col.appointment" />
          <Text as="th" scope="col" msg="daysheet.col.customer" />
          <Text as="th" scope="col" msg="daysheet.col.objective" />
          <Text as="th" scope="col" className="num" msg="daysheet.col.leg" />
        </tr>
      </thead>
      <tbody>
        {plan.stops.map((s, i) => (
          <tr key={s.id} data-stop={s.id}>
            <td className="num tabular">{s.timing?.number ?? i + 1}</td>
            <td className="tabular">
              {s.timing ? time(s.timing.arrivalMs) : '—'}
              {s.timing && s.timing.lateMinutes > 0 ? (
                <>
                  {' '}
                  <Badge tone="danger">
                    <Msg id="daysheet.lateBy" values={{ minutes: Math.round(s.timing.lateMinutes) }} />
                  </Badge>
                </>
              ) : s.timing && s.timing.waitMinutes >= 1 ? (
                <span className="muted">
                  {' '}
                  <Msg id="daysheet.wait" values={{ minutes: Math.round(s.timing.waitMinutes) }} />
                </span>
              ) : null}
            </td>
            <td className="tabular">
              {s.appointment ? (
                <>
                  {time(Date.parse(s.appointment.startAt))}
                  <span className="muted">
                    {' '}
                    <Msg id="daysheet.duration" values={{ minutes: s.appointment.durationMinutes }} />
                  </span>
                </>
              ) : (
                <Text as="span" className="muted" msg="daysheet.flexible" />
              )}
            </td>
            <td>
              <a href={`#daysheet-brief-${s.id}`}>{s.customer?.name}</a>
              <span className="muted"> {s.customer?.city}</span>
              {s.approximate ? (
                <span className="muted">
                  {' '}
                  <Msg id="daysheet.approximate" />
                </span>
              ) : null}
            </td>
            <td>{s.appointment?.objective}</td>
            <td className="num tabular">
              {s.timing ? `${km(s.timing.legKm)} · ${minutes(s.timing.legMinutes)}` : '—'}
            </td>
          </tr>
        ))}
      </tbody>
      {plan.plan ? (
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              <Msg id="daysheet.returnLeg" values={{ time: time(plan.plan.returnMs) }} />
            </th>
            <td className="num tabular">
              {km(plan.plan.returnLeg.km)} · {minutes(plan.plan.returnLeg.minutes)}
            </td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
