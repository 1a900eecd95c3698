/** Where the day starts, the departure time and "Optimise". */
import { useId } from 'react';
import type { RouteInput } from '../../../../shared/domain/route/route.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg } from '../../../i18n/Msg.js';
import type { DayPlanReady } from '../dayPlanModel.js';
import { setDayDeparture } from '../dayPlans.js';

export function StartCard({
  data,
  onOptimise,
}: {
  data: DayPlanReady;
  onOptimise: (input: RouteInput) => void;
}) {
  const { db } = useApp();
  const id = useId();
  return (
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
              onClick={() => data.input && onOptimise(data.input)}
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
  );
}
