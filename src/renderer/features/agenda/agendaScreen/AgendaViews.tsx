/** The agenda's day view (hour by hour) and week view (Monday to Sunday). */
import { useIntl } from 'react-intl';
import { dayOfInstant, hourOfInstant, instantOn, noonOf } from '../../../../shared/lib/calendar.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatClock } from '../../../i18n/format.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { AppointmentCard } from '../AppointmentCard.js';
import type { AgendaData, AgendaItem } from '../queries.js';

const FIRST_HOUR = 7;
const LAST_HOUR = 20;

export function DayView({
  day,
  data,
  timeZone,
  onOpen,
}: {
  day: string;
  data: AgendaData;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  if (data.items.length === 0) {
    return (
      <div data-day={day}>
        <EmptyState title={<Msg id="agenda.empty.title" />}>
          <Text as="p" msg="agenda.empty.body" />
          <a className="btn btn--small" href={hrefFor({ name: 'route', day })}>
            <Msg id="agenda.action.route" />
          </a>
        </EmptyState>
      </div>
    );
  }
  const byHour = new Map<number, AgendaItem[]>();
  for (const item of data.items) {
    const hour = hourOfInstant(item.appointment.startAt, timeZone);
    byHour.set(hour, [...(byHour.get(hour) ?? []), item]);
  }
  const hours = [...byHour.keys()];
  const from = Math.min(FIRST_HOUR, ...hours);
  const to = Math.max(LAST_HOUR, ...hours);
  return (
    <ol className="agenda-day" data-day={day}>
      {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((hour) => {
        const items = byHour.get(hour) ?? [];
        const label = formatClock(intl, instantOn(day, `${String(hour).padStart(2, '0')}:00`, timeZone));
        return (
          <li
            key={hour}
            className={`agenda-day__hour${items.length === 0 ? ' agenda-day__hour--empty' : ''}`}
          >
            <span className="agenda-day__label">{label}</span>
            <div className="agenda-day__items">
              {items.map((item) => (
                <AppointmentCard
                  key={item.appointment.id}
                  item={item}
                  data={data}
                  onOpen={() => onOpen(item.appointment.id)}
                />
              ))}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function WeekView({
  days,
  today,
  data,
  timeZone,
  onOpen,
}: {
  days: string[];
  today: string;
  data: AgendaData;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  return (
    <div className="agenda-week">
      {days.map((d) => {
        const items = data.items.filter((i) => dayOfInstant(i.appointment.startAt, timeZone) === d);
        const date = noonOf(d, timeZone);
        const title = intl.formatDate(date, { weekday: 'short', day: 'numeric', month: 'short' });
        return (
          <section
            key={d}
            className={`agenda-week__day${d === today ? ' agenda-week__day--today' : ''}`}
            data-day={d}
            aria-label={intl.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' })}
          >
            <h2 className="agenda-week__title">
              <a
                href={hrefFor({ name: 'agenda', view: 'day', day: d })}
                aria-label={intl.formatMessage(
                  { id: 'agenda.openDay' },
                  { date: intl.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' }) },
                )}
              >
                {title}
              </a>
            </h2>
            {items.length === 0 ? (
              <Text as="p" className="agenda-week__empty muted" msg="agenda.empty.day" />
            ) : (
              <div className="agenda-week__items">
                {items.map((item) => (
                  <AppointmentCard
                    key={item.appointment.id}
                    item={item}
                    data={data}
                    compact
                    onOpen={() => onOpen(item.appointment.id)}
                  />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
