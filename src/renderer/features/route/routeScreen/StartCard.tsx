/** Where the day starts, the departure time and "Optimise". */
import { useId } from 'react';
import type { RouteInput } from '../../../../shared/domain/route/route.js';
import { useApp } from '../../../app/context.js';
import { hrefFor } from '../../../app/router.js';
import { Msg, Text } from '../../../i18n/Msg.js';
import { TimeInput } from '../../../ui/form/index.js';
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
      <Text as="h2" id={`${id}-start`} className="section-title" msg="route.start.title" />
      {data.start === null ? (
        <div className="route__missing">
          <Text as="p" className="route__missing-title" msg="route.start.missingTitle" />
          <Text as="p" className="muted" msg="route.start.missingBody" />
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
            <Text
              as="label"
              htmlFor={`${id}-departure`}
              id={`${id}-departure-label`}
              className="field__label"
              msg="route.departure"
            />
            <TimeInput
              control={{
                id: `${id}-departure`,
                'aria-invalid': undefined,
                'aria-describedby': `${id}-departure-help`,
              }}
              inline
              value={data.departureTime}
              onChange={(v) => {
                if (/^([01]\d|2[0-3]):[0-5]\d$/.test(v)) void setDayDeparture(db, data.day, v);
              }}
            />
            <Text as="p" id={`${id}-departure-help`} className="hint muted" msg="route.departureHelp" />
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
            <Text as="p" id={`${id}-optimise-help`} className="hint muted" msg="route.optimiseHelp" />
          </div>
        </div>
      )}
    </section>
  );
}
