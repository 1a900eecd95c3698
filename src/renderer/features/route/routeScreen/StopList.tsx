/** The ordered stops (drag and drop between rows) and the return leg. */
import { useId } from 'react';
import { useIntl } from 'react-intl';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { EmptyState } from '../../../ui/EmptyState.js';
import { useCampaignTasks } from '../../campaignTasks/index.js';
import { useSyncStatus } from '../../sync/index.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { formatDuration, formatKm } from './format.js';
import { StopRow } from './StopRow.js';
import type { RouteEditing } from './useRouteEditing.js';

export function StopList({ data, editing }: { data: DayPlanReady; editing: RouteEditing }) {
  const intl = useIntl();
  const id = useId();
  const { engine } = useApp();
  // The same "offline" as the sync indicator: no network, or head office unreachable.
  const online = useSyncStatus(engine).state !== 'offline';
  const { dragging, setDragging, order, reorder } = editing;
  const plan = data.plan;
  const hasStops = data.stops.length > 0 || data.unplaced.length > 0;
  // The open campaign tasks of the day, by customer: the stop says which campaign it serves.
  const tasks = useCampaignTasks({ day: data.day });
  const campaignOf = new Map<string, string>();
  for (const task of tasks ?? []) {
    if (!task.done && !campaignOf.has(task.customerId)) campaignOf.set(task.customerId, task.campaignName);
  }
  return (
    <section className="route__stops-section" aria-labelledby={`${id}-stops`}>
      <h2 id={`${id}-stops`} className="section-title">
        <Msg id="route.stops" />{' '}
        <span className="muted">
          <Msg id="route.stopCount" values={{ count: data.stops.length + data.unplaced.length }} />
        </span>
      </h2>
      {!hasStops ? (
        <EmptyState title={<Msg id="route.empty.title" />}>
          <Text as="p" msg="route.empty.body" />
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
                handleRef={editing.handleRef(stop.id)}
                onHandleKey={(e) => editing.onHandleKey(e, index)}
                onDragStart={() => setDragging(stop.id)}
                onDragEnd={() => setDragging(null)}
                onMove={(to) => reorder(index, to)}
                onRemove={() => editing.remove(stop)}
                campaign={stop.customer ? (campaignOf.get(stop.customer.id) ?? null) : null}
                online={online}
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
  );
}
