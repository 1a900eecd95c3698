/**
 * The day sheet (feuille de route): the day's route — order, arrival and appointment times,
 * legs in km and minutes, totals, the map — then one customer brief per stop, each on its own
 * printed page. "Export as PDF" prints through the print stylesheet: to a file in Electron
 * (main's printToPDF), through the browser's print dialog in web mode.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { daySheetFileName } from '../../../shared/contract/bridge.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import type { AppointmentRow, CustomerRow } from '../../db/schema.js';
import { Msg } from '../../i18n/Msg.js';
import { formatDay } from '../../i18n/format.js';
import type { PdfExportResult } from '../../platform/index.js';
import { Badge } from '../../ui/Badge.js';
import { Banner } from '../../ui/Banner.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import { CustomerBrief } from '../brief/index.js';
import { OfflineMap, type MapPoint } from '../map/index.js';
import { useDayPlan, type DayPlanReady } from '../route/index.js';

interface SheetBrief {
  key: string;
  customerId: string;
  appointment: AppointmentRow | null;
}

/** Every customer of the day with a brief: route stops in order, then calls, then unplaced. */
function briefsOf(plan: DayPlanReady): SheetBrief[] {
  const out: SheetBrief[] = [];
  const seen = new Set<string>();
  const add = (key: string, customerId: string | null, appointment: AppointmentRow | null) => {
    if (customerId === null || seen.has(key)) return;
    seen.add(key);
    out.push({ key, customerId, appointment });
  };
  for (const stop of plan.stops) add(stop.id, stop.customer?.id ?? null, stop.appointment);
  for (const call of plan.calls) add(call.id, call.customerId, call);
  // A stop whose customer left the portfolio still gets its brief (which says so).
  for (const u of plan.unplaced)
    add(u.id, u.customer?.id ?? u.appointment?.customerId ?? null, u.appointment);
  return out;
}

export function DaySheetScreen({ day }: { day: string | null }) {
  const intl = useIntl();
  const { platform, user, db } = useApp();
  const plan = useDayPlan(day);
  const callIds = plan.state === 'ready' ? plan.calls.map((c) => c.customerId).join(',') : '';
  const callCustomers = useLiveQuery(async () => {
    const rows = await db.customers.bulkGet(callIds ? callIds.split(',') : []);
    return new Map(rows.filter((c): c is CustomerRow => c !== undefined).map((c) => [c.id, c]));
  }, [db, callIds]);
  const [exporting, setExporting] = useState(false);
  const [result, setResult] = useState<PdfExportResult | null>(null);

  if (plan.state === 'loading') {
    return (
      <section className="page daysheet">
        <SkeletonRows rows={8} label={intl.formatMessage({ id: 'daysheet.loading' })} />
      </section>
    );
  }

  const dayLabel = formatDay(intl, plan.day, { dateStyle: 'full' });
  const time = (ms: number) => intl.formatTime(ms, { timeStyle: 'short' });
  const km = (n: number) =>
    intl.formatNumber(n, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 });
  const minutes = (n: number) => intl.formatNumber(Math.round(n), { style: 'unit', unit: 'minute' });
  const briefs = briefsOf(plan);
  const callName = (c: AppointmentRow) =>
    callCustomers?.get(c.customerId)?.name ?? intl.formatMessage({ id: 'daysheet.unknownCustomer' });

  const exportPdf = async () => {
    setExporting(true);
    setResult(null);
    try {
      setResult(await platform.exportPdf(daySheetFileName(plan.day)));
    } finally {
      setExporting(false);
    }
  };

  const points: MapPoint[] = plan.stops.map((s, i) => ({
    id: s.id,
    lat: s.position.lat,
    lon: s.position.lon,
    label: s.customer?.name ?? '',
    segment: s.segment,
    routeNumber: s.timing?.number ?? i + 1,
    kind: 'stop',
  }));
  const path = plan.start
    ? [plan.start, ...plan.stops.map((s) => s.position), plan.start]
    : plan.stops.map((s) => s.position);

  return (
    <article className="page daysheet" aria-labelledby="daysheet-title">
      <nav className="daysheet__toolbar no-print" aria-label={intl.formatMessage({ id: 'daysheet.toolbar' })}>
        <a href={hrefFor({ name: 'route', day: plan.day })}>
          <span aria-hidden="true">← </span>
          <Msg id="daysheet.backToRoute" />
        </a>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => void exportPdf()}
          disabled={exporting}
        >
          <Msg id={exporting ? 'daysheet.exporting' : 'daysheet.export'} />
        </button>
        <p className="daysheet__export-status" role="status">
          {result === null ? null : result.kind === 'saved' ? (
            <Msg id="daysheet.saved" values={{ path: result.path }} />
          ) : result.kind === 'cancelled' ? (
            <Msg id="daysheet.cancelled" />
          ) : result.kind === 'failed' ? (
            <Msg id="daysheet.failed" values={{ message: result.message }} />
          ) : (
            <Msg id="daysheet.printDialog" />
          )}
        </p>
      </nav>

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
          <p>
            <Msg id="daysheet.emptyBody" />
          </p>
        </EmptyState>
      ) : (
        <section className="daysheet__route" aria-labelledby="daysheet-route-title">
          <h2 id="daysheet-route-title" className="section-title">
            <Msg id="daysheet.route" />
          </h2>
          {plan.plan ? (
            <dl className="daysheet__totals">
              <div>
                <dt>
                  <Msg id="daysheet.departure" />
                </dt>
                <dd className="tabular">
                  {time(plan.plan.departureMs)}
                  {plan.start ? <span className="muted"> — {plan.start.label}</span> : null}
                </dd>
              </div>
              <div>
                <dt>
                  <Msg id="daysheet.return" />
                </dt>
                <dd className="tabular">{time(plan.plan.returnMs)}</dd>
              </div>
              <div>
                <dt>
                  <Msg id="daysheet.distance" />
                </dt>
                <dd className="tabular" data-total="km">
                  {km(plan.plan.totalKm)}
                </dd>
              </div>
              <div>
                <dt>
                  <Msg id="daysheet.driving" />
                </dt>
                <dd className="tabular">{minutes(plan.plan.drivingMinutes)}</dd>
              </div>
              <div>
                <dt>
                  <Msg id="daysheet.stops" />
                </dt>
                <dd className="tabular">{intl.formatNumber(plan.stops.length)}</dd>
              </div>
              {plan.plan.lateMinutes > 0 ? (
                <div>
                  <dt>
                    <Msg id="daysheet.late" />
                  </dt>
                  <dd>
                    <Badge tone="danger">{minutes(plan.plan.lateMinutes)}</Badge>
                  </dd>
                </div>
              ) : null}
            </dl>
          ) : null}

          {plan.stops.length > 0 ? (
            <table className="daysheet__table">
              <caption className="visually-hidden">
                <Msg id="daysheet.tableCaption" values={{ date: dayLabel }} />
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    <Msg id="daysheet.col.number" />
                  </th>
                  <th scope="col">
                    <Msg id="daysheet.col.arrival" />
                  </th>
                  <th scope="col">
                    <Msg id="daysheet.col.appointment" />
                  </th>
                  <th scope="col">
                    <Msg id="daysheet.col.customer" />
                  </th>
                  <th scope="col">
                    <Msg id="daysheet.col.objective" />
                  </th>
                  <th scope="col" className="num">
                    <Msg id="daysheet.col.leg" />
                  </th>
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
                            <Msg
                              id="daysheet.lateBy"
                              values={{ minutes: Math.round(s.timing.lateMinutes) }}
                            />
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
                        <span className="muted">
                          <Msg id="daysheet.flexible" />
                        </span>
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
          ) : null}

          {plan.calls.length > 0 ? (
            <>
              <h3 className="daysheet__subtitle">
                <Msg id="daysheet.calls" />
              </h3>
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
              <h3 className="daysheet__subtitle">
                <Msg id="daysheet.unplaced" />
              </h3>
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
