/** The day's route in a few figures (stops, kilometres, driving time), computed by the route feature. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { hrefFor } from '../../app/router.js';
import { Msg, Text } from '../../i18n/Msg.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { formatDuration, formatKm, useDayPlan } from '../route/index.js';

export function RouteSummary({ day }: { day: string }) {
  const intl = useIntl();
  const id = useId();
  const data = useDayPlan(day);
  return (
    <section className="card today__section" aria-labelledby={`${id}-h`}>
      <Text as="h2" id={`${id}-h`} className="card__title" msg="today.route" />
      {data.state === 'loading' ? (
        <SkeletonRows rows={2} label={intl.formatMessage({ id: 'today.loading' })} />
      ) : (
        <>
          <p data-testid="today-route-stops">
            <Msg id="today.routeStops" values={{ count: data.stops.length + data.unplaced.length }} />{' '}
            <Msg id="today.routeCalls" values={{ count: data.calls.length }} />
          </p>
          {data.plan ? (
            <dl className="route__figures">
              <div>
                <dt>
                  <Msg id="today.routeDistance" />
                </dt>
                <dd className="num">{formatKm(intl, data.plan.totalKm)}</dd>
              </div>
              <div>
                <dt>
                  <Msg id="today.routeDriving" />
                </dt>
                <dd className="num">{formatDuration(intl, data.plan.drivingMinutes)}</dd>
              </div>
            </dl>
          ) : data.stops.length > 0 ? (
            <p className="muted">
              <Msg id="today.routeNoStart" />{' '}
              <a href={hrefFor({ name: 'settings' })}>
                <Msg id="today.routeSetStart" />
              </a>
            </p>
          ) : null}
          <p>
            <a href={hrefFor({ name: 'route', day })}>
              <Msg id="today.openRoute" />
            </a>
          </p>
        </>
      )}
    </section>
  );
}
