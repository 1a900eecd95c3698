/**
 * The week as a time grid: days as columns (Monday to Sunday), hours as rows (7:00–20:00 and any
 * appointment outside), each appointment placed by its start and sized by its duration;
 * overlapping ones share the column side by side. Today is marked (and the current time in
 * it). The cards are the agenda's buttons, in day then time order, so J/K, arrows and Enter work
 * as in the list. Narrow windows get the days one under the other (CSS), each card in order.
 */
import type { CSSProperties } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { dayOfInstant, instantOn, noonOf, timeOfInstant } from '../../../../shared/lib/calendar.js';
import { hrefFor } from '../../../app/router.js';
import { Text } from '../../../i18n/Msg.js';
import { formatClock } from '../../../i18n/format.js';
import { AppointmentCard } from '../AppointmentCard.js';
import type { AgendaData, AgendaItem } from '../queries.js';

const FIRST_HOUR = 7;
const LAST_HOUR = 20;
const DAY_MINUTES = 24 * 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

interface Placed {
  item: AgendaItem;
  /** Minutes from midnight, and the end (capped at midnight). */
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

/** Places a day's appointments: overlapping ones get side-by-side lanes within their group. */
export function placeDay(items: readonly AgendaItem[], timeZone: string): Placed[] {
  const sorted = items
    .map((item) => {
      const start = minutesOf(timeOfInstant(item.appointment.startAt, timeZone));
      return {
        item,
        start,
        end: Math.min(DAY_MINUTES, start + Math.max(1, item.appointment.durationMinutes)),
      };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Placed[] = [];
  let group: Placed[] = [];
  let groupEnd = -1;
  const close = () => {
    const lanes = Math.max(1, ...group.map((p) => p.lane + 1));
    for (const p of group) p.lanes = lanes;
    group = [];
  };
  for (const s of sorted) {
    if (s.start >= groupEnd) close();
    const taken = new Set(group.filter((p) => p.end > s.start).map((p) => p.lane));
    let lane = 0;
    while (taken.has(lane)) lane += 1;
    const p = { ...s, lane, lanes: 1 };
    group.push(p);
    placed.push(p);
    groupEnd = Math.max(groupEnd, s.end);
  }
  close();
  return placed;
}

/** « lun. » and « 30 nov. » (“Mon” and “Nov 30”), from Intl's own parts of the short date. */
export function dayHeadParts(intl: IntlShape, date: Date): { weekday: string; date: string } {
  const parts = intl.formatDateToParts(date, { weekday: 'short', day: 'numeric', month: 'short' });
  const at = parts.findIndex((p) => p.type === 'weekday');
  const weekday = parts[at]?.value ?? '';
  // Without the weekday and the separator that joined it to the rest.
  const joiner = at === 0 ? at + 1 : at - 1;
  const rest = parts
    .filter((p, i) => i !== at && !(i === joiner && p.type === 'literal'))
    .map((p) => p.value)
    .join('')
    .trim();
  return { weekday, date: rest };
}

export function WeekGrid({
  days,
  today,
  now,
  data,
  timeZone,
  onOpen,
}: {
  days: string[];
  today: string;
  now: number;
  data: AgendaData;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const intl = useIntl();
  const byDay = new Map<string, Placed[]>();
  for (const d of days) {
    byDay.set(
      d,
      placeDay(
        data.items.filter((i) => dayOfInstant(i.appointment.startAt, timeZone) === d),
        timeZone,
      ),
    );
  }
  const all = [...byDay.values()].flat();
  const from = Math.min(FIRST_HOUR, ...all.map((p) => Math.floor(p.start / 60)));
  const to = Math.max(LAST_HOUR, ...all.map((p) => Math.ceil(p.end / 60)));
  const hours = Array.from({ length: to - from }, (_, i) => from + i);
  const nowMinutes = minutesOf(timeOfInstant(now, timeZone));
  const first = days[0] ?? today;
  return (
    <div className="week-grid" style={{ '--hours': to - from } as CSSProperties} data-testid="week-grid">
      <div className="week-grid__gutter" aria-hidden="true">
        <div className="week-grid__corner" />
        <div className="week-grid__hours">
          {hours.map((h) => (
            <span key={h} className="week-grid__hour">
              {formatClock(intl, instantOn(first, `${String(h).padStart(2, '0')}:00`, timeZone))}
            </span>
          ))}
        </div>
      </div>
      {days.map((d) => {
        const date = noonOf(d, timeZone);
        const long = intl.formatDate(date, { weekday: 'long', day: 'numeric', month: 'long' });
        const head = dayHeadParts(intl, date);
        const isToday = d === today;
        const placed = byDay.get(d) ?? [];
        return (
          <section
            key={d}
            className={`week-grid__day${isToday ? ' week-grid__day--today' : ''}`}
            data-day={d}
            aria-label={long}
          >
            <h2 className="week-grid__head">
              <a
                href={hrefFor({ name: 'agenda', view: 'day', day: d })}
                aria-label={intl.formatMessage({ id: 'agenda.openDay' }, { date: long })}
                aria-current={isToday ? 'date' : undefined}
              >
                <span className="week-grid__weekday">{head.weekday}</span>{' '}
                <span className="week-grid__date">{head.date}</span>
              </a>
              {isToday ? <Text as="span" className="week-grid__today" msg="agenda.today" /> : null}
            </h2>
            <div className="week-grid__body">
              {isToday && nowMinutes >= from * 60 && nowMinutes <= to * 60 ? (
                <span
                  className="week-grid__now"
                  aria-hidden="true"
                  style={{ '--at': nowMinutes - from * 60 } as CSSProperties}
                />
              ) : null}
              {placed.length === 0 ? (
                <Text as="p" className="week-grid__empty muted" msg="agenda.empty.day" />
              ) : null}
              {placed.map((p) => (
                <div
                  key={p.item.appointment.id}
                  className="week-grid__slot"
                  style={
                    {
                      '--start': p.start - from * 60,
                      '--length': p.end - p.start,
                      '--lane': p.lane,
                      '--lanes': p.lanes,
                    } as CSSProperties
                  }
                >
                  <AppointmentCard
                    item={p.item}
                    data={data}
                    compact
                    onOpen={() => onOpen(p.item.appointment.id)}
                  />
                </div>
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
