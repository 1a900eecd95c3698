/**
 * Aujourd'hui / Today, the screen the app opens on: the day's appointments and route, what
 * changed since the last look, what needs attention, and the sync state. Everything is read
 * from this laptop's database, so it works offline.
 */
import { useIntl } from 'react-intl';
import { dayRange, todayIn } from '../../../shared/lib/calendar.js';
import { useApp } from '../../app/context.js';
import { Msg } from '../../i18n/Msg.js';
import { formatDay } from '../../i18n/format.js';
import { Page } from '../../ui/PageHeader.js';
import { useNow } from '../../ui/useNow.js';
import { NeedsAttention } from './NeedsAttention.js';
import { SinceLastVisit } from './SinceLastVisit.js';
import { SyncSummary } from './SyncSummary.js';
import { TodayAppointments } from './TodayAppointments.js';
import { RouteSummary } from './RouteSummary.js';
import { useSinceLastVisit } from './useSinceLastVisit.js';

export function TodayScreen() {
  const { db, user } = useApp();
  const intl = useIntl();
  // Refreshed each minute: past midnight, Today is the new day.
  const now = useNow(60_000);
  const day = todayIn(user.timeZone, now);
  const { fromIso, toIso } = dayRange(day, user.timeZone);
  const since = useSinceLastVisit(db, user.id, fromIso);
  return (
    <Page
      titleId="today-title"
      title={<Msg id="today.title" />}
      className="page--today"
      tools={<p className="muted">{formatDay(intl, day, { dateStyle: 'full' })}</p>}
    >
      <div className="today">
        <div className="today__main">
          <TodayAppointments fromIso={fromIso} toIso={toIso} />
          <RouteSummary day={day} />
        </div>
        <div className="today__side">
          <SinceLastVisit since={since} />
          <NeedsAttention day={day} />
          <SyncSummary now={now} />
        </div>
      </div>
    </Page>
  );
}
