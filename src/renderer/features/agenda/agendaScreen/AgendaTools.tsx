/** The agenda header's row: the period and its count, previous/today/next, day/week, "New". */
import { useIntl } from 'react-intl';
import { addDays } from '../../../../shared/lib/calendar.js';
import type { AgendaView } from '../../../app/router.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import type { AgendaData } from '../queries.js';

export function AgendaTools({
  view,
  current,
  today,
  heading,
  data,
  onNew,
}: {
  view: AgendaView;
  current: string;
  today: string;
  heading: string;
  data: AgendaData | undefined;
  onNew: () => void;
}) {
  const intl = useIntl();
  const step = view === 'day' ? 1 : 7;
  return (
    <>
      <p className="agenda__heading" aria-live="polite">
        {heading}
        {data ? (
          <span className="muted">
            {' · '}
            <Msg
              id="agenda.count"
              values={{ count: data.items.filter((i) => i.appointment.status !== 'cancelled').length }}
            />
          </span>
        ) : null}
      </p>
      <div className="agenda__tools">
        <div className="agenda__nav">
          <a
            className="btn btn--small"
            href={hrefFor({ name: 'agenda', view, day: addDays(current, -step) })}
          >
            <span aria-hidden="true">‹ </span>
            <Msg id={view === 'day' ? 'agenda.previous.day' : 'agenda.previous.week'} />
          </a>
          <a className="btn btn--small" href={hrefFor({ name: 'agenda', view, day: today })}>
            <Msg id="agenda.today" />
          </a>
          <a className="btn btn--small" href={hrefFor({ name: 'agenda', view, day: addDays(current, step) })}>
            <Msg id={view === 'day' ? 'agenda.next.day' : 'agenda.next.week'} />
            <span aria-hidden="true"> ›</span>
          </a>
        </div>
        <nav className="agenda__views" aria-label={intl.formatMessage({ id: 'agenda.views' })}>
          {(['day', 'week'] as const).map((v) => (
            <a
              key={v}
              className={`btn btn--small${v === view ? ' btn--selected' : ''}`}
              href={hrefFor({ name: 'agenda', view: v, day: current })}
              aria-current={v === view ? 'page' : undefined}
            >
              <Msg id={`agenda.view.${v}`} />
            </a>
          ))}
        </nav>
        <button type="button" className="btn btn--primary btn--small" onClick={onNew} aria-keyshortcuts="N">
          <Msg id="agenda.new" />
        </button>
      </div>
      <Text as="p" className="agenda__shortcuts muted" msg="agenda.shortcuts" />
    </>
  );
}
