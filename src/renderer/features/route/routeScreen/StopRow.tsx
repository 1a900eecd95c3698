/** One placed stop: its handle (drag, Alt+↑/↓), times, customer, leg and actions. */
import type { KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { formatClock } from '../../../i18n/format.js';
import { useT } from '../../../i18n/useT.js';
import { SegmentBadge } from '../../../ui/SegmentBadge.js';
import { StartVisitButton } from '../../visit/index.js';
import type { DayPlanStop } from '../dayPlanModel.js';
import { formatDuration, formatKm, nameOf, townOf } from './format.js';
import { navigationApps, navigationUrl } from './navigationLinks.js';

export function StopRow({
  stop,
  index,
  count,
  handleRef,
  onHandleKey,
  onDragStart,
  onDragEnd,
  onMove,
  onRemove,
  campaign,
  online,
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
  /** The campaign whose open task this stop's customer has that day, if any. */
  campaign: string | null;
  /** Whether the links to Waze, Google Maps and Plans can work (hidden offline). */
  online: boolean;
}) {
  const intl = useIntl();
  const t = useT();
  const name = nameOf(stop);
  const timing = stop.timing;
  const town = townOf(stop.customer);
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
          <Text as="span" className="muted" msg="route.flexible" />
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
        {campaign !== null ? (
          <span className="badge badge--info" data-testid="route-stop-campaign">
            {t('tasks.route.reason', { name: campaign })}
          </span>
        ) : null}
        {stop.approximate ? <ApproximateBadge /> : null}
        {timing ? (
          <span className="route-stop__leg muted num">
            {t('route.leg', {
              km: formatKm(intl, timing.legKm),
              duration: formatDuration(intl, timing.legMinutes),
            })}
          </span>
        ) : null}
        <p className="route-stop__nav" data-testid="route-stop-nav">
          {online ? (
            <>
              <Text as="span" className="muted" msg="route.nav.openIn" />
              {navigationApps.map((app) => (
                <a
                  key={app}
                  href={navigationUrl(app, stop.position)}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('route.nav.link', { app: t(`route.nav.app.${app}`), name })}
                >
                  {t(`route.nav.app.${app}`)}
                </a>
              ))}
            </>
          ) : (
            <Text as="span" className="muted" msg="route.nav.offline" />
          )}
        </p>
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
            href={hrefFor({ name: 'brief', appointmentId: stop.appointment.id, from: 'route' })}
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
        <MoveButton
          label={t('route.moveUp', { name })}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ↑
        </MoveButton>
        <MoveButton
          label={t('route.moveDown', { name })}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          ↓
        </MoveButton>
      </div>
    </div>
  );
}

function MoveButton({
  label,
  disabled,
  onClick,
  children,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button type="button" className="btn btn--small" disabled={disabled} aria-label={label} onClick={onClick}>
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/** The stop or suggestion is placed at its postcode's town. */
export function ApproximateBadge() {
  return <Text as="span" className="badge badge--warning" msg="route.approximate" />;
}
