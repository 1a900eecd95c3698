/**
 * The day's route (Tournée): the stops of a day in the rep's order from their start point and
 * back, with arrival times, the legs and the totals; "Optimise" finds a shorter order that keeps
 * every appointment on time; the rep reorders by drag, by the move buttons or with Alt+↑/↓ on
 * a stop's handle, and every change is saved on this laptop (local only) and announced with the
 * new totals. "Fill the gaps" suggests nearby customers worth a visit. Everything is local, so
 * the screen works the same offline.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { IntlShape } from 'react-intl';
import { useIntl } from 'react-intl';
import type { GapReason, GapSuggestion } from '../../../shared/domain/route/gaps.js';
import { suggestGapFillers } from '../../../shared/domain/route/gaps.js';
import type { RouteInput, RoutePlan } from '../../../shared/domain/route/route.js';
import { evaluateRoute, optimiseRoute } from '../../../shared/domain/route/route.js';
import { useApp } from '../../app/context.js';
import { hrefFor } from '../../app/router.js';
import { Msg } from '../../i18n/Msg.js';
import { formatClock } from '../../i18n/format.js';
import { useT } from '../../i18n/useT.js';
import { Banner } from '../../ui/Banner.js';
import { EmptyState } from '../../ui/EmptyState.js';
import { SegmentBadge } from '../../ui/SegmentBadge.js';
import { SkeletonRows } from '../../ui/Skeleton.js';
import type { MapPoint } from '../map/index.js';
import { OfflineMap } from '../map/index.js';
import { addDays, instantOn, todayIn } from '../../../shared/lib/calendar.js';
import type { DayPlanReady, DayPlanStop, UnplacedStop } from './dayPlanModel.js';
import { addDayStop, removeDayStop, saveDayOrder, setDayDeparture } from './dayPlans.js';
import { usePlaceByPostcode } from './placeByPostcode.js';
import { useGapCandidates } from './queries.js';
import { useDayPlan } from './useDayPlan.js';
import { StartVisitButton } from '../visit/index.js';

export function formatKm(intl: IntlShape, km: number): string {
  return intl.formatNumber(km, {
    style: 'unit',
    unit: 'kilometer',
    maximumFractionDigits: km < 10 ? 1 : 0,
  });
}

export function formatDuration(intl: IntlShape, minutes: number): string {
  const total = Math.round(minutes);
  return intl.formatMessage({ id: 'route.duration' }, { hours: Math.floor(total / 60), minutes: total % 60 });
}

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

function nameOf(stop: { customer: { name: string } | null; id: string }): string {
  return stop.customer?.name ?? stop.id;
}

export function RouteScreen({ day }: { day: string | null }) {
  const { user } = useApp();
  const theDay = day ?? todayIn(user.timeZone);
  const data = useDayPlan(theDay);
  const intl = useIntl();
  const dateLabel = intl.formatDate(instantOn(theDay, '12:00', user.timeZone), { dateStyle: 'full' });

  return (
    <section className="page page--route" aria-labelledby="route-title">
      <header className="page__header route__header">
        <h1 id="route-title" className="page__title">
          <Msg id="route.title" /> <span className="route__date">{dateLabel}</span>
        </h1>
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
      </header>
      {data.state === 'loading' ? (
        <SkeletonRows rows={6} label={intl.formatMessage({ id: 'route.loading' })} />
      ) : (
        <RouteBody data={data} />
      )}
    </section>
  );
}

function RouteBody({ data }: { data: DayPlanReady }) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const order = data.stops.map((s) => s.id);
  const plan = data.plan;

  // After a keyboard move the moved stop keeps the focus (its row re-renders elsewhere).
  useEffect(() => {
    if (pendingFocus.current === null) return;
    handles.current.get(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [data.stops]);

  const totalsText = (p: RoutePlan) => ({
    km: formatKm(intl, p.totalKm),
    duration: formatDuration(intl, p.drivingMinutes),
    time: formatClock(intl, p.returnMs),
  });

  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= order.length || from === to) return;
    const next = move(order, from, to);
    const stop = data.stops[from]!;
    pendingFocus.current = stop.id;
    void saveDayOrder(db, data.day, next).then(() => {
      if (data.input) {
        const p = evaluateRoute(next, data.input);
        setAnnouncement(
          t('route.moved', { name: nameOf(stop), position: to + 1, count: next.length, ...totalsText(p) }),
        );
      }
    });
  };

  const optimise = (input: RouteInput) => {
    const best = optimiseRoute(input);
    const current = plan;
    void saveDayOrder(db, data.day, best.order).then(() => {
      const same = current !== null && current.order.join() === best.order.join();
      setAnnouncement(
        same
          ? t('route.alreadyOptimal', { km: formatKm(intl, best.totalKm) })
          : t('route.optimised', totalsText(best)),
      );
    });
  };

  const onHandleKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowUp') {
      e.preventDefault();
      reorder(index, index - 1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      reorder(index, index + 1);
    }
  };

  const suggested = useSuggestions(data);
  const lateCount = plan?.stops.filter((s) => s.lateMinutes > 0.5).length ?? 0;
  const hasStops = data.stops.length > 0 || data.unplaced.length > 0;

  const points: MapPoint[] = data.stops.map((s, k) => ({
    id: s.id,
    lat: s.position.lat,
    lon: s.position.lon,
    label: nameOf(s),
    segment: s.segment,
    routeNumber: k + 1,
    kind: 'stop',
  }));
  // Without a start point the map still links the stops in their order.
  const path = (
    data.start
      ? [data.start, ...data.stops.map((s) => s.position), data.start]
      : data.stops.map((s) => s.position)
  ).map((p) => ({ lat: p.lat, lon: p.lon }));

  return (
    <div className="route">
      <div className="route__main">
        <section className="card route__start" aria-labelledby={`${id}-start`}>
          <h2 id={`${id}-start`} className="section-title">
            <Msg id="route.start.title" />
          </h2>
          {data.start === null ? (
            <div className="route__missing">
              <p className="route__missing-title">
                <Msg id="route.start.missingTitle" />
              </p>
              <p className="muted">
                <Msg id="route.start.missingBody" />
              </p>
              <a className="btn btn--primary" href={hrefFor({ name: 'settings' })}>
                <Msg id="route.start.missingLink" />
              </a>
            </div>
          ) : (
            <div className="route__start-row">
              <p>
                <Msg id="route.start.summary" values={{ label: data.start.label }} />
              </p>
              <div className="field route__departure">
                <label htmlFor={`${id}-departure`} className="field__label">
                  <Msg id="route.departure" />
                </label>
                <input
                  id={`${id}-departure`}
                  type="time"
                  className="input input--inline"
                  value={data.departureTime}
                  aria-describedby={`${id}-departure-help`}
                  onChange={(e) => {
                    const v = e.target.value;
                    if (/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) void setDayDeparture(db, data.day, v);
                  }}
                />
                <p id={`${id}-departure-help`} className="hint muted">
                  <Msg id="route.departureHelp" />
                </p>
              </div>
              <div className="route__optimise">
                <button
                  type="button"
                  className="btn btn--primary"
                  disabled={data.input === null || data.stops.length < 2}
                  aria-describedby={`${id}-optimise-help`}
                  onClick={() => data.input && optimise(data.input)}
                >
                  <Msg id="route.optimise" />
                </button>
                <p id={`${id}-optimise-help`} className="hint muted">
                  <Msg id="route.optimiseHelp" />
                </p>
              </div>
            </div>
          )}
        </section>

        <p className="visually-hidden" aria-live="polite" role="status">
          {announcement}
        </p>

        {plan ? (
          <section className="card route__totals" aria-labelledby={`${id}-totals`}>
            <h2 id={`${id}-totals`} className="visually-hidden">
              <Msg id="route.totals" />
            </h2>
            <dl className="route__figures" data-testid="route-totals">
              <div>
                <dt>
                  <Msg id="route.totalKm" />
                </dt>
                <dd className="num" data-testid="route-total-km">
                  {formatKm(intl, plan.totalKm)}
                </dd>
              </div>
              <div>
                <dt>
                  <Msg id="route.drivingTime" />
                </dt>
                <dd className="num">{formatDuration(intl, plan.drivingMinutes)}</dd>
              </div>
              <div>
                <dt>
                  <Msg id="route.returnAt" />
                </dt>
                <dd className="num">{formatClock(intl, plan.returnMs)}</dd>
              </div>
              {plan.waitMinutes >= 1 ? (
                <div>
                  <dt>
                    <Msg id="route.waitTotal" />
                  </dt>
                  <dd className="num">{formatDuration(intl, plan.waitMinutes)}</dd>
                </div>
              ) : null}
            </dl>
            {lateCount > 0 ? (
              <Banner tone="warning">
                <Msg id="route.lateWarning" values={{ count: lateCount }} />
              </Banner>
            ) : null}
          </section>
        ) : null}

        <section className="route__stops-section" aria-labelledby={`${id}-stops`}>
          <h2 id={`${id}-stops`} className="section-title">
            <Msg id="route.stops" />{' '}
            <span className="muted">
              <Msg id="route.stopCount" values={{ count: data.stops.length + data.unplaced.length }} />
            </span>
          </h2>
          {!hasStops ? (
            <EmptyState title={<Msg id="route.empty.title" />}>
              <p>
                <Msg id="route.empty.body" />
              </p>
              <a className="btn" href={hrefFor({ name: 'agenda', view: 'day', day: data.day })}>
                <Msg id="route.agenda" />
              </a>
            </EmptyState>
          ) : (
            <ol className="route-stops">
              {data.stops.map((stop, index) => (
                <li
                  key={stop.id}
                  className={`route-stop${dragging === stop.id ? ' route-stop--dragging' : ''}`}
                  data-testid="route-stop"
                  onDragOver={(e) => {
                    if (dragging !== null) e.preventDefault();
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragging !== null) reorder(order.indexOf(dragging), index);
                    setDragging(null);
                  }}
                >
                  <StopRow
                    stop={stop}
                    index={index}
                    count={data.stops.length}
                    handleRef={(el) => {
                      if (el) handles.current.set(stop.id, el);
                      else handles.current.delete(stop.id);
                    }}
                    onHandleKey={(e) => onHandleKey(e, index)}
                    onDragStart={() => setDragging(stop.id)}
                    onDragEnd={() => setDragging(null)}
                    onMove={(to) => reorder(index, to)}
                    onRemove={() =>
                      void removeDayStop(db, data.day, stop.id).then(() =>
                        setAnnouncement(t('route.removed', { name: nameOf(stop) })),
                      )
                    }
                  />
                </li>
              ))}
            </ol>
          )}
          {plan && data.start && data.stops.length > 0 ? (
            <p className="route__return muted">
              <Msg
                id="route.returnLeg"
                values={{
                  label: data.start.label,
                  km: formatKm(intl, plan.returnLeg.km),
                  duration: formatDuration(intl, plan.returnLeg.minutes),
                }}
              />
            </p>
          ) : null}
        </section>

        {data.unplaced.length > 0 ? <Unplaced unplaced={data.unplaced} /> : null}

        <GapFillers
          data={data}
          suggested={suggested}
          onAdded={(name, p) => setAnnouncement(t('route.added', { name, ...totalsText(p) }))}
        />
      </div>
      <div className="route__map">
        <RouteMap data={data} points={points} path={path} suggested={suggested} />
      </div>
    </div>
  );
}

function StopRow({
  stop,
  index,
  count,
  handleRef,
  onHandleKey,
  onDragStart,
  onDragEnd,
  onMove,
  onRemove,
}: {
  stop: DayPlanStop;
  index: number;
  count: number;
  handleRef: (el: HTMLButtonElement | null) => void;
  onHandleKey: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onDragStart: () => void;
  onDragEnd: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const intl = useIntl();
  const t = useT();
  const name = nameOf(stop);
  const timing = stop.timing;
  const town = stop.customer ? [stop.customer.postcode, stop.customer.city].filter(Boolean).join(' ') : '';
  return (
    <div className="route-stop__row">
      <button
        type="button"
        ref={handleRef}
        className="route-stop__handle"
        draggable
        aria-label={t('route.reorderHandle', { name })}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onKeyDown={onHandleKey}
        onDragStart={(e) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', stop.id);
          onDragStart();
        }}
        onDragEnd={onDragEnd}
      >
        <span className="route-stop__number num" aria-hidden="true">
          {index + 1}
        </span>
        <span className="route-stop__grip" aria-hidden="true">
          ⋮⋮
        </span>
      </button>
      <div className="route-stop__times num">
        {timing ? <span>{t('route.arrival', { time: formatClock(intl, timing.arrivalMs) })}</span> : null}
        {stop.appointment ? (
          <span className="route-stop__fixed">
            {t('route.appointmentAt', { time: formatClock(intl, Date.parse(stop.appointment.startAt)) })}
          </span>
        ) : (
          <span className="muted">
            <Msg id="route.flexible" />
          </span>
        )}
        {timing && timing.lateMinutes > 0.5 ? (
          <span className="badge badge--danger">
            {t('route.late', { duration: formatDuration(intl, timing.lateMinutes) })}
          </span>
        ) : null}
        {timing && timing.waitMinutes >= 1 ? (
          <span className="badge badge--neutral">
            {t('route.wait', { duration: formatDuration(intl, timing.waitMinutes) })}
          </span>
        ) : null}
      </div>
      <div className="route-stop__who">
        {stop.customer ? (
          <a className="route-stop__name" href={hrefFor({ name: 'customer', id: stop.customer.id })}>
            {name}
          </a>
        ) : (
          <span className="route-stop__name">{name}</span>
        )}
        <span className="muted">{town || t('route.unknownTown')}</span>
        {stop.segment ? (
          <SegmentBadge segment={stop.segment}>
            <Msg id={`segment.${stop.segment}`} />
          </SegmentBadge>
        ) : null}
        {stop.approximate ? (
          <span className="badge badge--warning">
            <Msg id="route.approximate" />
          </span>
        ) : null}
        {timing ? (
          <span className="route-stop__leg muted num">
            {t('route.leg', {
              km: formatKm(intl, timing.legKm),
              duration: formatDuration(intl, timing.legMinutes),
            })}
          </span>
        ) : null}
      </div>
      <div className="route-stop__actions">
        {stop.customer ? (
          <StartVisitButton
            customerId={stop.customer.id}
            appointmentId={stop.appointment?.id ?? null}
            className="btn btn--small"
            customerName={name}
            compact
          />
        ) : null}
        {stop.appointment ? (
          <a
            className="btn btn--small btn--ghost"
            href={hrefFor({ name: 'brief', appointmentId: stop.appointment.id })}
            aria-label={t('route.briefOf', { name })}
          >
            <Msg id="route.brief" />
          </a>
        ) : (
          <button type="button" className="btn btn--small btn--ghost" onClick={onRemove}>
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">{t('route.remove', { name })}</span>
          </button>
        )}
        <button
          type="button"
          className="btn btn--small"
          disabled={index === 0}
          aria-label={t('route.moveUp', { name })}
          onClick={() => onMove(index - 1)}
        >
          <span aria-hidden="true">↑</span>
        </button>
        <button
          type="button"
          className="btn btn--small"
          disabled={index === count - 1}
          aria-label={t('route.moveDown', { name })}
          onClick={() => onMove(index + 1)}
        >
          <span aria-hidden="true">↓</span>
        </button>
      </div>
    </div>
  );
}

function Unplaced({ unplaced }: { unplaced: readonly UnplacedStop[] }) {
  const id = useId();
  return (
    <section className="card route__unplaced" aria-labelledby={`${id}-unplaced`}>
      <h2 id={`${id}-unplaced`} className="section-title">
        <Msg id="route.unplaced.title" />
      </h2>
      <p className="muted">
        <Msg id="route.unplaced.body" />
      </p>
      <ul className="plain-list">
        {unplaced.map((u) => (
          <li key={u.id} data-testid="route-unplaced">
            {u.customer ? (
              <a href={hrefFor({ name: 'customer', id: u.customer.id })}>{u.customer.name}</a>
            ) : (
              <span>{u.id}</span>
            )}{' '}
            <span className="muted">
              {u.reason === 'unknownCustomer' ? (
                <Msg id="route.unplaced.unknownCustomer" />
              ) : u.customer?.postcode ? (
                <Msg id="route.unplaced.noPosition" values={{ postcode: u.customer.postcode }} />
              ) : (
                <Msg id="route.unplaced.noPostcode" />
              )}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function reasonText(t: ReturnType<typeof useT>, r: GapReason): string {
  switch (r.kind) {
    case 'complaint':
      return t('route.reason.complaint', { count: r.count });
    case 'segment':
      return t('route.reason.segment', { segment: t(`segment.${r.segment}`) });
    case 'overdue':
      return t('route.reason.overdue', { days: r.days, rhythm: r.rhythmDays });
    case 'notVisited':
      return r.days === null
        ? t('route.reason.neverVisited')
        : t('route.reason.notVisited', { days: r.days });
    case 'prospect':
      return t('route.reason.prospect');
    case 'promising':
      return t('route.reason.promising');
    default:
      return missingCase(r);
  }
}

function missingCase(x: never): never {
  throw new Error(`Unhandled gap reason: ${JSON.stringify(x)}`);
}

function useSuggestions(data: DayPlanReady) {
  const { db, user } = useApp();
  const noon = Date.parse(instantOn(data.day, '12:00', user.timeZone));
  const placeByPostcode = usePlaceByPostcode();
  const gap = useGapCandidates(db, placeByPostcode, noon);
  const suggestions = useMemo(() => {
    if (!gap || !data.start) return undefined;
    const path = [data.start, ...data.stops.map((s) => s.position), data.start];
    const exclude = new Set<string>([
      ...data.stops.flatMap((s) => (s.customer ? [s.customer.id] : [])),
      ...data.unplaced.flatMap((s) => (s.customer ? [s.customer.id] : [])),
    ]);
    return suggestGapFillers(path, gap.candidates, { travel: data.travel, excludeCustomerIds: exclude });
  }, [gap, data]);
  return { gap, suggestions };
}

type Suggested = ReturnType<typeof useSuggestions>;

function GapFillers({
  data,
  suggested,
  onAdded,
}: {
  data: DayPlanReady;
  suggested: Suggested;
  onAdded: (name: string, plan: RoutePlan) => void;
}) {
  const { db } = useApp();
  const intl = useIntl();
  const t = useT();
  const id = useId();
  const { gap, suggestions } = suggested;
  const order = data.stops.map((s) => s.id);

  const add = (s: GapSuggestion, name: string) => {
    const position = Math.min(order.length, s.insertAfter);
    void addDayStop(db, data.day, s.customerId, order, position).then((row) => {
      const customer = gap?.customers.get(s.customerId);
      if (data.input && customer) {
        const input: RouteInput = {
          ...data.input,
          stops: [
            ...data.input.stops,
            {
              id: s.customerId,
              position:
                gap?.candidates.find((c) => c.customerId === s.customerId)?.position ?? data.input.start,
              durationMinutes: 30,
              fixedStartMs: null,
            },
          ],
        };
        onAdded(name, evaluateRoute(row.order, input));
      }
    });
  };

  return (
    <section className="card route__gaps" aria-labelledby={`${id}-gaps`}>
      <h2 id={`${id}-gaps`} className="section-title">
        <Msg id="route.gaps.title" />
      </h2>
      <p className="hint muted">
        <Msg id="route.gaps.help" />
      </p>
      {data.start === null ? (
        <p>
          <Msg id="route.gaps.needStart" />
        </p>
      ) : suggestions === undefined ? (
        <SkeletonRows rows={3} label={t('route.loading')} />
      ) : suggestions.length === 0 ? (
        <p>
          <Msg id="route.gaps.empty" />
        </p>
      ) : (
        <ul className="route-gaps">
          {suggestions.map((s) => {
            const customer = gap?.customers.get(s.customerId);
            const name = customer?.name ?? s.customerId;
            return (
              <li key={s.customerId} className="route-gap" data-testid="route-suggestion">
                <div className="route-gap__who">
                  <a href={hrefFor({ name: 'customer', id: s.customerId })} className="route-stop__name">
                    {name}
                  </a>
                  <span className="muted">
                    {customer ? [customer.postcode, customer.city].filter(Boolean).join(' ') : ''}
                  </span>
                  {gap?.approximate.has(s.customerId) ? (
                    <span className="badge badge--warning">
                      <Msg id="route.approximate" />
                    </span>
                  ) : null}
                </div>
                <ul className="route-gap__reasons">
                  {s.reasons.map((r) => (
                    <li key={r.kind}>{reasonText(t, r)}</li>
                  ))}
                </ul>
                <span className="route-gap__detour num">
                  {t('route.gaps.detour', { km: formatKm(intl, s.detourKm) })}
                </span>
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={t('route.gaps.addName', { name })}
                  onClick={() => add(s, name)}
                >
                  <Msg id="route.gaps.add" />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function RouteMap({
  data,
  points,
  path,
  suggested,
}: {
  data: DayPlanReady;
  points: MapPoint[];
  path: { lat: number; lon: number }[];
  suggested: Suggested;
}) {
  const intl = useIntl();
  const { suggestions, gap } = suggested;
  const all: MapPoint[] = [
    ...points,
    ...(suggestions ?? []).map((s): MapPoint => {
      const c = gap?.candidates.find((x) => x.customerId === s.customerId);
      return {
        id: s.customerId,
        lat: c?.position.lat ?? 0,
        lon: c?.position.lon ?? 0,
        label: gap?.customers.get(s.customerId)?.name ?? s.customerId,
        segment: c?.segment ?? null,
        routeNumber: null,
        kind: 'suggestion',
      };
    }),
  ];
  return (
    <OfflineMap points={all} path={path} start={data.start} label={intl.formatMessage({ id: 'route.map' })} />
  );
}
