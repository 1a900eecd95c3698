/**
 * The day sheet (feuille de route): the day's route — order, arrival and appointment times,
 * legs in km and minutes, totals, the map — then one customer brief per stop, each on its own
 * printed page. "Export as PDF" prints through the print stylesheet: to a file in Electron
 * (main's printToPDF), through the browser's print dialog in web mode.
 */
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import type { AppointmentRow } from '../../../db/schema.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatDay } from '../../../i18n/format.js';
import { Banner } from '../../../ui/Banner.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { LoadingScreen } from '../../../ui/ScreenState.js';
import { CustomerBrief } from '../../brief/index.js';
import { OfflineMap, type MapPoint } from '../../map/index.js';
import { useDayPlan } from '../../route/index.js';
import { briefsOf } from './briefs.js';
import { DaySheetToolbar } from './DaySheetToolbar.js';
import { DayTotals } from './DayTotals.js';
import { useCallCustomers } from './queries.js';
import { RouteTable } from './RouteTable.js';
import { useSheetFormat } from './useSheetFormat.js';

export function DaySheetScreen({ day }: { day: string | null }) {
  const intl = useIntl();
  const { user, db } = useApp();
  const plan = useDayPlan(day);
  const callCustomers = useCallCustomers(db, plan);
  const { time } = useSheetFormat();

  if (plan.state === 'loading') {
    return (
      <LoadingScreen
        className="page daysheet"
        rows={8}
        label={intl.formatMessage({ id: 'daysheet.loading' })}
      />
    );
  }

  const dayLabel = formatDay(intl, plan.day, { dateStyle: 'full' });
  const briefs = briefsOf(plan);
  const callName = (c: AppointmentRow) =>
    callCustomers?.get(c.customerId)?.name ?? intl.formatMessage({ id: 'daysheet.unknownCustomer' });

  const points: MapPoint[] = plan.stops.map((s, i) => ({
    id: s.id,
    lat: s.position.lat,
    lon: s.position.lon,
    label: s.customer?.name ?? '',
    segment: s.segment,
    routeNumber: s.timing?.number ?? i + 1,
    kind: 'stop',
    fixed: s.appointment !== null,
  }));
  const path = plan.start
    ? [plan.start, ...plan.stops.map((s) => s.position), plan.start]
    : plan.stops.map((s) => s.position);

  return (
    <article className="page daysheet" aria-labelledby="daysheet-title">
      <DaySheetToolbar day={plan.day} />

      <header className="daysheet__header">
        <h1 id="daysheet-title" className="page__title">
          <Msg id="daysheet.titleFor" values={{ date: dayLabel }} />
        </h1>
        <p className="muted">
          <Msg id="daysheet.rep" values={{ name: user.name }} />
        </p>
      </header>

      {plan.settingsMissing ? (
        <Banner tone="warning">
          <Msg id="daysheet.noStart" />{' '}
          <a href={hrefFor({ name: 'settings' })}>
            <Msg id="daysheet.openSettings" />
          </a>
        </Banner>
      ) : null}

      {plan.stops.length === 0 && plan.calls.length === 0 && plan.unplaced.length === 0 ? (
        <EmptyState title={<Msg id="daysheet.emptyTitle" />}>
          <Text as="p" msg="daysheet.emptyBody" />
        </EmptyState>
      ) : (
        <section className="daysheet__route" aria-labelledby="daysheet-route-title">
          <Text as="h2" id="daysheet-route-title" className="section-title" msg="daysheet.route" />
          {plan.plan ? <DayTotals plan={plan} totals={plan.plan} /> : null}

          {plan.stops.length > 0 ? <RouteTable plan={plan} dayLabel={dayLabel} /> : null}

          {plan.calls.length > 0 ? (
            <>
              <Text as="h3" className="daysheet__subtitle" msg="daysheet.calls" />
              <ul className="daysheet__calls">
                {plan.calls.map((c) => (
                  <li key={c.id}>
                    <span className="tabular">{time(Date.parse(c.startAt))}</span> {callName(c)}
                    {c.objective ? <span className="muted"> — {c.objective}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {plan.unplaced.length > 0 ? (
            <>
              <Text as="h3" className="daysheet__subtitle" msg="daysheet.unplaced" />
              <ul className="daysheet__calls">
                {plan.unplaced.map((u) => (
                  <li key={u.id}>
                    {u.customer?.name ?? <Msg id="daysheet.unknownCustomer" />}
                    <span className="muted">
                      {' '}
                      <Msg id={`daysheet.unplaced.${u.reason}`} />
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          {plan.stops.length > 0 ? (
            <div className="daysheet__map">
              <OfflineMap
                points={points}
                path={path}
                start={plan.start}
                label={intl.formatMessage({ id: 'daysheet.map' }, { date: dayLabel })}
              />
            </div>
          ) : null}
        </section>
      )}

      {briefs.map((b) => (
        <section
          key={b.key}
          id={`daysheet-brief-${b.key}`}
          className="daysheet__brief"
          data-brief-of={b.customerId}
        >
          <CustomerBrief customerId={b.customerId} appointment={b.appointment} level={2} />
        </section>
      ))}
    </article>
  );
}
