/**
 * The day's route (Tournée): the stops of a day in the rep's order from their start point and
 * back, with arrival times, the legs and the totals; "Optimise" finds a shorter order that keeps
 * every appointment on time; the rep reorders by drag, by the move buttons or with Alt+↑/↓ on
 * a stop's handle, and every change is saved on this laptop (local only) and announced with the
 * new totals. "Fill the gaps" suggests nearby customers worth a visit. Everything is local, so
 * the screen works the same offline.
 */
import { useIntl } from 'react-intl';
import { addDays, instantOn, todayIn } from '../../../../shared/lib/calendar.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg } from '../../../i18n/Msg.js';
import { Page } from '../../../ui/PageHeader.js';
import { SkeletonRows } from '../../../ui/Skeleton.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { useDayPlan } from '../useDayPlan.js';
import { GapFillers } from './GapFillers.js';
import { LateMoveWarning } from './LateMoveWarning.js';
import { RouteMap } from './RouteMap.js';
import { RouteTotals } from './RouteTotals.js';
import { StartCard } from './StartCard.js';
import { StopList } from './StopList.js';
import { Unplaced } from './Unplaced.js';
import { useRouteEditing } from './useRouteEditing.js';
import { useSuggestions } from './useSuggestions.js';

export function RouteScreen({ day }: { day: string | null }) {
  const { user } = useApp();
  const theDay = day ?? todayIn(user.timeZone);
  const data = useDayPlan(theDay);
  const intl = useIntl();
  const dateLabel = intl.formatDate(instantOn(theDay, '12:00', user.timeZone), { dateStyle: 'full' });

  return (
    <Page
      titleId="route-title"
      className="page--route"
      headerClassName="route__header"
      title={
        <>
          <Msg id="route.title" /> <span className="route__date">{dateLabel}</span>
        </>
      }
      tools={
        <nav className="route__daynav" aria-label={intl.formatMessage({ id: 'route.dayNav' })}>
          <a className="btn btn--small" href={hrefFor({ name: 'route', day: addDays(theDay, -1) })}>
            <span aria-hidden="true">‹ </span>
            <Msg id="route.prevDay" />
          </a>
          <a className="btn btn--small" href={hrefFor({ name: 'route', day: todayIn(user.timeZone) })}>
            <Msg id="route.today" />
          </a>
          <a className="btn btn--small" href={hrefFor({ name: 'route', day: addDays(theDay, 1) })}>
            <Msg id="route.nextDay" />
            <span aria-hidden="true"> ›</span>
          </a>
          <a className="btn btn--small btn--ghost" href={hrefFor({ name: 'daySheet', day: theDay })}>
            <Msg id="route.daySheet" />
          </a>
        </nav>
      }
    >
      {data.state === 'loading' ? (
        <SkeletonRows rows={6} label={intl.formatMessage({ id: 'route.loading' })} />
      ) : (
        <RouteBody key={data.day} data={data} />
      )}
    </Page>
  );
}

function RouteBody({ data }: { data: DayPlanReady }) {
  const editing = useRouteEditing(data);
  const suggested = useSuggestions(data);
  return (
    <div className="route">
      <div className="route__main">
        <StartCard data={data} onOptimise={editing.optimise} />
        <p className="visually-hidden" aria-live="polite" role="status">
          {editing.announcement}
        </p>
        {data.plan ? <RouteTotals plan={data.plan} /> : null}
        <LateMoveWarning editing={editing} />
        <StopList data={data} editing={editing} />
        {data.unplaced.length > 0 ? <Unplaced unplaced={data.unplaced} /> : null}
        <GapFillers data={data} suggested={suggested} onAdded={editing.announceAdded} />
      </div>
      <div className="route__map">
        <RouteMap data={data} suggested={suggested} />
      </div>
    </div>
  );
}
